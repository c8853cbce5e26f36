import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'tag',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many tags',
	description: 'List the tags of the workspace with their names and IDs',
	method: 'GET',
	path: '/tags',
	fields: [],
	// Intercom returns every tag in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
