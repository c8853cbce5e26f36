import type { OperationDefinition } from '../types';
import { authorField, bodyOption, internalArticleLocator, ownerField, titleField } from './shared';

export const update: OperationDefinition = {
	resource: 'internalArticle',
	value: 'update',
	name: 'Update',
	action: 'Update an internal article',
	description: "Change an internal article's title, body, author or owner; fields left out stay as they are",
	method: 'PUT',
	path: '/internal_articles/{internal_article_id}',
	pathLabels: { internal_article_id: 'Internal Article' },
	subject: 'Internal article',
	fields: [internalArticleLocator()],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [titleField(false), bodyOption, authorField(false), ownerField(false)],
		},
	],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to change' }],
};
