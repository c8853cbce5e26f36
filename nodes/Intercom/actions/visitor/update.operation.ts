import { contactFieldOptions } from '../contact/shared';
import type { OperationDefinition } from '../types';
import { readVisitorIdentifier, visitorIdentifierFields } from './shared';

// Visitors carry the contact data attributes; Intercom takes their values as text here.
const customAttributes = contactFieldOptions({ withEmail: false }).filter((o) => o.key === 'custom_attributes');

export const update: OperationDefinition = {
	resource: 'visitor',
	value: 'update',
	name: 'Update',
	action: 'Update a visitor',
	description: "Change a visitor's name or custom attributes (given attributes are set, others stay); returns the visitor",
	method: 'PUT',
	path: '/visitors',
	subject: 'Visitor',
	fields: visitorIdentifierFields(false),
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{ in: 'body', key: 'name', property: { displayName: 'Name', name: 'name', type: 'string', default: '', description: "The visitor's name" } },
				...customAttributes,
			],
		},
	],
	build: (ctx, request) => {
		Object.assign(request.body, readVisitorIdentifier(ctx));
		if (request.body.custom_attributes !== undefined && Object.keys(request.body.custom_attributes as object).length === 0) {
			delete request.body.custom_attributes;
		}
	},
};
