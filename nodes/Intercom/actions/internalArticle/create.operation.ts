import type { OperationDefinition } from '../types';
import { authorField, bodyOption, ownerField, titleField } from './shared';

export const create: OperationDefinition = {
	resource: 'internalArticle',
	value: 'create',
	name: 'Create',
	action: 'Create an internal article',
	description: 'Create an internal article (knowledge for teammates, not published to customers) with a title, author and owner',
	method: 'POST',
	path: '/internal_articles',
	fields: [titleField(true), authorField(true), ownerField(true)],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: [bodyOption] }],
};
