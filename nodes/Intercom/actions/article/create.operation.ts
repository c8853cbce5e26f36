import type { OperationDefinition } from '../types';
import { authorField, contentOptions, PARENT_CHECK, titleProperty } from './articleFields';

export const create: OperationDefinition = {
	resource: 'article',
	value: 'create',
	name: 'Create',
	action: 'Create an article',
	description: 'Create a Help Center article with a title and author, as a draft or published, optionally in a collection or section and in several languages',
	method: 'POST',
	path: '/articles',
	fields: [
		{ in: 'body', key: 'title', convert: 'text', property: titleProperty({ required: true, placeholder: 'How to reset your password' }) },
		authorField(true),
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contentOptions('create') }],
	checks: [PARENT_CHECK],
};
