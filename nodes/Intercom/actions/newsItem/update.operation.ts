import { newsItemLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { contentOptions, senderField, titleProperty } from './shared';

export const update: OperationDefinition = {
	resource: 'newsItem',
	value: 'update',
	name: 'Update',
	action: 'Update a news item',
	description:
		"Change a news item's body, state, newsfeeds, labels or reactions; Intercom takes the title and sender with every update, other fields left out stay as they are",
	method: 'PUT',
	path: '/news/news_items/{news_item_id}',
	pathLabels: { news_item_id: 'News Item' },
	subject: 'News item',
	// The spec's update body (news_item_request) requires title and sender_id, as create does.
	fields: [
		newsItemLocator(),
		{ in: 'body', key: 'title', convert: 'text', property: titleProperty({ required: true, description: 'The title of the news item (Intercom takes it with every update; give the current one to keep it)' }) },
		senderField(true),
	],
	collections: [{ name: 'updateFields', displayName: 'Update Fields', options: contentOptions() }],
};
