import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'internalArticle',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many internal articles',
	description: 'List the internal articles of the workspace; use Search to list the articles of one folder',
	method: 'GET',
	path: '/internal_articles',
	fields: [],
	// The spec declares no paging parameters: pages are followed as each answer links them.
	list: { pagination: 'linked', itemsPath: 'data' },
};
