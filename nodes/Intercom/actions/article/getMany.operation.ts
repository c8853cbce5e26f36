import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'article',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many articles',
	description: 'List the Help Center articles of the workspace, most recently updated first; use Search to find articles by phrase',
	method: 'GET',
	path: '/articles',
	fields: [],
	list: { pagination: 'page', itemsPath: 'data' },
};
