import { conversationLocator, tagField } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS } from './shared';

export const removeTag: OperationDefinition = {
	resource: 'conversation',
	value: 'removeTag',
	name: 'Remove Tag',
	action: 'Remove a tag from a conversation',
	description: 'Remove a tag from a conversation on behalf of an admin (the tag itself is kept); returns the tag',
	method: 'DELETE',
	path: '/conversations/{conversation_id}/tags/{tag_id}',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation or tag',
	fields: [conversationLocator(), tagField('path'), actingAdminField()],
};
