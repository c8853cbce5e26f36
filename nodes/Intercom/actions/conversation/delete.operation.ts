import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { CONVERSATION_PATH_LABELS } from './shared';

export const deleteConversation: OperationDefinition = {
	resource: 'conversation',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a conversation',
	description: 'Permanently delete a conversation and all its parts; returns its ID and deleted: true',
	method: 'DELETE',
	path: '/conversations/{conversation_id}',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [conversationLocator()],
};
