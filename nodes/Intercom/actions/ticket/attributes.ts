/**
 * Ticket attributes, checked against the ticket type they belong to. The type's attributes are read
 * from the workspace (once per type and execution) so that an attribute the type does not have, a
 * value of the wrong type, a list value that is not one of the list's items, or a missing required
 * attribute fails before anything is sent, naming the parameter.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failParameter, parseJsonObject, toInteger, toList, toUnixSeconds } from '../../../shared/values';
import type { OperationContext, OptionSpec } from '../types';

export const ATTRIBUTES = { name: 'ticketAttributes', displayName: 'Ticket Attributes' };
export const ATTRIBUTES_JSON = { name: 'ticketAttributesJson', displayName: 'Ticket Attributes (JSON)' };

export interface TicketTypeAttribute {
	name: string;
	data_type: string;
	required_to_create?: boolean;
	archived?: boolean;
	input_options?: { list_options?: Array<{ label?: string }>; allow_multiple_values?: boolean } | null;
}

/** A ticket type's attributes, wherever the answer keeps them (see the sandbox's present-tickets.ts). */
export function attributesOfType(type: IDataObject | undefined): TicketTypeAttribute[] {
	const list = (type?.ticket_type_attributes ?? {}) as IDataObject;
	const items = (list.data ?? list.ticket_type_attributes ?? []) as TicketTypeAttribute[];
	return Array.isArray(items) ? items.filter((a) => a && a.archived !== true) : [];
}

// One execution's ticket types, by id: items of one run share them.
const typeCache = new WeakMap<IExecuteFunctions, Map<string, Promise<IDataObject>>>();

export async function fetchTicketType(ctx: OperationContext, typeId: string): Promise<IDataObject> {
	let cache = typeCache.get(ctx.fn);
	if (!cache) typeCache.set(ctx.fn, (cache = new Map()));
	let type = cache.get(typeId);
	if (!type) {
		type = ctx.client.request<IDataObject>({
			method: 'GET',
			path: '/ticket_types/{ticket_type_id}',
			pathParams: { ticket_type_id: typeId },
			pathLabels: { ticket_type_id: 'Ticket Type' },
			subject: 'Ticket type',
			itemIndex: ctx.itemIndex,
		});
		cache.set(typeId, type);
		type.catch(() => cache!.delete(typeId));
	}
	return await type;
}

/** The attribute pairs (a field of their own) and the JSON attributes (in a collection), as given. */
function given(ctx: OperationContext, json: unknown): Array<{ name: string; value: unknown; parameter: string; raw: boolean }> {
	const pairs = ((ctx.param<IDataObject>(ATTRIBUTES.name, {})?.attribute ?? []) as Array<{ name?: string; value?: unknown }>)
		.filter((p) => String(p.name ?? '').trim() !== '')
		.map((p) => ({ name: String(p.name).trim(), value: p.value, parameter: ATTRIBUTES.displayName, raw: false }));
	if (json === undefined || json === '') return pairs;
	const object = parseJsonObject(json, ctx.fn.getNode(), ATTRIBUTES_JSON.displayName, ctx.itemIndex);
	return [...pairs, ...Object.entries(object).map(([name, value]) => ({ name, value, parameter: ATTRIBUTES_JSON.displayName, raw: true }))];
}

function listLabels(attribute: TicketTypeAttribute): string[] {
	return (attribute.input_options?.list_options ?? []).map((o) => String(o.label ?? ''));
}

/** A value typed in the editor (text) as the attribute's type takes it; JSON values are only checked. */
function convert(ctx: OperationContext, attribute: TicketTypeAttribute, parameter: string, value: unknown, raw: boolean): unknown {
	const node = ctx.fn.getNode();
	const label = `${parameter} › ${attribute.name}`;
	if (value === null && raw) return null;
	switch (attribute.data_type) {
		case 'integer':
			return toInteger(value, node, label, ctx.itemIndex);
		case 'decimal': {
			const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
			if (String(value ?? '').trim() === '' || !Number.isFinite(n)) failParameter(node, label, ctx.itemIndex, `${JSON.stringify(value)} is not a number`);
			return n;
		}
		case 'boolean':
			if (value === true || value === 'true') return true;
			if (value === false || value === 'false') return false;
			return failParameter(node, label, ctx.itemIndex, `${JSON.stringify(value)} is not true or false`);
		case 'datetime':
			return toUnixSeconds(value, node, label, ctx.itemIndex);
		case 'list': {
			const labels = listLabels(attribute);
			const values = attribute.input_options?.allow_multiple_values ? toList(value) : [String(value ?? '').trim()];
			for (const v of values) {
				if (!labels.includes(v)) failParameter(node, label, ctx.itemIndex, `"${v.slice(0, 60)}" is not one of the list's items`, `It takes: ${labels.join(', ')}`);
			}
			return attribute.input_options?.allow_multiple_values ? values : values[0];
		}
		case 'files':
			if (!raw || !Array.isArray(value)) failParameter(node, label, ctx.itemIndex, 'a files attribute takes a JSON array of files; use Ticket Attributes (JSON)');
			return value;
		default:
			if (raw && typeof value !== 'string') failParameter(node, label, ctx.itemIndex, `${JSON.stringify(value)?.slice(0, 60)} is not text`);
			return value === undefined || value === null ? '' : String(value);
	}
}

/**
 * The `ticket_attributes` object for a ticket of the given type, or undefined when none was given.
 * `json` is the JSON option's value; `creating` also requires the attributes the type requires.
 */
export function ticketAttributes(
	ctx: OperationContext,
	type: IDataObject,
	options: { creating: boolean; json: unknown },
): IDataObject | undefined {
	const node = ctx.fn.getNode();
	const attributes = attributesOfType(type);
	const byName = new Map(attributes.map((a) => [a.name, a]));
	const out: IDataObject = {};
	for (const { name, value, parameter, raw } of given(ctx, options.json)) {
		const attribute = byName.get(name);
		if (!attribute) {
			failParameter(node, parameter, ctx.itemIndex, `"${name.slice(0, 60)}" is not an attribute of the ticket type "${String(type.name)}"`, `Its attributes: ${[...byName.keys()].join(', ')}`);
		}
		out[name] = convert(ctx, attribute, parameter, value, raw) as IDataObject[string];
	}
	if (options.creating) {
		const missing = attributes.filter((a) => a.required_to_create === true && (out[a.name] === undefined || out[a.name] === ''));
		if (missing.length > 0) {
			failParameter(node, ATTRIBUTES.displayName, ctx.itemIndex, `the ticket type "${String(type.name)}" requires ${missing.map((a) => a.name).join(', ')}`);
		}
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

/** Attribute name/value pairs; names come from the chosen ticket type (or the ticket's type). */
export function attributePairsProperty(): INodeProperties {
	return {
		displayName: ATTRIBUTES.displayName,
		name: ATTRIBUTES.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: "Values of the ticket type's attributes; each is sent as the attribute's type takes it (a number, true/false, a date, one of a list's items)",
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTicketAttributes', loadOptionsDependsOn: ['ticketTypeId', 'ticketId'] },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

export function attributesJsonOption(): OptionSpec {
	return {
		property: {
			displayName: ATTRIBUTES_JSON.displayName,
			name: ATTRIBUTES_JSON.name,
			type: 'json',
			default: '{}',
			description: 'More attributes as a JSON object, such as {"_default_title_": "Refund"}; for lists of several items and files',
		},
	};
}
