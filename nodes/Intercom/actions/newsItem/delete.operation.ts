import { newsItemLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const deleteNewsItem: OperationDefinition = {
	resource: 'newsItem',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a news item',
	description: 'Delete a news item permanently, from every newsfeed',
	method: 'DELETE',
	path: '/news/news_items/{news_item_id}',
	pathLabels: { news_item_id: 'News Item' },
	subject: 'News item',
	fields: [newsItemLocator()],
};
