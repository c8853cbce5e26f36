import type { OperationDefinition } from '../types';
import { create } from './create.operation';
import { deleteExternalPage } from './delete.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { update } from './update.operation';

export const externalPageOperations: OperationDefinition[] = [create, deleteExternalPage, get, getMany, update];
