import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteArticle } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { search } from './search.operation';
import { update } from './update.operation';

export const articleOperations: OperationDefinition[] = [create, deleteArticle, get, getMany, search, update];
