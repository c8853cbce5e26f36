import type { IDataObject } from 'n8n-workflow';

import { failParameter, parseJsonParameter, requireString, toUnixSeconds } from '../../../shared/values';
import type { BuiltRequest, OperationContext, OptionSpec } from '../types';

export const EVENT_NAME = { name: 'eventName', displayName: 'Event Name' };
const METADATA = 'Metadata';
const METADATA_JSON = { name: 'metadataJson', displayName: 'Metadata (JSON)' };
/** Intercom tracks the first 10 metadata keys of an event and silently drops the rest. */
const MAX_METADATA_KEYS = 10;

export function eventNameField(description: string) {
	return {
		in: 'body' as const,
		key: 'event_name',
		property: {
			displayName: EVENT_NAME.displayName,
			name: EVENT_NAME.name,
			type: 'string' as const,
			default: '',
			required: true,
			placeholder: 'ordered-item',
			description,
		},
	};
}

/**
 * Intercom stores an event name with "." and "$" turned into hyphens, so a name with them would be
 * filed under another name than the one given: refused, like a blank name.
 */
export function checkEventName(ctx: OperationContext, request: BuiltRequest, key: string, target: IDataObject = request.body): void {
	const node = ctx.fn.getNode();
	const name = requireString(target[key], node, EVENT_NAME.displayName, ctx.itemIndex);
	const refused = name.match(/[.$]/);
	if (refused) {
		failParameter(node, EVENT_NAME.displayName, ctx.itemIndex, `"${name.slice(0, 60)}" contains "${refused[0]}", which Intercom turns into "-"`, 'Use letters, digits and hyphens, such as ordered-item.');
	}
	if (/[\u0000-\u001f\u007f]/.test(name)) failParameter(node, EVENT_NAME.displayName, ctx.itemIndex, 'control characters are not allowed');
	target[key] = name;
}

/** Metadata as key/value pairs, and as a JSON object for numbers, links and amounts. */
export function metadataOptions(): OptionSpec[] {
	return [
		{
			in: 'body',
			key: 'metadata',
			convert: 'keyValue',
			property: {
				displayName: METADATA,
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
			key: METADATA_JSON.name,
			convert: 'json',
			property: {
				displayName: METADATA_JSON.displayName,
				name: METADATA_JSON.name,
				type: 'json',
				default: '{}',
				placeholder: '{"total": 12.5, "price": {"amount": 1250, "currency": "eur"}, "article": {"url": "https://example.com/a", "value": "Pricing"}}',
				description: 'Metadata as a flat JSON object of text, numbers, rich links and amounts in cents (see the example); merged with Metadata',
			},
		},
	];
}

function isRichLink(value: IDataObject): boolean {
	return Object.keys(value).sort().join() === 'url,value' && typeof value.url === 'string' && typeof value.value === 'string';
}

function isAmount(value: IDataObject): boolean {
	return (
		Object.keys(value).sort().join() === 'amount,currency' &&
		Number.isSafeInteger(value.amount) &&
		(value.amount as number) >= 0 &&
		typeof value.currency === 'string' &&
		value.currency !== ''
	);
}

/**
 * Merges the two metadata parameters and checks the result is what Intercom takes: a flat object
 * of at most 10 keys whose values are text, numbers, rich links or monetary amounts. Keys ending
 * in `_date` are dates, sent as Unix seconds.
 */
export function shapeMetadata(ctx: OperationContext, request: BuiltRequest): void {
	const node = ctx.fn.getNode();
	const fail = (parameter: string, message: string, hint?: string): never => failParameter(node, parameter, ctx.itemIndex, message, hint);
	const pairs = (request.body.metadata ?? {}) as IDataObject;
	const raw = request.body[METADATA_JSON.name] === undefined ? {} : parseJsonParameter(request.body[METADATA_JSON.name], node, METADATA_JSON.displayName, ctx.itemIndex);
	delete request.body[METADATA_JSON.name];
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(METADATA_JSON.displayName, 'a JSON object of keys and values ({ … }) is required');
	const fromJson = raw as IDataObject;
	const merged: IDataObject = {};
	for (const [parameter, source] of [[METADATA, pairs], [METADATA_JSON.displayName, fromJson]] as const) {
		for (const [key, value] of Object.entries(source)) {
			if (key.trim() === '') fail(parameter, 'a key is empty');
			if (key in merged) fail(parameter, `the key "${key.slice(0, 60)}" is given twice`, 'Set each key in only one of "Metadata" and "Metadata (JSON)".');
			if (key.endsWith('_date')) merged[key] = toUnixSeconds(value, node, `${parameter} "${key.slice(0, 60)}"`, ctx.itemIndex);
			else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) merged[key] = value;
			else if (value && typeof value === 'object' && !Array.isArray(value) && (isRichLink(value as IDataObject) || isAmount(value as IDataObject))) merged[key] = value;
			else {
				fail(
					parameter,
					`the value of "${key.slice(0, 60)}" is not one Intercom takes`,
					'Metadata is key/value: each value is text, a number, a link {"url", "value"} or an amount {"amount": cents, "currency"}; nothing nested.',
				);
			}
		}
	}
	const count = Object.keys(merged).length;
	if (count > MAX_METADATA_KEYS) fail(METADATA, `${count} keys given, Intercom keeps only the first ${MAX_METADATA_KEYS} and drops the rest`);
	if (count > 0) request.body.metadata = merged;
	else delete request.body.metadata;
}
