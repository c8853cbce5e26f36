import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'segment',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many segments',
	description: 'List the segments of the workspace, optionally with how many contacts each one holds',
	method: 'GET',
	path: '/segments',
	fields: [],
	collections: [
		{
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			options: [
				{
					in: 'query',
					key: 'include_count',
					convert: 'boolean',
					property: {
						displayName: 'Include Count',
						name: 'includeCount',
						type: 'boolean',
						default: true,
						description: 'Whether to add the number of contacts in each segment as "count" (slower on large workspaces)',
					},
				},
			],
		},
	],
	// Intercom returns every segment in one response.
	list: { pagination: 'linked', itemsPath: 'segments' },
};
