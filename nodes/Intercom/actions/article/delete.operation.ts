import { articleLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const deleteArticle: OperationDefinition = {
	resource: 'article',
	value: 'delete',
	name: 'Delete',
	action: 'Delete an article',
	description: 'Delete a Help Center article permanently, in every language',
	method: 'DELETE',
	path: '/articles/{article_id}',
	pathLabels: { article_id: 'Article' },
	subject: 'Article',
	fields: [articleLocator()],
};
