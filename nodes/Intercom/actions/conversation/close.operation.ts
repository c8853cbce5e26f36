import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS, optionalBodyOption } from './shared';

export const close: OperationDefinition = {
	resource: 'conversation',
	value: 'close',
	name: 'Close',
	action: 'Close a conversation',
	description: 'Close a conversation on behalf of an admin, optionally leaving a closing message; returns the conversation',
	method: 'POST',
	path: '/conversations/{conversation_id}/parts',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [conversationLocator(), actingAdminField()],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [optionalBodyOption('A message left in the conversation as it closes, seen by the contact and teammates')],
		},
	],
	fixed: { body: { message_type: 'close', type: 'admin' } },
};
