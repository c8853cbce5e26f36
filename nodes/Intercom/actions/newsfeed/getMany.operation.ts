import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'newsfeed',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many newsfeeds',
	description: 'List the newsfeeds of the workspace, the audiences news items are published to',
	method: 'GET',
	path: '/news/newsfeeds',
	fields: [],
	// The spec declares no paging parameters for the news lists, but their answer's `pages` may link a next page.
	list: { pagination: 'linked', itemsPath: 'data' },
};
