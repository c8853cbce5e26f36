import { customAttributesOptions } from '../fields';
import type { OperationDefinition } from '../types';

/** E.164: a "+", then 7 to 15 digits (spaces, dots, dashes and brackets between them are allowed). */
const E164 = /^\+[1-9](?:[\s.()-]*\d){6,14}$/;

export const create: OperationDefinition = {
	resource: 'phoneSwitch',
	value: 'create',
	name: 'Create',
	action: 'Redirect a phone call to the Messenger',
	description:
		'Deflect a phone call to the Messenger: Intercom texts the phone number a link to continue in the Messenger, optionally setting custom attributes on the user or lead; returns the link',
	method: 'POST',
	path: '/phone_call_redirects',
	fields: [
		{
			in: 'body',
			key: 'phone',
			convert: 'text',
			shape: (value, field) => (E164.test(String(value)) ? value : field.fail(`"${String(value).slice(0, 40)}" is not a phone number in E.164 format`, 'Give the number with its country code, such as +353832345678.')),
			property: {
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				required: true,
				placeholder: '+353832345678',
				description: 'The number that receives the SMS, in E.164 format (with the country code)',
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: customAttributesOptions('getContactAttributes', 'contact') }],
};
