/**
 * Custom data attributes created and changed through the API, with the
 * refusals Intercom documents for createDataAttribute and
 * updateDataAttribute: a name used by any custom attribute (people or
 * company data), a name with characters other than letters, digits, spaces,
 * currency symbols and hyphens, an unknown data type or model, a list with
 * fewer than two options, an attribute that does not exist.
 */
import { ApiError, badRequest } from '../errors';
import type { DataAttributeRecord } from './types';
import type { Workspace } from './workspace';

const DATA_TYPES = ['string', 'integer', 'float', 'boolean', 'datetime', 'date', 'options'];
/** Letters, digits, spaces, underscores, hyphens and currency symbols ("Mithril Shirt", "MRR-$"). */
const VALID_NAME = /^[\p{L}\p{N}\p{Sc} _-]+$/u;

const dataKind = (model: string) => (model === 'company' ? 'company' : 'people');

function optionValues(raw: unknown): string[] {
	if (!Array.isArray(raw)) throw badRequest("Options isn't an array", 'parameter_invalid', 'options');
	const values = raw.map((o) => (o && typeof o === 'object' ? String((o as { value?: unknown }).value ?? '').trim() : ''));
	if (values.length < 2 || values.some((v) => v === '')) {
		throw badRequest('A list attribute needs at least two options, each with a value', 'parameter_invalid', 'options');
	}
	return values;
}

export interface CreateAttributeInput {
	name?: unknown;
	model?: unknown;
	data_type?: unknown;
	description?: unknown;
	messenger_writable?: unknown;
	options?: unknown;
}

export function createDataAttribute(ws: Workspace, input: CreateAttributeInput, adminId: string): DataAttributeRecord {
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (input.model !== 'contact' && input.model !== 'company') {
		throw badRequest('The Data Attribute model field must be either contact or company', 'parameter_invalid', 'model');
	}
	const model = input.model;
	if (!VALID_NAME.test(name)) {
		throw badRequest(
			'Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens',
			'parameter_invalid',
			'name',
		);
	}
	const taken = ws.dataAttributes.find((a) => a.custom && a.model !== 'conversation' && a.name.toLowerCase() === name.toLowerCase());
	if (taken) {
		throw badRequest(
			`You already have '${taken.name}' in your ${dataKind(taken.model)} data. To save this as new ${dataKind(model)} data, use a different name.`,
			'parameter_invalid',
			'name',
		);
	}
	const dataType = String(input.data_type ?? '');
	if (!DATA_TYPES.includes(dataType)) throw badRequest("Data Type isn't an option", 'parameter_invalid', 'data_type');
	const now = ws.now();
	const record: DataAttributeRecord = {
		id: ws.dataAttributes.length + 1,
		model,
		name,
		full_name: `custom_attributes.${name}`,
		label: name,
		description: typeof input.description === 'string' ? input.description : '',
		// A list is stored as text with a fixed set of values; "datetime" is Intercom's date.
		data_type: dataType === 'options' ? 'string' : dataType === 'datetime' ? 'date' : (dataType as DataAttributeRecord['data_type']),
		custom: true,
		archived: false,
		api_writable: true,
		messenger_writable: input.messenger_writable === true,
		admin_id: adminId,
		created_at: now,
		updated_at: now,
	};
	if (dataType === 'options') record.options = optionValues(input.options);
	ws.dataAttributes.push(record);
	ws.changes.record('data_attribute.created', String(record.id), now, { model, name });
	return record;
}

export interface UpdateAttributeInput {
	archived?: unknown;
	description?: unknown;
	messenger_writable?: unknown;
	options?: unknown;
}

export function updateDataAttribute(ws: Workspace, id: string, input: UpdateAttributeInput): DataAttributeRecord {
	const record = ws.dataAttributes.find((a) => String(a.id) === id);
	if (!record) throw new ApiError(404, 'field_not_found', "We couldn't find that data attribute to update");
	if (!record.custom) throw badRequest('Only custom data attributes can be changed', 'parameter_invalid');
	if (input.options !== undefined) {
		if (!record.options) throw badRequest('Options can only be set on a list attribute', 'parameter_invalid', 'options');
		record.options = optionValues(input.options);
	}
	if (typeof input.description === 'string') record.description = input.description;
	if (typeof input.messenger_writable === 'boolean') record.messenger_writable = input.messenger_writable;
	if (typeof input.archived === 'boolean') record.archived = input.archived;
	record.updated_at = Math.max(ws.now(), record.created_at);
	ws.changes.record('data_attribute.updated', String(record.id), record.updated_at);
	return record;
}
