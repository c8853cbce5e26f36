import type { OperationDefinition } from '../types';

export const conversationOperations: OperationDefinition[] = [];
