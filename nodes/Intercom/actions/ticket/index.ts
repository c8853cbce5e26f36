import type { OperationDefinition } from '../types';
import { addTag } from './addTag.operation';
import { create, createInBackground } from './create.operation';
import { deleteTicket } from './delete.operation';
import { get } from './get.operation';
import { removeTag } from './removeTag.operation';
import { reply } from './reply.operation';
import { search } from './search.operation';
import { update } from './update.operation';

export const ticketOperations: OperationDefinition[] = [create, createInBackground, get, search, update, deleteTicket, reply, addTag, removeTag];
