import { newsItemLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { contentOptions, senderField, titleProperty } from './shared';

export const update: OperationDefinition = {
	resource: 'newsItem',
	value: 'update',
	name: 'Update',
	action: 'Update a news item',
	description: "Change a news item's title, body, sender, state, newsfeeds, labels or reactions; fields left out stay as they are",
	method: 'PUT',
	path: '/news/news_items/{news_item_id}',
	pathLabels: { news_item_id: 'News Item' },
	subject: 'News item',
	fields: [newsItemLocator()],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [{ in: 'body', key: 'title', convert: 'text', required: true, property: titleProperty() }, senderField(false), ...contentOptions()],
		},
	],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to change' }],
};
