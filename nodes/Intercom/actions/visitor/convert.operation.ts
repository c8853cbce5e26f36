import { emailShape, externalUserIdField, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { visitorFields } from './shared';

const shownFor = (by: string) => ({ show: { contactIdentifyBy: [by] } });

export const convert: OperationDefinition = {
	resource: 'visitor',
	value: 'convert',
	name: 'Convert to Contact',
	action: 'Convert a visitor to a contact',
	description:
		'Turn a visitor into a user or lead: merged into the contact named if it exists (the visitor is removed), otherwise a new contact with those identifiers; returns the contact',
	method: 'POST',
	path: '/visitors/convert',
	subject: 'Visitor or contact',
	fields: [
		...visitorFields('visitor.', true),
		{
			in: 'body',
			key: 'type',
			property: {
				displayName: 'Convert To',
				name: 'convertTo',
				type: 'options',
				options: [
					{ name: 'User', value: 'user', description: 'A known, signed-up user of your product' },
					{ name: 'Lead', value: 'lead', description: 'An identified prospect' },
				],
				default: 'user',
				description: 'The role of a new contact (a visitor merged into an existing contact leaves its role as it is)',
			},
		},
		{
			property: {
				displayName: 'Identify Contact By',
				name: 'contactIdentifyBy',
				type: 'options',
				options: [
					{ name: 'External User ID', value: 'userId', description: 'Your ID for the contact: an existing contact with it, or a new one' },
					{ name: 'Intercom Contact ID', value: 'id', description: "An existing contact's Intercom ID" },
				],
				default: 'userId',
				description: 'Which contact the visitor becomes',
			},
		},
		externalUserIdField('body', 'user.user_id', {
			description: 'The ID your own systems give the contact (external_id)',
			displayOptions: shownFor('userId'),
		}),
		{
			in: 'body',
			key: 'user.id',
			idFormat: ID_FORMATS.contact,
			property: {
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '6762f0d51bb69f9f2193bb7f',
				description: "The existing contact's Intercom ID",
				displayOptions: shownFor('id'),
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
					key: 'user.email',
					convert: 'text',
					shape: emailShape,
					property: {
						displayName: 'Email',
						name: 'email',
						type: 'string',
						default: '',
						placeholder: 'name@email.com',
						description: "The contact's email (by default the visitor's email is kept, if it has one)",
					},
				},
			],
		},
	],
};
