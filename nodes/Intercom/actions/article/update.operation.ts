import { articleLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { authorField, contentOptions, PARENT_CHECK, titleProperty } from './articleFields';

export const update: OperationDefinition = {
	resource: 'article',
	value: 'update',
	name: 'Update',
	action: 'Update an article',
	description: "Change an article's title, body, author, state, parent or translations; fields left out stay as they are",
	method: 'PUT',
	path: '/articles/{article_id}',
	pathLabels: { article_id: 'Article' },
	subject: 'Article',
	fields: [articleLocator()],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{ in: 'body', key: 'title', convert: 'text', required: true, property: titleProperty() },
				authorField(false),
				...contentOptions('update'),
			],
		},
	],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to change' }, PARENT_CHECK],
};
