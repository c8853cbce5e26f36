import { newsfeedLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const getLiveItems: OperationDefinition = {
	resource: 'newsfeed',
	value: 'getLiveItems',
	name: 'Get Live Items',
	action: 'Get the live items of a newsfeed',
	description: 'List the news items that are live on one newsfeed, as its audience sees them; drafts are left out',
	method: 'GET',
	path: '/news/newsfeeds/{newsfeed_id}/items',
	pathLabels: { newsfeed_id: 'Newsfeed' },
	subject: 'Newsfeed',
	fields: [newsfeedLocator()],
	// The spec declares no paging parameters for the news lists, but their answer's `pages` may link a next page.
	list: { pagination: 'linked', itemsPath: 'data' },
};
