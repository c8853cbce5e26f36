import { conversationLocator, tagField } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS } from './shared';

export const addTag: OperationDefinition = {
	resource: 'conversation',
	value: 'addTag',
	name: 'Add Tag',
	action: 'Add a tag to a conversation',
	description: 'Apply an existing tag to a conversation on behalf of an admin; returns the tag',
	method: 'POST',
	path: '/conversations/{conversation_id}/tags',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation or tag',
	fields: [conversationLocator(), tagField('body'), actingAdminField()],
};
