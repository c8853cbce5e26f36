import { newsfeedLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'newsfeed',
	value: 'get',
	name: 'Get',
	action: 'Get a newsfeed',
	description: 'Get one newsfeed by ID (newsfeeds are set up in Intercom, not through the API)',
	method: 'GET',
	path: '/news/newsfeeds/{newsfeed_id}',
	pathLabels: { newsfeed_id: 'Newsfeed' },
	subject: 'Newsfeed',
	fields: [newsfeedLocator()],
};
