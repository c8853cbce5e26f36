import { contactLocator } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';
import { attachmentUrlsOption, bodyProperty, createdAtOption } from './shared';

const fields: FieldSpec[] = [
	contactLocator({ in: 'body', key: 'from.id' }),
	{
		in: 'body',
		key: 'from.type',
		property: {
			displayName: 'Contact Role',
			name: 'contactRole',
			type: 'options',
			options: [
				{ name: 'Contact', value: 'contact' },
				{ name: 'Lead', value: 'lead' },
				{ name: 'User', value: 'user' },
			],
			default: 'user',
			description: 'The role of the contact who starts the conversation',
		},
	},
	{ in: 'body', key: 'body', property: bodyProperty('The message the contact sends, as plain text (HTML is not supported)', true) },
];

export const create: OperationDefinition = {
	resource: 'conversation',
	value: 'create',
	name: 'Create',
	action: 'Create a conversation',
	description:
		'Start a conversation with a message sent by a contact (user or lead); returns the message with its conversation_id',
	method: 'POST',
	path: '/conversations',
	subject: 'Contact',
	fields,
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				attachmentUrlsOption(),
				createdAtOption('When the message was sent, for importing past conversations (defaults to now)'),
				{
					in: 'body',
					key: 'subject',
					property: {
						displayName: 'Subject',
						name: 'subject',
						type: 'string',
						default: '',
						description: 'The email subject, used only when the message is an email',
					},
				},
			],
		},
	],
};
