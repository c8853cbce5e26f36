import type { OperationDefinition } from '../types';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const helpCenterOperations: OperationDefinition[] = [get, getMany];
