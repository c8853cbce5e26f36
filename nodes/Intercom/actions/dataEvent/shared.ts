import type { IDataObject } from 'n8n-workflow';

import { toUnixSeconds } from '../../../shared/values';
import { contactLocator, emailShape, externalUserIdField } from '../fields';
import type { FieldSpec, OptionSpec, ShapeContext } from '../types';

/** Intercom tracks the first 10 metadata keys of an event and silently drops the rest. */
export const MAX_METADATA_KEYS = 10;

/**
 * Intercom stores an event name with "." and "$" turned into hyphens, so a name with them would be
 * filed under another name than the one given: refused, like a blank name.
 */
function eventName(value: unknown, { fail }: ShapeContext): string {
	const name = String(value);
	const refused = name.match(/[.$]/);
	if (refused) fail(`"${name.slice(0, 60)}" contains "${refused[0]}", which Intercom turns into "-"`, 'Use letters, digits and hyphens, such as ordered-item.');
	if (/[\u0000-\u001f\u007f]/.test(name)) fail('control characters are not allowed');
	return name;
}

export function eventNameField(key: string, description: string): FieldSpec {
	return {
		in: 'body',
		key,
		convert: 'text',
		shape: eventName,
		property: { displayName: 'Event Name', name: 'eventName', type: 'string', default: '', required: true, placeholder: 'ordered-item', description },
	};
}

/**
 * The contact an event is about, by Intercom ID, external user ID or email, each shown for its
 * choice. An event names the Intercom ID `id`; the event list names it `intercom_user_id`.
 */
export function eventContactFields(target: 'body' | 'query'): FieldSpec[] {
	const shownFor = (by: string) => ({ show: { identifyBy: [by] } });
	return [
		{
			property: {
				displayName: 'Identify Contact By',
				name: 'identifyBy',
				type: 'options',
				options: [
					{ name: 'Intercom Contact ID', value: 'id', description: "Intercom's ID of the contact (users and leads)" },
					{ name: 'External User ID', value: 'userId', description: 'The ID your own systems gave the user (external_id)' },
					{ name: 'Email', value: 'email', description: "The user's email address" },
				],
				default: 'id',
				description: 'How the contact is identified',
			},
		},
		{ ...contactLocator({ in: target, key: target === 'body' ? 'id' : 'intercom_user_id' }), property: { ...contactLocator().property, displayOptions: shownFor('id') } },
		externalUserIdField(target, 'user_id', { displayOptions: shownFor('userId') }),
		{
			in: target,
			key: 'email',
			convert: 'text',
			shape: emailShape,
			property: {
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'name@email.com',
				description: "The user's email address",
				displayOptions: shownFor('email'),
			},
		},
	];
}

function isRichLink(value: IDataObject): boolean {
	return Object.keys(value).sort().join() === 'url,value' && typeof value.url === 'string' && typeof value.value === 'string';
}

function isAmount(value: IDataObject): boolean {
	const { amount, currency } = value;
	return Object.keys(value).sort().join() === 'amount,currency' && Number.isSafeInteger(amount) && (amount as number) >= 0 && typeof currency === 'string' && currency !== '';
}

/**
 * Each metadata value is what Intercom takes: text, a number, a rich link {url, value} or an amount
 * {amount in cents, currency}; nothing nested. Keys ending in `_date` are dates, sent as Unix seconds.
 */
function metadata(value: unknown, { ctx, parameter, fail }: ShapeContext): IDataObject {
	const out: IDataObject = {};
	for (const [key, item] of Object.entries(value as IDataObject)) {
		if (key.trim() === '') fail('a key is empty');
		if (key.endsWith('_date')) out[key] = toUnixSeconds(item, ctx.fn.getNode(), `${parameter} "${key.slice(0, 60)}"`, ctx.itemIndex);
		else if (typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item))) out[key] = item;
		else if (item && typeof item === 'object' && !Array.isArray(item) && (isRichLink(item as IDataObject) || isAmount(item as IDataObject))) out[key] = item;
		else {
			fail(
				`the value of "${key.slice(0, 60)}" is not one Intercom takes`,
				'Metadata is key/value: each value is text, a number, a link {"url", "value"} or an amount {"amount": cents, "currency"}; nothing nested.',
			);
		}
	}
	if (Object.keys(out).length > MAX_METADATA_KEYS) fail(`${Object.keys(out).length} keys given, Intercom keeps only the first ${MAX_METADATA_KEYS} and drops the rest`);
	return out;
}

/** Metadata as key/value pairs, and as a JSON object for numbers, links and amounts; merged. */
export function metadataOptions(): OptionSpec[] {
	return [
		{
			in: 'body',
			key: 'metadata',
			convert: 'keyValue',
			merge: true,
			shape: metadata,
			property: {
				displayName: 'Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Metadata',
				default: {},
				description: 'Facts about the event as text, at most 10 keys; a key ending in _date takes a date',
				options: [
					{
						displayName: 'Entry',
						name: 'attribute',
						values: [
							{ displayName: 'Key', name: 'name', type: 'string', default: '', placeholder: 'order_id' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		},
		{
			in: 'body',
			key: 'metadata',
			convert: 'object',
			merge: true,
			shape: metadata,
			property: {
				displayName: 'Metadata (JSON)',
				name: 'metadataJson',
				type: 'json',
				default: '{}',
				placeholder: '{"total": 12.5, "price": {"amount": 1250, "currency": "eur"}, "article": {"url": "https://example.com/a", "value": "Pricing"}}',
				description: 'Metadata as a flat JSON object of text, numbers, rich links and amounts in cents (see the example); merged with Metadata',
			},
		},
	];
}
