import type { OperationDefinition } from '../types';
import { convert } from './convert.operation';
import { get } from './get.operation';
import { update } from './update.operation';

export const visitorOperations: OperationDefinition[] = [get, update, convert];
