import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'admin',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many admins',
	description: 'List the admins (teammates) of the workspace',
	method: 'GET',
	path: '/admins',
	fields: [],
	// Intercom returns every admin in one response.
	list: { pagination: 'none', itemsPath: 'admins' },
};
