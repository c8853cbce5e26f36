import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'team',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many teams',
	description: 'List the teams of the workspace with the admins in each',
	method: 'GET',
	path: '/teams',
	fields: [],
	// Intercom returns every team in one response.
	list: { pagination: 'none', itemsPath: 'teams' },
};
