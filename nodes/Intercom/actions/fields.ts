import type { INodeProperties } from 'n8n-workflow';

import type { FieldSpec, IdFormat } from './types';

/** The forms Intercom IDs take; checked before a request so a typo fails fast with a clear message. */
export const ID_FORMATS = {
	contact: { pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'A contact ID looks like 6762f0d51bb69f9f2193bb7f.' },
	numeric: { pattern: /^\d{1,20}$/, hint: 'This ID is a number, such as 1234567.' },
	any: { pattern: /^[^\s/?#%]{1,255}$/, hint: 'IDs have no spaces, slashes, "?", "#" or "%".' },
} satisfies Record<string, IdFormat>;

// Intercom app URLs, in any region: app.intercom.com, app.eu.intercom.com, app.au.intercom.com.
const APP = 'https?:\\/\\/app(?:\\.eu|\\.au)?\\.intercom\\.(?:com|io)\\/a\\/';

interface LocatorOptions {
	name: string;
	displayName: string;
	description?: string;
	searchMethod: string;
	placeholderId: string;
	/** Regex (string form) of an Intercom app URL, with the ID as the first group. */
	urlRegex: string;
	placeholderUrl: string;
	idRegex: string;
}

function locator(o: LocatorOptions): INodeProperties {
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: o.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: o.searchMethod, searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: o.placeholderId,
				validation: [{ type: 'regex', properties: { regex: o.idRegex, errorMessage: `Not a valid ${o.displayName} ID` } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: o.placeholderUrl,
				validation: [{ type: 'regex', properties: { regex: `${o.urlRegex}.*`, errorMessage: `Not an Intercom ${o.displayName} URL` } }],
				extractValue: { type: 'regex', regex: o.urlRegex },
			},
		],
	};
}

export function contactLocator(name = 'contactId', displayName = 'Contact', key = 'contact_id'): FieldSpec {
	return {
		in: 'path',
		key,
		idFormat: ID_FORMATS.contact,
		property: locator({
			name,
			displayName,
			searchMethod: 'searchContacts',
			placeholderId: '6762f0d51bb69f9f2193bb7f',
			idRegex: '^[A-Za-z0-9_-]{1,64}$',
			urlRegex: `${APP}apps\\/[^/]+\\/(?:users|leads|contacts)\\/([A-Za-z0-9_-]+)`,
			placeholderUrl: 'https://app.intercom.com/a/apps/abc123/users/6762f0d51bb69f9f2193bb7f/all-conversations',
		}),
	};
}

export function conversationLocator(name = 'conversationId', key = 'conversation_id'): FieldSpec {
	return {
		in: 'path',
		key,
		idFormat: ID_FORMATS.numeric,
		property: locator({
			name,
			displayName: 'Conversation',
			searchMethod: 'searchConversations',
			placeholderId: '123456789',
			idRegex: '^\\d+$',
			urlRegex: `${APP}(?:inbox|apps)\\/[^/]+\\/.*?conversations?\\/(\\d+)`,
			placeholderUrl: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/123456789',
		}),
	};
}

export function adminLocator(name = 'adminId', displayName = 'Admin', key = 'admin_id'): FieldSpec {
	return {
		in: 'path',
		key,
		idFormat: ID_FORMATS.numeric,
		property: locator({
			name,
			displayName,
			searchMethod: 'searchAdmins',
			placeholderId: '991267708',
			idRegex: '^\\d+$',
			urlRegex: `${APP}apps\\/[^/]+\\/(?:admins|teammates|settings\\/teammates)\\/(\\d+)`,
			placeholderUrl: 'https://app.intercom.com/a/apps/abc123/admins/991267708',
		}),
	};
}

export function articleLocator(name = 'articleId', key = 'article_id'): FieldSpec {
	return {
		in: 'path',
		key,
		idFormat: ID_FORMATS.numeric,
		property: locator({
			name,
			displayName: 'Article',
			searchMethod: 'searchArticles',
			placeholderId: '9333081',
			idRegex: '^\\d+$',
			urlRegex: `${APP}apps\\/[^/]+\\/(?:articles|knowledge-hub)\\/.*?(\\d+)(?:\\/|$)`,
			placeholderUrl: 'https://app.intercom.com/a/apps/abc123/articles/articles/9333081/show',
		}),
	};
}

/** An options parameter filled by a loadOptions method (admins, teams, tags…). */
export function dynamicOptions(
	name: string,
	displayName: string,
	method: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: method },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		...extra,
	} as INodeProperties;
}

/** A tag, chosen from the workspace's tags: tagging takes tag IDs. */
export function tagField(target: 'path' | 'body'): FieldSpec {
	return {
		in: target,
		key: target === 'path' ? 'tag_id' : 'id',
		idFormat: ID_FORMATS.numeric,
		property: dynamicOptions('tagId', 'Tag Name or ID', 'getTags', { required: true }),
	};
}
