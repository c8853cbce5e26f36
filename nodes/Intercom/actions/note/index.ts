import type { OperationDefinition } from '../types';
import { get } from './get.operation';

export const noteOperations: OperationDefinition[] = [get];
