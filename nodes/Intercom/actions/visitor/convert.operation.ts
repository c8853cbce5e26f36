import { failParameter, requireString } from '../../../shared/values';
import { buildOnly, readId } from '../conversation/shared';
import { ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { readVisitorIdentifier, visitorIdentifierFields } from './shared';

const CONTACT_IDENTIFIER = { name: 'contactIdentifier', displayName: 'Contact Identifier' };

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
		...visitorIdentifierFields(true),
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
		buildOnly({
			displayName: 'Identify Contact By',
			name: 'contactIdentifierType',
			type: 'options',
			options: [
				{ name: 'External User ID', value: 'user_id', description: 'Your ID for the contact: an existing contact with it, or a new one' },
				{ name: 'Intercom Contact ID', value: 'id', description: "An existing contact's Intercom ID" },
			],
			default: 'user_id',
			description: 'Which contact the visitor becomes',
		}),
		buildOnly({
			displayName: CONTACT_IDENTIFIER.displayName,
			name: CONTACT_IDENTIFIER.name,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'crm-42',
			description: "The contact's external user ID or Intercom ID, as chosen in Identify Contact By",
		}),
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'user.email',
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
	build: (ctx, request) => {
		const node = ctx.fn.getNode();
		const by = ctx.param<string>('contactIdentifierType', 'user_id');
		const user = (request.body.user ?? {}) as Record<string, unknown>;
		if (typeof user.email === 'string') {
			const email = user.email.trim();
			if (email === '') delete user.email;
			else if (!/^[^\s@]+@[^\s@]+$/.test(email)) failParameter(node, 'Email', ctx.itemIndex, `"${email.slice(0, 60)}" is not an email address`);
			else user.email = email;
		}
		if (by === 'id') user.id = readId(ctx, CONTACT_IDENTIFIER.name, CONTACT_IDENTIFIER.displayName, ID_FORMATS.contact);
		else if (by === 'user_id') user.user_id = requireString(ctx.param(CONTACT_IDENTIFIER.name, ''), node, CONTACT_IDENTIFIER.displayName, ctx.itemIndex);
		else failParameter(node, 'Identify Contact By', ctx.itemIndex, `"${by}" is not one of user_id, id`);
		request.body.user = user;
		request.body.visitor = readVisitorIdentifier(ctx);
	},
};
