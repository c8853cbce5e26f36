import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const segmentOperations: OperationDefinition[] = [get, getMany];
