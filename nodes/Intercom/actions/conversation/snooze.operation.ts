import { conversationLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS } from './shared';

export const snooze: OperationDefinition = {
	resource: 'conversation',
	value: 'snooze',
	name: 'Snooze',
	action: 'Snooze a conversation',
	description: 'Snooze a conversation until a given date and time, when it reopens, on behalf of an admin; returns the conversation',
	method: 'POST',
	path: '/conversations/{conversation_id}/parts',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [
		conversationLocator(),
		actingAdminField(),
		{
			in: 'body',
			key: 'snoozed_until',
			convert: 'unixSeconds',
			property: {
				displayName: 'Snoozed Until',
				name: 'snoozedUntil',
				type: 'dateTime',
				default: '',
				required: true,
				description: 'When the conversation reopens (a date, ISO 8601 string or Unix seconds)',
			},
		},
	],
	fixed: { body: { message_type: 'snoozed' } },
};
