import type { OperationDefinition } from '../types';
import { cancel } from './cancel.operation';
import { create } from './create.operation';
import { download } from './download.operation';
import { get } from './get.operation';

export const dataExportOperations: OperationDefinition[] = [create, get, cancel, download];
