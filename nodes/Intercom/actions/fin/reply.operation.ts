import type { OperationDefinition } from '../types';
import { conversationIdField, messageFields, userOptions } from './shared';

export const reply: OperationDefinition = {
	resource: 'fin',
	value: 'reply',
	name: 'Reply',
	action: 'Reply to Fin',
	description: "Send the user's next message to Fin in a conversation started with Start, once Fin awaits the user's reply; returns Fin's status",
	method: 'POST',
	path: '/fin/reply',
	fields: [conversationIdField('Your ID of the conversation, as given to Start'), ...messageFields],
	fixed: { body: { 'message.author': 'user' } },
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: userOptions }],
};
