import type { OperationDefinition } from '../types';

export const create: OperationDefinition = {
	resource: 'tag',
	value: 'create',
	name: 'Create',
	action: 'Create a tag',
	description: 'Create a tag with a name, or return the existing tag of that name; returns the tag with its ID',
	method: 'POST',
	path: '/tags',
	fields: [
		{
			in: 'body',
			key: 'name',
			convert: 'text',
			property: {
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'VIP',
				description: 'The name of the tag',
			},
		},
	],
};
