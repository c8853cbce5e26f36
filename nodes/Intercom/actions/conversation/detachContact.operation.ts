import { contactLocator, conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS } from './shared';

export const detachContact: OperationDefinition = {
	resource: 'conversation',
	value: 'detachContact',
	name: 'Detach Contact',
	action: 'Remove a contact from a conversation',
	description:
		'Remove a participant from a group conversation (the last contact cannot be removed); returns the remaining participants',
	method: 'DELETE',
	path: '/conversations/{conversation_id}/customers/{contact_id}',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation or contact',
	fields: [conversationLocator(), contactLocator(), actingAdminField()],
};
