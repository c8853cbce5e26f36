import { requireString } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { authorField, checkArticleBody, contentOptions, titleProperty } from './articleFields';

export const create: OperationDefinition = {
	resource: 'article',
	value: 'create',
	name: 'Create',
	action: 'Create an article',
	description: 'Create a Help Center article with a title and author, as a draft or published, optionally in a collection or section and in several languages',
	method: 'POST',
	path: '/articles',
	fields: [
		{ in: 'body', key: 'title', property: titleProperty({ required: true, placeholder: 'How to reset your password' }) },
		authorField(true),
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contentOptions() }],
	build: (ctx, request) => {
		request.body.title = requireString(request.body.title, ctx.fn.getNode(), 'Title', ctx.itemIndex);
		checkArticleBody(ctx, request);
	},
};
