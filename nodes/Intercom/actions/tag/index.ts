import type { OperationDefinition } from '../types';

export const tagOperations: OperationDefinition[] = [];
