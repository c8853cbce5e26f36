import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'collection',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many collections',
	description: 'List the Help Center collections of the workspace, nested ones included, most recently updated first',
	method: 'GET',
	path: '/help_center/collections',
	fields: [],
	list: { pagination: 'page', itemsPath: 'data' },
};
