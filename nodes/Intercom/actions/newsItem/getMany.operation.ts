import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'newsItem',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many news items',
	description: 'List every news item of the workspace, drafts included; use Newsfeed → Get Live Items for what a feed shows',
	method: 'GET',
	path: '/news/news_items',
	fields: [],
	// The spec declares no paging parameters for the news lists, but their answer's `pages` may link a next page.
	list: { pagination: 'linked', itemsPath: 'data' },
};
