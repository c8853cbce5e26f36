import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteInternalArticle } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { search } from './search.operation';
import { update } from './update.operation';

export const internalArticleOperations: OperationDefinition[] = [create, deleteInternalArticle, get, getMany, search, update];
