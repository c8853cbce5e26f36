import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteCollection } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const collectionOperations: OperationDefinition[] = [create, deleteCollection, get, getMany, update];
