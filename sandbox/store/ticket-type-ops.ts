/**
 * Ticket types and their attributes. A new type gets the two default attributes (title and
 * description) and the workspace's default states; list attributes carry their choices.
 */
import { badRequest, notFound } from '../errors';
import type { TicketStateCategory, TicketStateRecord, TicketTypeAttributeRecord, TicketTypeRecord } from './types';
import type { Workspace } from './workspace';

const DEFAULT_STATES: [TicketStateCategory, string, string][] = [
	['submitted', 'Submitted', 'Submitted'],
	['in_progress', 'In progress', 'In progress'],
	['waiting_on_customer', 'Waiting on customer', 'Waiting on you'],
	['resolved', 'Resolved', 'Resolved'],
];

/** Every workspace has the four default states, used by every ticket type. */
export function ensureDefaultStates(ws: Workspace): void {
	if (ws.ticketStates.size === 0) {
		for (const [category, internal, external] of DEFAULT_STATES) {
			const id = ws.nextNumericId('misc');
			ws.ticketStates.set(id, { id, category, internal_label: internal, external_label: external, ticketTypeIds: [], archived: false });
		}
	}
	const defaults = [...ws.ticketStates.values()].slice(0, DEFAULT_STATES.length);
	for (const type of ws.ticketTypes.keys()) {
		for (const state of defaults) if (!state.ticketTypeIds.includes(type)) state.ticketTypeIds.push(type);
	}
}

/** A state that only some types use (Intercom lets a workspace add its own labels per category). */
export function addTicketState(ws: Workspace, category: TicketStateCategory, label: string, typeIds: string[]): TicketStateRecord {
	const id = ws.nextNumericId('misc');
	const state: TicketStateRecord = { id, category, internal_label: label, external_label: label, ticketTypeIds: [...typeIds], archived: false };
	ws.ticketStates.set(id, state);
	return state;
}

export function statesOf(ws: Workspace, typeId: string): TicketStateRecord[] {
	return [...ws.ticketStates.values()].filter((s) => !s.archived && s.ticketTypeIds.includes(typeId));
}

// --- attributes ---------------------------------------------------------------------------

function liveAttributes(type: TicketTypeRecord): TicketTypeAttributeRecord[] {
	return type.attributes.filter((a) => !a.archived);
}

function checkValue(attribute: TicketTypeAttributeRecord, value: unknown): void {
	if (value === null) return;
	const fail = (what: string) => {
		throw badRequest(`Ticket attribute ${attribute.name} must be ${what}`, 'parameter_invalid', attribute.name);
	};
	switch (attribute.data_type) {
		case 'string':
			if (typeof value !== 'string') fail('a string');
			break;
		case 'list': {
			const values = attribute.allow_multiple_values && Array.isArray(value) ? value : [value];
			for (const v of values) {
				if (typeof v !== 'string' || !(attribute.list_items ?? []).includes(v)) fail(`one of: ${(attribute.list_items ?? []).join(', ')}`);
			}
			break;
		}
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value)) fail('an integer');
			break;
		case 'decimal':
			if (typeof value !== 'number') fail('a number');
			break;
		case 'boolean':
			if (typeof value !== 'boolean') fail('true or false');
			break;
		case 'datetime':
			if (typeof value !== 'number' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) fail('a date');
			break;
		case 'files':
			if (!Array.isArray(value)) fail('a list of files');
			break;
		default:
			break;
	}
}

/** Refuses attributes the type does not have and values of the wrong type; on create, missing required ones. */
export function checkAttributes(type: TicketTypeRecord, attributes: unknown, creating: boolean): Record<string, unknown> {
	if (attributes === undefined || attributes === null) attributes = {};
	if (typeof attributes !== 'object' || Array.isArray(attributes)) throw badRequest('ticket_attributes must be an object', 'parameter_invalid');
	const given = attributes as Record<string, unknown>;
	const byName = new Map(liveAttributes(type).map((a) => [a.name, a]));
	for (const [name, value] of Object.entries(given)) {
		const attribute = byName.get(name);
		if (!attribute) throw badRequest(`Ticket attribute ${name} does not exist on ticket type ${type.name}`, 'parameter_invalid', name);
		checkValue(attribute, value);
	}
	if (creating) {
		const missing = liveAttributes(type).filter((a) => a.required && (given[a.name] === undefined || given[a.name] === null || given[a.name] === ''));
		if (missing.length > 0) throw badRequest('Missing required ticket attributes', 'parameter_invalid', missing.map((a) => a.name).join(','));
	}
	return given;
}

export interface TicketTypeInput {
	name?: unknown;
	description?: unknown;
	category?: unknown;
	icon?: unknown;
	is_internal?: unknown;
	archived?: unknown;
}

const CATEGORIES = ['Customer', 'Back-office', 'Tracker'];

export function createTicketType(ws: Workspace, input: TicketTypeInput): TicketTypeRecord {
	if (typeof input.name !== 'string' || input.name.trim() === '') throw badRequest('name is required', 'parameter_invalid', 'name');
	if ([...ws.ticketTypes.values()].some((t) => t.name === input.name)) throw badRequest('A ticket type with this name already exists', 'parameter_invalid', 'name');
	if (input.category !== undefined && !CATEGORIES.includes(String(input.category))) throw badRequest('category is not valid', 'parameter_invalid', 'category');
	const now = ws.now();
	const id = ws.nextNumericId('misc');
	const type: TicketTypeRecord = {
		id,
		name: input.name,
		description: typeof input.description === 'string' ? input.description : '',
		category: (input.category as TicketTypeRecord['category'] | undefined) ?? 'Customer',
		icon: typeof input.icon === 'string' ? input.icon : '🎟️',
		is_internal: input.is_internal === true,
		archived: false,
		created_at: now,
		updated_at: now,
		attributes: [
			{ id: ws.nextNumericId('misc'), name: '_default_title_', data_type: 'string', required: false, created_at: now, updated_at: now },
			{ id: ws.nextNumericId('misc'), name: '_default_description_', data_type: 'string', required: false, multiline: true, created_at: now, updated_at: now },
		],
	};
	ws.ticketTypes.set(id, type);
	ensureDefaultStates(ws);
	ws.changes.record('ticket_type.created', id, now);
	return type;
}

export function updateTicketType(ws: Workspace, id: string, input: TicketTypeInput): TicketTypeRecord {
	const type = ws.ticketTypes.get(id);
	if (!type) throw notFound('Ticket type not found');
	if (input.name !== undefined && (typeof input.name !== 'string' || input.name.trim() === '')) throw badRequest('name must not be blank', 'parameter_invalid', 'name');
	if (input.category !== undefined && !CATEGORIES.includes(String(input.category))) throw badRequest('category is not valid', 'parameter_invalid', 'category');
	if (typeof input.name === 'string') type.name = input.name;
	if (typeof input.description === 'string') type.description = input.description;
	if (input.category !== undefined) type.category = input.category as TicketTypeRecord['category'];
	if (typeof input.icon === 'string') type.icon = input.icon;
	if (typeof input.is_internal === 'boolean') type.is_internal = input.is_internal;
	if (typeof input.archived === 'boolean') type.archived = input.archived;
	type.updated_at = Math.max(ws.now(), type.updated_at);
	ws.changes.record('ticket_type.updated', id, type.updated_at);
	return type;
}

export interface AttributeInput {
	name?: unknown;
	description?: unknown;
	data_type?: unknown;
	required_to_create?: unknown;
	required_to_create_for_contacts?: unknown;
	visible_on_create?: unknown;
	visible_to_contacts?: unknown;
	multiline?: unknown;
	list_items?: unknown;
	allow_multiple_values?: unknown;
	archived?: unknown;
}

const DATA_TYPES = ['string', 'list', 'integer', 'decimal', 'boolean', 'datetime', 'files'];

function listItems(raw: unknown): string[] {
	if (typeof raw !== 'string') throw badRequest('list_items must be a comma-separated string', 'parameter_invalid', 'list_items');
	const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
	if (items.length === 0) throw badRequest('list_items needs at least one item', 'parameter_invalid', 'list_items');
	return items;
}

function applyAttributeFlags(attribute: TicketTypeAttributeRecord, input: AttributeInput): void {
	if (typeof input.description === 'string') attribute.description = input.description;
	if (typeof input.required_to_create === 'boolean') attribute.required = input.required_to_create;
	if (typeof input.required_to_create_for_contacts === 'boolean') attribute.required_to_create_for_contacts = input.required_to_create_for_contacts;
	if (typeof input.visible_on_create === 'boolean') attribute.visible_on_create = input.visible_on_create;
	if (typeof input.visible_to_contacts === 'boolean') attribute.visible_to_contacts = input.visible_to_contacts;
	if (typeof input.multiline === 'boolean') attribute.multiline = input.multiline;
	if (typeof input.allow_multiple_values === 'boolean') attribute.allow_multiple_values = input.allow_multiple_values;
	if (typeof input.archived === 'boolean') attribute.archived = input.archived;
}

export function createTicketTypeAttribute(ws: Workspace, typeId: string, input: AttributeInput): TicketTypeAttributeRecord {
	const type = ws.ticketTypes.get(typeId);
	if (!type) throw notFound('Ticket type not found');
	if (typeof input.name !== 'string' || input.name.trim() === '') throw badRequest('name is required', 'parameter_invalid', 'name');
	if (typeof input.description !== 'string') throw badRequest('description is required', 'parameter_invalid', 'description');
	if (!DATA_TYPES.includes(String(input.data_type))) throw badRequest(`data_type must be one of ${DATA_TYPES.join(', ')}`, 'parameter_invalid', 'data_type');
	if (type.attributes.some((a) => a.name === input.name && !a.archived)) throw badRequest('An attribute with this name already exists', 'parameter_invalid', 'name');
	const now = ws.now();
	const attribute: TicketTypeAttributeRecord = {
		id: ws.nextNumericId('misc'),
		name: input.name,
		data_type: String(input.data_type),
		required: false,
		created_at: now,
		updated_at: now,
	};
	if (attribute.data_type === 'list') attribute.list_items = listItems(input.list_items);
	applyAttributeFlags(attribute, input);
	type.attributes.push(attribute);
	type.updated_at = Math.max(now, type.updated_at);
	ws.changes.record('ticket_type.updated', type.id, type.updated_at, { attribute_id: attribute.id });
	return attribute;
}

export function updateTicketTypeAttribute(ws: Workspace, typeId: string, attributeId: string, input: AttributeInput): TicketTypeAttributeRecord {
	const type = ws.ticketTypes.get(typeId);
	if (!type) throw notFound('Ticket type not found');
	const attribute = type.attributes.find((a) => a.id === attributeId);
	if (!attribute) throw notFound('Ticket type attribute not found');
	if (input.name !== undefined) {
		if (typeof input.name !== 'string' || input.name.trim() === '') throw badRequest('name must not be blank', 'parameter_invalid', 'name');
		if (attribute.name.startsWith('_default_')) throw badRequest('Default attributes cannot be renamed', 'parameter_invalid', 'name');
		attribute.name = input.name;
	}
	if (input.list_items !== undefined) {
		if (attribute.data_type !== 'list') throw badRequest('list_items only applies to list attributes', 'parameter_invalid', 'list_items');
		attribute.list_items = listItems(input.list_items);
	}
	applyAttributeFlags(attribute, input);
	attribute.updated_at = Math.max(ws.now(), attribute.updated_at ?? 0);
	type.updated_at = Math.max(ws.now(), type.updated_at);
	ws.changes.record('ticket_type.updated', type.id, type.updated_at, { attribute_id: attribute.id });
	return attribute;
}
