import type { OperationDefinition } from '../types';

export const articleOperations: OperationDefinition[] = [];
