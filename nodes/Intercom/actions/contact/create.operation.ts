import type { OperationDefinition } from '../types';
import { CONTACT_IDENTITY_CHECK, contactFieldOptions } from './shared';

export const create: OperationDefinition = {
	resource: 'contact',
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a user or lead in Intercom, identified by email, external ID or role, with optional attributes and custom attributes',
	method: 'POST',
	path: '/contacts',
	fields: [
		{
			in: 'body',
			key: 'email',
			convert: 'text',
			property: {
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: "The contact's email address. Give at least one of Email, External ID or Role.",
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contactFieldOptions({ withEmail: false }) }],
	checks: [CONTACT_IDENTITY_CHECK],
};
