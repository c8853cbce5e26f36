import type { OperationDefinition } from '../types';
import { conversationIdField, conversationOptions, messageFields, userOptions } from './shared';

export const start: OperationDefinition = {
	resource: 'fin',
	value: 'start',
	name: 'Start',
	action: 'Start a conversation with Fin',
	description:
		"Hand a user's message from your own channel to Fin, with the user and optionally the conversation so far; returns Fin's status (Fin answers through webhooks or its event stream); needs Fin Agent API access",
	method: 'POST',
	path: '/fin/start',
	fields: [conversationIdField('Your ID of the conversation; Reply and Submit CSAT use the same ID'), ...messageFields],
	fixed: { body: { 'message.author': 'user' } },
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: [...userOptions, ...conversationOptions] }],
};
