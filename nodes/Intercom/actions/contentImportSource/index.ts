import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteContentImportSource } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const contentImportSourceOperations: OperationDefinition[] = [create, deleteContentImportSource, get, getMany, update];
