import type { OperationDefinition } from '../types';

export const contactOperations: OperationDefinition[] = [];
