import type { OperationDefinition } from '../types';
import { addTag } from './addTag.operation';
import { assign } from './assign.operation';
import { attachContact } from './attachContact.operation';
import { close } from './close.operation';
import { convertToTicket } from './convertToTicket.operation';
import { create } from './create.operation';
import { deleteConversation } from './delete.operation';
import { detachContact } from './detachContact.operation';
import { get } from './get.operation';
import { getMany } from './getMany.operation';
import { open } from './open.operation';
import { redact } from './redact.operation';
import { removeTag } from './removeTag.operation';
import { search } from './search.operation';
import { reply } from './reply.operation';
import { snooze } from './snooze.operation';
import { update } from './update.operation';

export const conversationOperations: OperationDefinition[] = [
	create,
	get,
	getMany,
	search,
	update,
	deleteConversation,
	reply,
	close,
	open,
	snooze,
	assign,
	attachContact,
	detachContact,
	addTag,
	removeTag,
	redact,
	convertToTicket,
];
