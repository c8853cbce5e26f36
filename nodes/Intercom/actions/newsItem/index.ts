import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteNewsItem } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const newsItemOperations: OperationDefinition[] = [create, deleteNewsItem, get, getMany, update];
