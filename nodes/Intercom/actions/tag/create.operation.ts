import { requireString } from '../../../shared/values';
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
	build: (ctx, request) => {
		request.body.name = requireString(request.body.name, ctx.fn.getNode(), 'Name', ctx.itemIndex);
	},
};
