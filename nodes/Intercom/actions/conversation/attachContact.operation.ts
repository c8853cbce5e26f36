import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, contactIdentifierFields, CONVERSATION_PATH_LABELS } from './shared';

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
	fields: [conversationLocator(), actingAdminField(), ...contactIdentifierFields(undefined, 'customer')],
};
