import { failParameter, requireString } from '../../../shared/values';
import { articleLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { authorField, checkArticleBody, contentOptions, titleProperty } from './articleFields';

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
			options: [{ in: 'body', key: 'title', property: titleProperty() }, authorField(false), ...contentOptions()],
		},
	],
	build: (ctx, request) => {
		const node = ctx.fn.getNode();
		if (Object.keys(request.body).length === 0) {
			failParameter(node, 'Update Fields', ctx.itemIndex, 'add at least one field to change');
		}
		if (request.body.title !== undefined) request.body.title = requireString(request.body.title, node, 'Title', ctx.itemIndex);
		checkArticleBody(ctx, request);
		// Update takes parent_id as a string, where create takes an integer.
		if (request.body.parent_id !== undefined) request.body.parent_id = String(request.body.parent_id);
	},
};
