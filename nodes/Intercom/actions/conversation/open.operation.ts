import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, buildOnly, CONVERSATION_PATH_LABELS, readActingAdmin } from './shared';

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
	fields: [conversationLocator(), buildOnly(actingAdminField())],
	build: (ctx, request) => {
		Object.assign(request.body, { message_type: 'open', admin_id: readActingAdmin(ctx) });
	},
};
