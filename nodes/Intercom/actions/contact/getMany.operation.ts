import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'contact',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List the contacts of the workspace, newest first; use Search to filter them',
	method: 'GET',
	path: '/contacts',
	fields: [],
	list: { pagination: 'cursor', itemsPath: 'data' },
};
