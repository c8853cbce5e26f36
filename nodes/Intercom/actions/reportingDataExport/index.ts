import type { OperationDefinition } from '../types';
import { download } from './download.operation';
import { enqueue } from './enqueue.operation';
import { get } from './get.operation';
import { getDatasets } from './getDatasets.operation';

export const reportingDataExportOperations: OperationDefinition[] = [getDatasets, enqueue, get, download];
