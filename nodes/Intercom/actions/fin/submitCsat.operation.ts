import type { OperationDefinition } from '../types';
import { conversationIdField } from './shared';

export const submitCsat: OperationDefinition = {
	resource: 'fin',
	value: 'submitCsat',
	name: 'Submit CSAT',
	action: 'Submit a CSAT rating for a Fin conversation',
	description:
		"Record the user's satisfaction rating (terrible to amazing) of a Fin conversation after Fin asked for one, with an optional remark; the same rating again changes nothing, and a remark locks the rating",
	method: 'POST',
	path: '/fin/csat',
	fields: [
		conversationIdField('Your ID of the conversation, as given to Start'),
		{
			in: 'body',
			key: 'rating',
			property: {
				displayName: 'Rating',
				name: 'rating',
				type: 'options',
				default: 'good',
				options: [
					{ name: 'Amazing', value: 'amazing' },
					{ name: 'Bad', value: 'bad' },
					{ name: 'Good', value: 'good' },
					{ name: 'OK', value: 'ok' },
					{ name: 'Terrible', value: 'terrible' },
				],
				description: "The user's choice among the options Fin's csat_requested event offered",
			},
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'remark',
					convert: 'text',
					property: { displayName: 'Remark', name: 'remark', type: 'string', default: '', description: "The user's comment on the rating (once: the rating cannot change after a remark)" },
				},
			],
		},
	],
};
