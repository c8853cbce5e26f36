import type { OperationDefinition } from '../types';
import { createOrUpdate } from './createOrUpdate.operation';
import { deleteCompany } from './delete.operation';
import { find } from './find.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { listContacts } from './listContacts.operation';
import { listSegments } from './listSegments.operation';
import { update } from './update.operation';

export const companyOperations: OperationDefinition[] = [createOrUpdate, get, find, getMany, update, deleteCompany, listContacts, listSegments];
