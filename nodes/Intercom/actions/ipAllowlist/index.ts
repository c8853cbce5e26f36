import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { update } from './update.operation';

export const ipAllowlistOperations: OperationDefinition[] = [get, update];
