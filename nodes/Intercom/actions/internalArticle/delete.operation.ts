import type { OperationDefinition } from '../types';
import { internalArticleLocator } from './shared';

export const deleteInternalArticle: OperationDefinition = {
	resource: 'internalArticle',
	value: 'delete',
	name: 'Delete',
	action: 'Delete an internal article',
	description: 'Delete an internal article permanently; returns its ID and deleted: true',
	method: 'DELETE',
	path: '/internal_articles/{internal_article_id}',
	pathLabels: { internal_article_id: 'Internal Article' },
	subject: 'Internal article',
	fields: [internalArticleLocator()],
};
