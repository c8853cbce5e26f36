import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS } from './shared';

export const open: OperationDefinition = {
	resource: 'conversation',
	value: 'open',
	name: 'Open',
	action: 'Open a conversation',
	description: 'Reopen a closed or snoozed conversation on behalf of an admin; returns the conversation',
	method: 'POST',
	path: '/conversations/{conversation_id}/parts',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [conversationLocator(), actingAdminField()],
	fixed: { body: { message_type: 'open' } },
};
