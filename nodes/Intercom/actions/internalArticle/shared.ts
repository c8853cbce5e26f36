import { authorField, titleProperty } from '../article/articleFields';
import { dynamicOptions, ID_FORMATS, resourceLocator } from '../fields';
import type { FieldSpec, OptionSpec } from '../types';

/**
 * An internal article: from a searchable list, by ID, or by pasting its Knowledge Hub URL
 * (`…/knowledge-hub/…?activeContentId=123&activeContentType=internal_article`).
 */
export function internalArticleLocator(): FieldSpec {
	return resourceLocator({
		name: 'internalArticleId',
		displayName: 'Internal Article',
		key: 'internal_article_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchInternalArticles',
		placeholderId: '6871119',
		urlPath: 'apps\\/[^/]+\\/knowledge-hub\\/.*?activeContentId=(\\d+)',
		placeholderUrl: 'https://app.intercom.com/a/apps/abc123/knowledge-hub/all-content?activeContentId=6871119&activeContentType=internal_article',
	});
}

/** The teammate who owns the article (answers for it), a numeric admin ID like the author. */
export function ownerField(required: boolean): FieldSpec & OptionSpec {
	return {
		in: 'body',
		key: 'owner_id',
		convert: 'integer',
		required: true,
		property: dynamicOptions('ownerId', 'Owner Name or ID', 'getAdmins', {
			required,
			description:
				'The teammate responsible for the article. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		}),
	};
}

export const titleField = (required: boolean): FieldSpec & OptionSpec => ({
	in: 'body',
	key: 'title',
	convert: 'text',
	required: true,
	property: titleProperty({ required, placeholder: 'Refund policy for annual plans', description: "The internal article's title" }),
});

export const bodyOption: OptionSpec = {
	in: 'body',
	key: 'body',
	property: {
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'The article content, as HTML; only teammates (and Fin for teammates) see it',
	},
};

export { authorField };
