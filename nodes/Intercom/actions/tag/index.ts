import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteTag } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';

export const tagOperations: OperationDefinition[] = [create, get, getMany, deleteTag];
