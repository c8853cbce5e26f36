import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const dataAttributeOperations: OperationDefinition[] = [getMany, create, update];
