import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { failParameter } from '../../../shared/values';
import { dynamicOptions, ID_FORMATS } from '../fields';
import type { BuiltRequest, FieldSpec, IdFormat, OperationContext, OptionSpec } from '../types';

/** Intercom's own company `id` (not the `company_id` you assign), an object ID like contacts'. */
export const COMPANY_ID_FORMAT: IdFormat = {
	pattern: /^[A-Za-z0-9_-]{1,64}$/,
	hint: "Use Intercom's company ID, such as 6762f0a61bb69f9f2193bb55, not the company_id your systems assign.",
};

export const CONTACT_PATH_LABELS = {
	contact_id: 'Contact',
	company_id: 'Company',
	tag_id: 'Tag',
	subscription_id: 'Subscription Type',
	external_id: 'External ID',
};

export const CUSTOM_ATTRIBUTES_JSON = 'customAttributesJson';

/** Fields whose blank value means "not given" rather than "set to an empty string". */
const TEXT_KEYS = ['email', 'external_id', 'phone', 'name', 'avatar'];

function text(displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...extra } as INodeProperties;
}

/**
 * The contact attributes create and update share. Create asks for Email on its own, so it leaves
 * it out here; update offers it with the rest.
 */
export function contactFieldOptions(options: { withEmail: boolean }): OptionSpec[] {
	const all: OptionSpec[] = [
		{
			in: 'body',
			key: 'email',
			property: text('Email', 'email', "The contact's email address", { placeholder: 'name@email.com' }),
		},
		{
			in: 'body',
			key: 'role',
			property: {
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Lead', value: 'lead', description: 'An anonymous or unidentified visitor' },
					{ name: 'User', value: 'user', description: 'A known, signed-up user of your product' },
				],
				default: 'user',
				description: 'Whether the contact is a user or a lead',
			},
		},
		{
			in: 'body',
			key: 'external_id',
			property: text('External ID', 'externalId', 'Your own unique identifier for the contact, such as the user ID in your database'),
		},
		{ in: 'body', key: 'phone', property: text('Phone', 'phone', "The contact's phone number") },
		{ in: 'body', key: 'name', property: text('Name', 'name', "The contact's full name") },
		{ in: 'body', key: 'avatar', property: text('Avatar', 'avatar', "URL of the contact's avatar image") },
		{
			in: 'body',
			key: 'signed_up_at',
			convert: 'unixSeconds',
			property: {
				displayName: 'Signed Up At',
				name: 'signedUpAt',
				type: 'dateTime',
				default: '',
				description: 'When the user signed up (a date, ISO 8601 string or Unix seconds)',
			},
		},
		{
			in: 'body',
			key: 'last_seen_at',
			convert: 'unixSeconds',
			property: {
				displayName: 'Last Seen At',
				name: 'lastSeenAt',
				type: 'dateTime',
				default: '',
				description: 'When the contact was last seen (a date, ISO 8601 string or Unix seconds)',
			},
		},
		{ in: 'body', key: 'owner_id', convert: 'integer', property: dynamicOptions('ownerId', 'Owner Name or ID', 'getAdmins') },
		{
			in: 'body',
			key: 'unsubscribed_from_emails',
			convert: 'boolean',
			property: {
				displayName: 'Unsubscribed From Emails',
				name: 'unsubscribedFromEmails',
				type: 'boolean',
				default: false,
				description: 'Whether the contact is unsubscribed from emails',
			},
		},
		{
			in: 'body',
			key: 'custom_attributes',
			convert: 'keyValue',
			property: {
				displayName: 'Custom Attributes',
				name: 'customAttributes',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Attribute',
				default: {},
				description: 'Values of custom data attributes, sent as text; use Custom Attributes (JSON) for numbers, booleans and dates',
				options: [
					{
						displayName: 'Attribute',
						name: 'attribute',
						values: [
							dynamicOptions('name', 'Attribute Name or ID', 'getContactAttributes'),
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		},
		{
			// Parsed by the executor, then merged into custom_attributes by shapeContactBody.
			in: 'body',
			key: CUSTOM_ATTRIBUTES_JSON,
			convert: 'json',
			property: {
				displayName: 'Custom Attributes (JSON)',
				name: CUSTOM_ATTRIBUTES_JSON,
				type: 'json',
				default: '{}',
				description: 'Custom data attributes as a JSON object, such as {"plan": "pro", "seats": 5}; merged with Custom Attributes',
			},
		},
	];
	return options.withEmail ? all : all.filter((o) => o.key !== 'email');
}

/**
 * Finishes a create or update body: blank text fields count as not given, and the JSON custom
 * attributes are merged with the name/value pairs (naming the same attribute in both is refused,
 * since which one wins would be a guess).
 */
export function shapeContactBody(ctx: OperationContext, request: BuiltRequest): void {
	const body = request.body;
	for (const key of TEXT_KEYS) {
		if (typeof body[key] === 'string') {
			const value = (body[key] as string).trim();
			if (value === '') delete body[key];
			else body[key] = value;
		}
	}
	const fromPairs = (body.custom_attributes ?? {}) as IDataObject;
	const fromJson = (body[CUSTOM_ATTRIBUTES_JSON] ?? {}) as IDataObject;
	delete body[CUSTOM_ATTRIBUTES_JSON];
	if (typeof fromJson !== 'object' || fromJson === null || Array.isArray(fromJson)) {
		failParameter(ctx.fn.getNode(), 'Custom Attributes (JSON)', ctx.itemIndex, 'a JSON object ({ … }) is required');
	}
	const twice = Object.keys(fromJson).filter((name) => name in fromPairs);
	if (twice.length > 0) {
		failParameter(
			ctx.fn.getNode(),
			'Custom Attributes (JSON)',
			ctx.itemIndex,
			`"${twice[0]}" is also set in "Custom Attributes"`,
			'Set each custom attribute in only one of "Custom Attributes" and "Custom Attributes (JSON)".',
		);
	}
	const merged = { ...fromJson, ...fromPairs };
	if (Object.keys(merged).length > 0) body.custom_attributes = merged;
	else delete body.custom_attributes;
}

/** A required text value that travels in the body, trimmed, refused when blank. */
export function requireBodyText(ctx: OperationContext, request: BuiltRequest, key: string, parameter: string): void {
	const value = String(request.body[key] ?? '').trim();
	if (value === '') failParameter(ctx.fn.getNode(), parameter, ctx.itemIndex, 'a value is required');
	request.body[key] = value;
}

export function companyField(target: 'path' | 'body'): FieldSpec {
	return {
		in: target,
		key: target === 'path' ? 'company_id' : 'id',
		idFormat: COMPANY_ID_FORMAT,
		property: dynamicOptions('companyId', 'Company Name or ID', 'getCompanies', { required: true }),
	};
}

export function subscriptionTypeField(target: 'path' | 'body'): FieldSpec {
	return {
		in: target,
		key: target === 'path' ? 'subscription_id' : 'id',
		idFormat: ID_FORMATS.numeric,
		property: dynamicOptions('subscriptionTypeId', 'Subscription Type Name or ID', 'getSubscriptionTypes', { required: true }),
	};
}
