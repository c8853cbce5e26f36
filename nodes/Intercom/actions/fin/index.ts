import type { OperationDefinition } from '../types';
import { reply } from './reply.operation';
import { start } from './start.operation';
import { submitCsat } from './submitCsat.operation';

export const finOperations: OperationDefinition[] = [start, reply, submitCsat];
