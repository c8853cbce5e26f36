import type { OperationDefinition } from '../types';
import { getMany } from './getMany.operation';

export const awayStatusReasonOperations: OperationDefinition[] = [getMany];
