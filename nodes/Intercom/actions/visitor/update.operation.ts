import { customAttributesOptions, textOption } from '../fields';
import type { OperationDefinition } from '../types';
import { visitorFields } from './shared';

// Visitors carry the contact data attributes; this endpoint takes their values as text only, so
// the name/value pairs are offered and the JSON form (any type) is not.
const customAttributes = customAttributesOptions('getContactAttributes', 'contact').filter((o) => o.convert === 'keyValue');

export const update: OperationDefinition = {
	resource: 'visitor',
	value: 'update',
	name: 'Update',
	action: 'Update a visitor',
	description: "Change a visitor's name or custom attributes (given attributes are set, others stay); returns the visitor",
	method: 'PUT',
	path: '/visitors',
	subject: 'Visitor',
	fields: visitorFields('', false),
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [textOption('name', 'Name', 'name', "The visitor's name"), ...customAttributes],
		},
	],
};
