import { articleLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'article',
	value: 'get',
	name: 'Get',
	action: 'Get an article',
	description: 'Get one Help Center article by ID, with its content, state, parent and translations',
	method: 'GET',
	path: '/articles/{article_id}',
	pathLabels: { article_id: 'Article' },
	subject: 'Article',
	fields: [articleLocator()],
};
