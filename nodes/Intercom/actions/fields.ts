import type { INodeProperties } from 'n8n-workflow';

import type { FieldSpec, IdFormat, OptionSpec, ShapeContext } from './types';

/** The forms Intercom IDs take; checked before a request so a typo fails fast with a clear message. */
export const ID_FORMATS = {
	contact: { pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'A contact ID looks like 6762f0d51bb69f9f2193bb7f.' },
	/** Intercom's own company `id` (not the `company_id` you assign), an object ID like contacts'. */
	company: {
		pattern: /^[A-Za-z0-9_-]{1,64}$/,
		hint: "Use Intercom's company ID, such as 6762f0a61bb69f9f2193bb55, not the company_id your systems assign.",
	},
	numeric: { pattern: /^\d{1,20}$/, hint: 'This ID is a number, such as 1234567.' },
	any: { pattern: /^[^\s/?#%]{1,255}$/, hint: 'IDs have no spaces, slashes, "?", "#" or "%".' },
} satisfies Record<string, IdFormat>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A field's `shape` for email addresses: the loose form Intercom takes (something@somewhere). */
export function emailShape(value: unknown, { fail }: ShapeContext): unknown {
	return EMAIL.test(String(value)) ? value : fail(`"${String(value).slice(0, 60)}" is not an email address`);
}

// Intercom app URLs, in any region: app.intercom.com, app.eu.intercom.com, app.au.intercom.com.
const APP = 'https?:\\/\\/app(?:\\.eu|\\.au)?\\.intercom\\.(?:com|io)\\/a\\/';

export interface LocatorOptions {
	/** Parameter name (`contactId`). */
	name: string;
	/** Shown label, also the name errors use ("Contact"). */
	displayName: string;
	/** Where the ID goes: the path by default, or a body field (`from.id`). */
	in?: 'path' | 'body' | 'query';
	/** The API's name for it (`contact_id`). */
	key: string;
	idFormat: IdFormat;
	/** The listSearch method behind "From List". */
	searchMethod: string;
	placeholderId: string;
	/**
	 * Regex (string form) of the app URL after `https://app.intercom.com/a/`, with the ID as the first
	 * group. Without it there is no "By URL" mode (objects whose app URLs carry no ID).
	 */
	urlPath?: string;
	placeholderUrl?: string;
	description?: string;
}

/**
 * A resource locator (from a searchable list, by ID, or by pasting the Intercom app URL) and where
 * its ID goes. The ID mode is checked in the editor with the same pattern the executor checks.
 */
export function resourceLocator(o: LocatorOptions): FieldSpec {
	const urlRegex = `${APP}${o.urlPath ?? ''}`;
	const property: INodeProperties = {
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
				validation: [
					{ type: 'regex', properties: { regex: o.idFormat.pattern.source, errorMessage: `Not a valid ${o.displayName} ID` } },
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: o.placeholderUrl,
				validation: [{ type: 'regex', properties: { regex: `${urlRegex}.*`, errorMessage: `Not an Intercom ${o.displayName} URL` } }],
				extractValue: { type: 'regex', regex: urlRegex },
			},
		],
	};
	// Objects whose app URLs carry no ID are chosen from the list or by ID only.
	if (o.urlPath === undefined) property.modes = property.modes?.filter((mode) => mode.name !== 'url');
	return { in: o.in ?? 'path', key: o.key, idFormat: o.idFormat, property };
}

type LocatorOverrides = Partial<Pick<LocatorOptions, 'name' | 'displayName' | 'in' | 'key' | 'description'>>;

export function contactLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'contactId',
		displayName: 'Contact',
		key: 'contact_id',
		idFormat: ID_FORMATS.contact,
		searchMethod: 'searchContacts',
		placeholderId: '6762f0d51bb69f9f2193bb7f',
		urlPath: 'apps\\/[^/]+\\/(?:users|leads|contacts)\\/([A-Za-z0-9_-]+)',
		placeholderUrl: 'https://app.intercom.com/a/apps/abc123/users/6762f0d51bb69f9f2193bb7f/all-conversations',
		...o,
	});
}

export function conversationLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'conversationId',
		displayName: 'Conversation',
		key: 'conversation_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchConversations',
		placeholderId: '123456789',
		urlPath: '(?:inbox|apps)\\/[^/]+\\/.*?conversations?\\/(\\d+)',
		placeholderUrl: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/123456789',
		...o,
	});
}

export function adminLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'adminId',
		displayName: 'Admin',
		key: 'admin_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchAdmins',
		placeholderId: '991267708',
		urlPath: 'apps\\/[^/]+\\/(?:admins|teammates|settings\\/teammates)\\/(\\d+)',
		placeholderUrl: 'https://app.intercom.com/a/apps/abc123/admins/991267708',
		...o,
	});
}

export function articleLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'articleId',
		displayName: 'Article',
		key: 'article_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchArticles',
		placeholderId: '9333081',
		urlPath: 'apps\\/[^/]+\\/(?:articles|knowledge-hub)\\/.*?(\\d+)(?:\\/|$)',
		placeholderUrl: 'https://app.intercom.com/a/apps/abc123/articles/articles/9333081/show',
		...o,
	});
}

export function companyLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'companyId',
		displayName: 'Company',
		key: 'company_id',
		idFormat: ID_FORMATS.company,
		searchMethod: 'searchCompanies',
		placeholderId: '6762f0a61bb69f9f2193bb55',
		urlPath: 'apps\\/[^/]+\\/companies\\/([A-Za-z0-9_-]+)',
		placeholderUrl: 'https://app.intercom.com/a/apps/abc123/companies/6762f0a61bb69f9f2193bb55/users',
		...o,
	});
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

/** An optional text field: trimmed, and left out when blank. */
export function textOption(key: string, displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): OptionSpec {
	return { in: 'body', key, convert: 'text', property: { displayName, name, type: 'string', default: '', description, ...extra } as INodeProperties };
}

/**
 * Custom attributes, as name/value pairs (text) and as one JSON object (any type), both merged into
 * `key`; the same attribute named in both is refused. `attributesMethod` lists the attribute names
 * (getContactAttributes, getCompanyAttributes…); `undefined` where Intercom has no list of them (a
 * custom object's attributes), and the name is typed. `subject` says whose attributes they are.
 */
export function customAttributesOptions(attributesMethod: string | undefined, subject: string, key = 'custom_attributes'): OptionSpec[] {
	const nameField: INodeProperties = attributesMethod
		? dynamicOptions('name', 'Attribute Name or ID', attributesMethod)
		: { displayName: 'Attribute Name', name: 'name', type: 'string', default: '', placeholder: 'order_number' };
	return [
		{
			in: 'body',
			key,
			convert: 'keyValue',
			merge: true,
			property: {
				displayName: 'Custom Attributes',
				name: 'customAttributes',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Attribute',
				default: {},
				description: `Values of ${subject} data attributes, sent as text; use Custom Attributes (JSON) for numbers, booleans and lists`,
				options: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						values: [nameField, { displayName: 'Value', name: 'value', type: 'string', default: '' }],
					},
				],
			},
		},
		{
			in: 'body',
			key,
			convert: 'object',
			merge: true,
			property: {
				displayName: 'Custom Attributes (JSON)',
				name: 'customAttributesJson',
				type: 'json',
				default: '{}',
				description: `${subject[0].toUpperCase()}${subject.slice(1)} data attributes as a JSON object, such as {"plan": "pro", "seats": 5}; merged with Custom Attributes`,
			},
		},
	];
}

/**
 * A contact's external ID: Intercom's `user_id`, the ID your own systems gave the contact. One
 * declaration for every operation that identifies a contact by it (data events, visitor convert).
 */
export function externalUserIdField(
	target: 'body' | 'query',
	key: string,
	extra: { description?: string; displayOptions?: INodeProperties['displayOptions'] } = {},
): FieldSpec {
	return {
		in: target,
		key,
		convert: 'text',
		property: {
			displayName: 'External User ID',
			name: 'externalUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'crm-42',
			description: extra.description ?? 'The ID your own systems gave the user (external_id)',
			...(extra.displayOptions ? { displayOptions: extra.displayOptions } : {}),
		},
	};
}

// Collections, news items and newsfeeds: from the list or by ID (no app URL form is relied on).

/** A Help Center collection (or a section nested in one). */
export function collectionLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'collectionId',
		displayName: 'Collection',
		key: 'collection_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchCollections',
		placeholderId: '6871119',
		...o,
	});
}

export function newsItemLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'newsItemId',
		displayName: 'News Item',
		key: 'news_item_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchNewsItems',
		placeholderId: '141',
		...o,
	});
}

export function newsfeedLocator(o: LocatorOverrides = {}): FieldSpec {
	return resourceLocator({
		name: 'newsfeedId',
		displayName: 'Newsfeed',
		key: 'newsfeed_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchNewsfeeds',
		placeholderId: '12312',
		...o,
	});
}

/**
 * A Help Center, chosen from the workspace's help centers: a path ID, or the number a query or
 * body takes (article search, a new collection).
 */
export function helpCenterField(target: 'path' | 'query' | 'body', extra: Partial<INodeProperties> = {}): FieldSpec & OptionSpec {
	const property = dynamicOptions('helpCenterId', 'Help Center Name or ID', 'getHelpCenters', extra);
	if (target === 'path') return { in: 'path', key: 'help_center_id', idFormat: ID_FORMATS.numeric, property };
	return { in: target, key: 'help_center_id', convert: 'integer', property };
}
