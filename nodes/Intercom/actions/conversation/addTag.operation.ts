import { conversationLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, buildOnly, CONVERSATION_PATH_LABELS, readActingAdmin, readId } from './shared';

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
	fields: [
		conversationLocator(),
		buildOnly(dynamicOptions('tagId', 'Tag Name or ID', 'getTags', { required: true })),
		buildOnly(actingAdminField()),
	],
	build: (ctx, request) => {
		Object.assign(request.body, { id: readId(ctx, 'tagId', 'Tag Name or ID'), admin_id: readActingAdmin(ctx) });
	},
};
