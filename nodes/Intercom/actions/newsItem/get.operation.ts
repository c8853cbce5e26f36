import { newsItemLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'newsItem',
	value: 'get',
	name: 'Get',
	action: 'Get a news item',
	description: 'Get one news item by ID, with its content, sender, state, labels, reactions and newsfeeds',
	method: 'GET',
	path: '/news/news_items/{news_item_id}',
	pathLabels: { news_item_id: 'News Item' },
	subject: 'News item',
	fields: [newsItemLocator()],
};
