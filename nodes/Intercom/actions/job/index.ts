import type { OperationDefinition } from '../types';
import { getStatus } from './getStatus.operation';

export const jobOperations: OperationDefinition[] = [getStatus];
