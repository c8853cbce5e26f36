import { contactLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';

export const send: OperationDefinition = {
	resource: 'message',
	value: 'send',
	name: 'Send',
	action: 'Send a message to a contact',
	description:
		'Send an outbound in-app or email message from an admin to a contact; Intercom starts a conversation with it (returned as conversation_id)',
	method: 'POST',
	path: '/messages',
	subject: 'Admin or contact',
	fields: [
		{
			in: 'body',
			key: 'message_type',
			property: {
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: [
					{ name: 'In-App', value: 'in_app', description: 'Shown in the Messenger, in your app or website' },
					{ name: 'Email', value: 'email', description: "Sent to the contact's email address" },
				],
				default: 'in_app',
				description: 'How the message reaches the contact',
			},
		},
		{
			in: 'body',
			key: 'from.id',
			// The spec takes the admin's ID as a number here (elsewhere as a string).
			convert: 'integer',
			property: dynamicOptions('adminId', 'From Admin Name or ID', 'getAdmins', {
				required: true,
				description: 'The teammate the message is sent as. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		},
		contactLocator({ displayName: 'To Contact', in: 'body', key: 'to.id' }),
		{
			in: 'body',
			key: 'to.type',
			property: {
				displayName: 'Contact Role',
				name: 'contactRole',
				type: 'options',
				options: [
					{ name: 'User', value: 'user' },
					{ name: 'Lead', value: 'lead' },
				],
				default: 'user',
				description: 'Whether the contact is a user or a lead (Intercom looks the recipient up by its role)',
			},
		},
		{
			in: 'body',
			key: 'subject',
			convert: 'text',
			property: {
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				required: true,
				description: "The email's subject line",
				displayOptions: { show: { channel: ['email'] } },
			},
		},
		{
			in: 'body',
			key: 'template',
			property: {
				displayName: 'Email Template',
				name: 'template',
				type: 'options',
				options: [
					{ name: 'Plain', value: 'plain', description: 'A plain email, like one typed by hand' },
					{ name: 'Personal', value: 'personal', description: "With the sender's name and avatar" },
				],
				default: 'plain',
				description: 'The style of the email',
				displayOptions: { show: { channel: ['email'] } },
			},
		},
		{
			in: 'body',
			key: 'body',
			property: {
				displayName: 'Body',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				required: true,
				description: 'The message, as plain text or simple HTML',
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
					key: 'create_conversation_without_contact_reply',
					convert: 'boolean',
					property: {
						displayName: 'Open Conversation Now',
						name: 'openConversation',
						type: 'boolean',
						default: true,
						description: 'Whether the conversation shows in the inbox at once, rather than when the contact replies',
					},
				},
			],
		},
	],
	fixed: { body: { 'from.type': 'admin' } },
};
