/**
 * Handlers for the Data Attributes operations (list, create, update), and for API 2.16's list of
 * conversation attributes, which that version moved out of `GET /data_attributes`.
 */
import { createDataAttribute, updateDataAttribute } from '../store/data-attribute-ops';
import type { DataAttributeRecord } from '../store/types';
import type { RouteTable } from './context';

function presentDataAttribute(a: DataAttributeRecord) {
	const out: Record<string, unknown> = {
		type: 'data_attribute',
		id: a.id,
		model: a.model,
		name: a.name,
		full_name: a.full_name,
		label: a.label,
		description: a.description,
		data_type: a.data_type,
		api_writable: a.api_writable,
		ui_writable: true,
		messenger_writable: a.messenger_writable ?? false,
		custom: a.custom,
		archived: a.archived,
		created_at: a.created_at,
		updated_at: a.updated_at,
	};
	if (a.options) out.options = a.options;
	if (a.admin_id) out.admin_id = a.admin_id;
	return out;
}

/** 2.16's names for the types (conversation_attribute_*_type); options become {id, label} objects. */
const CONVERSATION_ATTRIBUTE_TYPES: Record<DataAttributeRecord['data_type'], string> = {
	string: 'string',
	integer: 'integer',
	float: 'decimal',
	boolean: 'boolean',
	date: 'datetime',
};

function presentConversationAttribute(a: DataAttributeRecord) {
	const out: Record<string, unknown> = {
		type: 'conversation_attribute',
		id: a.id,
		name: a.name,
		description: a.description,
		data_type: a.options ? 'list' : CONVERSATION_ATTRIBUTE_TYPES[a.data_type],
		archived: a.archived,
		required: false,
		created_at: a.created_at,
		updated_at: a.updated_at,
	};
	if (a.options) out.options = a.options.map((label, i) => ({ id: String(i + 1), label, archived: false }));
	if (a.admin_id) out.admin_id = a.admin_id;
	return out;
}

export const dataAttributeRoutes: RouteTable = {
	// Exists from API 2.16 on: an earlier version's request for this path matches GET /conversations/{conversation_id}.
	'GET /conversations/attributes': ({ ws, query }) => ({
		type: 'list',
		data: ws.dataAttributes
			.filter((a) => a.model === 'conversation' && (query.include_archived === true || !a.archived))
			.map(presentConversationAttribute),
	}),
	'GET /data_attributes': ({ ws, query }) => {
		const model = query.model === undefined ? undefined : String(query.model);
		const data = ws.dataAttributes
			.filter((a) => (model === undefined ? a.model !== 'conversation' : a.model === model))
			.filter((a) => query.include_archived === true || !a.archived)
			.map(presentDataAttribute);
		return { type: 'list', data };
	},
	'POST /data_attributes': ({ ws, body }) => presentDataAttribute(createDataAttribute(ws, body ?? {}, ws.meAdmin().id)),
	'PUT /data_attributes/{data_attribute_id}': ({ ws, params, body }) =>
		presentDataAttribute(updateDataAttribute(ws, params.data_attribute_id, body ?? {})),
};
