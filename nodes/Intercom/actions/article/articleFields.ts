import type { INodeProperties } from 'n8n-workflow';

import { parseJsonObject } from '../../../shared/values';
import { dynamicOptions } from '../fields';
import type { FieldSpec, OptionSpec, RequestCheck, ShapeContext } from '../types';

/** The locales `translated_content` accepts in API 2.14 (the keys of article_translated_content). */
export const ARTICLE_LOCALES = [
	'ar', 'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'he', 'hr', 'hu', 'id', 'it', 'ja', 'ko',
	'lt', 'lv', 'mn', 'nb', 'nl', 'pl', 'pt', 'pt-BR', 'ro', 'ru', 'sl', 'sr', 'sv', 'tr', 'vi', 'zh-CN', 'zh-TW',
];
const LOCALES = new Set(ARTICLE_LOCALES);

const TRANSLATED_CONTENT = 'Translated Content (JSON)';
const AUTHOR = 'Author Name or ID';
const PARENT_ID = 'Parent ID';
const PARENT_TYPE = 'Parent Type';

/** The author, a numeric admin ID; blank is refused even where the field is optional (Update). */
export function authorField(required: boolean): FieldSpec & OptionSpec {
	return {
		in: 'body',
		key: 'author_id',
		convert: 'integer',
		required: true,
		property: dynamicOptions('authorId', AUTHOR, 'getAdmins', { required }),
	};
}

export function titleProperty(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: "The article's title (in the default language for multilingual articles)",
		...extra,
	};
}

function stateProperty(): INodeProperties {
	return {
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Draft', value: 'draft' },
			{ name: 'Published', value: 'published' },
		],
		default: 'draft',
		description: 'Whether the article is live on the Help Center (published) or kept as a draft',
	};
}

/**
 * Optional article content, shared by Create (Additional Fields) and Update (Update Fields).
 * Update takes parent_id as a string, where create takes an integer.
 */
export function contentOptions(operation: 'create' | 'update'): OptionSpec[] {
	return [
		{
			in: 'body',
			key: 'body',
			property: {
				displayName: 'Body',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 5 },
				default: '',
				description: 'The article content, as HTML',
			},
		},
		{
			in: 'body',
			key: 'description',
			property: {
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A short summary shown under the title',
			},
		},
		{
			in: 'body',
			key: 'parent_id',
			convert: 'integer',
			send: operation === 'update' ? 'string' : undefined,
			property: {
				displayName: PARENT_ID,
				name: 'parentId',
				type: 'string',
				default: '',
				placeholder: '145',
				description: 'ID of the Help Center collection or section the article belongs to; without it the article stands alone',
			},
		},
		{
			in: 'body',
			key: 'parent_type',
			property: {
				displayName: PARENT_TYPE,
				name: 'parentType',
				type: 'options',
				options: [
					{ name: 'Collection', value: 'collection' },
					{ name: 'Section', value: 'section' },
				],
				default: 'collection',
				description: 'Whether the Parent ID names a collection or a section',
			},
		},
		{ in: 'body', key: 'state', property: stateProperty() },
		{
			in: 'body',
			key: 'translated_content',
			shape: checkTranslatedContent,
			property: {
				displayName: TRANSLATED_CONTENT,
				name: 'translatedContent',
				type: 'json',
				default: '{\n  "fr": {\n    "title": "",\n    "body": ""\n  }\n}',
				description:
					'Content in other languages: an object keyed by locale (fr, de, pt-BR…), each with title, description, body, author_id and state',
			},
		},
	];
}

/** Translated content is an object keyed by the locales articles support, each an object. */
function checkTranslatedContent(raw: unknown, { ctx, parameter, fail }: ShapeContext): unknown {
	const content = parseJsonObject(raw, ctx.fn.getNode(), parameter, ctx.itemIndex);
	for (const [locale, value] of Object.entries(content)) {
		if (locale === 'type') continue;
		if (!LOCALES.has(locale)) {
			fail(`"${locale.slice(0, 20)}" is not a locale Intercom articles support`, `Keys must be locales: ${ARTICLE_LOCALES.join(', ')}.`);
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			fail(`the content for "${locale}" must be an object such as {"title": "…", "body": "…"}`);
		}
	}
	return content;
}

/** A parent type says what the parent ID names, so it needs one. */
export const PARENT_CHECK: RequestCheck = {
	when: 'body.parent_type',
	anyOf: ['body.parent_id'],
	parameter: PARENT_TYPE,
	message: `"${PARENT_ID}" is needed too`,
	hint: 'Add the ID of the collection or section, or remove the Parent Type.',
};
