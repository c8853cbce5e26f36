import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parseJsonObject } from '../../../shared/values';
import { ARTICLE_LOCALES } from '../article/articleFields';
import { dynamicOptions, ID_FORMATS, textOption } from '../fields';
import type { OptionSpec, ShapeContext } from '../types';

// Collections are translated into the same locales as articles (group_translated_content).
const LOCALES = new Set(ARTICLE_LOCALES);
const CONTENT_KEYS = new Set(['type', 'name', 'description']);

export const PARENT = 'Parent Collection Name or ID';

export function nameProperty(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: "The collection's name (in the default language for multilingual Help Centers)",
		...extra,
	};
}

/** The collection to nest this one in; the spec takes its ID as a string. */
export const parentOption: OptionSpec = {
	in: 'body',
	key: 'parent_id',
	idFormat: ID_FORMATS.numeric,
	property: dynamicOptions('parentId', PARENT, 'getCollections', {
		description:
			'The collection to nest this one in (a section of it); without it the collection is at the top level. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
};

/** Content in other languages: locales of the Help Center, each with a name and a description. */
function checkTranslatedContent(raw: unknown, { ctx, parameter, fail }: ShapeContext): IDataObject {
	const content = parseJsonObject(raw, ctx.fn.getNode(), parameter, ctx.itemIndex);
	for (const [locale, value] of Object.entries(content)) {
		if (locale === 'type') continue;
		if (!LOCALES.has(locale)) {
			fail(`"${locale.slice(0, 20)}" is not a locale Intercom Help Centers support`, `Keys must be locales: ${ARTICLE_LOCALES.join(', ')}.`);
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			fail(`the content for "${locale}" must be an object such as {"name": "…", "description": "…"}`);
		}
		for (const [key, text] of Object.entries(value as IDataObject)) {
			if (!CONTENT_KEYS.has(key)) fail(`"${locale}.${key.slice(0, 30)}" is not a collection field`, 'Each locale takes "name" and "description".');
			if (key !== 'type' && typeof text !== 'string') fail(`"${locale}.${key}" must be text`);
		}
	}
	return content;
}

/** Optional content, shared by Create (Additional Fields) and Update (Update Fields). */
export function contentOptions(): OptionSpec[] {
	return [
		textOption('description', 'Description', 'description', "A short description of the collection's articles"),
		parentOption,
		{
			in: 'body',
			key: 'translated_content',
			shape: checkTranslatedContent,
			property: {
				displayName: 'Translated Content (JSON)',
				name: 'translatedContent',
				type: 'json',
				default: '{\n  "fr": {\n    "name": "",\n    "description": ""\n  }\n}',
				description: 'Name and description in other languages: an object keyed by locale (fr, de, pt-BR…), each with name and description',
			},
		},
	];
}
