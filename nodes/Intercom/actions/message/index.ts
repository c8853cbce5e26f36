import type { OperationDefinition } from '../types';
import { send } from './send.operation';

export const messageOperations: OperationDefinition[] = [send];
