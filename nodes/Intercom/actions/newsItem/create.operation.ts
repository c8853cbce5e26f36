import type { OperationDefinition } from '../types';
import { contentOptions, senderField, titleProperty } from './shared';

export const create: OperationDefinition = {
	resource: 'newsItem',
	value: 'create',
	name: 'Create',
	action: 'Create a news item',
	description: 'Create a news item from a teammate, as a draft or live on chosen newsfeeds, with labels and reactions',
	method: 'POST',
	path: '/news/news_items',
	fields: [
		{ in: 'body', key: 'title', convert: 'text', property: titleProperty({ required: true, placeholder: 'Halloween is here!' }) },
		senderField(true),
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contentOptions() }],
};
