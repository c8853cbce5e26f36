import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import {
	actingAdminField,
	buildOnly,
	contactIdentifierFields,
	CONVERSATION_PATH_LABELS,
	readActingAdmin,
	readContactIdentifier,
} from './shared';

export const attachContact: OperationDefinition = {
	resource: 'conversation',
	value: 'attachContact',
	name: 'Attach Contact',
	action: 'Add a contact to a conversation',
	description:
		'Add a contact as a participant of a group conversation, found by Intercom ID, external user ID or email; returns the participants',
	method: 'POST',
	path: '/conversations/{conversation_id}/customers',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation or contact',
	fields: [conversationLocator(), buildOnly(actingAdminField()), ...contactIdentifierFields()],
	build: (ctx, request) => {
		Object.assign(request.body, { admin_id: readActingAdmin(ctx), customer: readContactIdentifier(ctx) });
	},
};
