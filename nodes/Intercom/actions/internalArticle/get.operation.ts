import type { OperationDefinition } from '../types';
import { internalArticleLocator } from './shared';

export const get: OperationDefinition = {
	resource: 'internalArticle',
	value: 'get',
	name: 'Get',
	action: 'Get an internal article',
	description: 'Get one internal article by ID, with its body, author, owner and locale',
	method: 'GET',
	path: '/internal_articles/{internal_article_id}',
	pathLabels: { internal_article_id: 'Internal Article' },
	subject: 'Internal article',
	fields: [internalArticleLocator()],
};
