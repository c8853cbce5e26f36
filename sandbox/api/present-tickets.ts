/**
 * Ticket presenters: tickets (with their parts), ticket types (with attributes and states), the
 * workspace's ticket states and background jobs, in the shapes Intercom's 2.14 examples show.
 */
import { presentAttachments } from '../store/media-ops';
import { statesOf } from '../store/ticket-type-ops';
import { stateOf } from '../store/ticket-ops';
import type { JobRecord, TicketPartRecord, TicketRecord, TicketStateRecord, TicketTypeAttributeRecord, TicketTypeRecord } from '../store/types';
import type { Workspace } from '../store/workspace';

/** Intercom returns at most the 500 most recent parts, as for conversations. */
const MAX_PARTS = 500;

function presentState(s: TicketStateRecord) {
	return { type: 'ticket_state', id: s.id, category: s.category, internal_label: s.internal_label, external_label: s.external_label };
}

export function presentTicketTypeAttribute(ws: Workspace, type: TicketTypeRecord, a: TicketTypeAttributeRecord, order: number) {
	const inputOptions: Record<string, unknown> = {};
	if (a.data_type === 'string') inputOptions.multiline = a.multiline === true;
	if (a.data_type === 'list') {
		inputOptions.list_options = (a.list_items ?? []).map((label, i) => ({ type: 'list_option', id: `${a.id}-${i}`, label }));
		inputOptions.allow_multiple_values = a.allow_multiple_values === true;
	}
	return {
		type: 'ticket_type_attribute',
		id: a.id,
		workspace_id: ws.idCode,
		name: a.name,
		description: a.description ?? '',
		data_type: a.data_type,
		input_options: inputOptions,
		order,
		required_to_create: a.required,
		required_to_create_for_contacts: a.required_to_create_for_contacts ?? false,
		visible_on_create: a.visible_on_create ?? true,
		visible_to_contacts: a.visible_to_contacts ?? true,
		default: a.name.startsWith('_default_'),
		ticket_type_id: Number(type.id),
		archived: a.archived ?? false,
		created_at: a.created_at ?? type.created_at,
		updated_at: a.updated_at ?? type.updated_at,
	};
}

export function presentTicketType(ws: Workspace, id: string) {
	const t = ws.ticketTypes.get(id);
	if (!t) return null;
	return {
		type: 'ticket_type',
		id: t.id,
		category: t.category,
		name: t.name,
		description: t.description,
		icon: t.icon,
		workspace_id: ws.idCode,
		archived: t.archived ?? false,
		is_internal: t.is_internal ?? false,
		created_at: t.created_at,
		updated_at: t.updated_at,
		// The schema names this list `ticket_type_attributes`; every example of Intercom's (its real
		// answers) names it `data`, as here. The node reads either.
		ticket_type_attributes: { type: 'list', data: t.attributes.map((a, i) => presentTicketTypeAttribute(ws, t, a, i)) },
		ticket_states: { type: 'list', data: statesOf(ws, t.id).map(presentState) },
	};
}

export function presentTicketStates(ws: Workspace) {
	return {
		type: 'list',
		data: [...ws.ticketStates.values()].map((s) => ({
			...presentState(s),
			archived: s.archived,
			ticket_types: {
				type: 'list',
				data: s.ticketTypeIds
					.map((id) => ws.ticketTypes.get(id))
					.filter((t): t is TicketTypeRecord => t !== undefined)
					.map((t) => ({ type: 'ticket_type', id: t.id, name: t.name, description: t.description, icon: t.icon, archived: t.archived ?? false, is_internal: t.is_internal ?? false, category: t.category })),
			},
		})),
	};
}

function presentTicketPart(p: TicketPartRecord) {
	const out: Record<string, unknown> = {
		type: 'ticket_part',
		id: p.id,
		part_type: p.part_type,
		body: p.body,
		created_at: p.created_at,
		updated_at: p.updated_at,
		assigned_to: p.assigned_to,
		author: { id: p.author.id, type: p.author.type === 'lead' ? 'user' : p.author.type, name: p.author.name, email: p.author.email },
		attachments: presentAttachments(p.attachments),
		redacted: false,
	};
	if (p.ticket_state) Object.assign(out, { ticket_state: p.ticket_state, previous_ticket_state: p.previous_ticket_state });
	if (p.updated_attribute_data) out.updated_attribute_data = p.updated_attribute_data;
	return out;
}

/** A reply's answer: the part it created. */
export function presentTicketReply(p: TicketPartRecord) {
	const { assigned_to: _assigned, ...rest } = presentTicketPart(p);
	return rest;
}

export function presentTicket(ws: Workspace, t: TicketRecord) {
	const type = ws.ticketTypes.get(t.ticketTypeId);
	const parts = t.parts.length > MAX_PARTS ? t.parts.slice(-MAX_PARTS) : t.parts;
	const out: Record<string, unknown> = {
		type: 'ticket',
		id: t.id,
		ticket_id: t.ticket_id,
		category: type?.category ?? 'Customer',
		ticket_attributes: t.attributes,
		ticket_state: presentState(stateOf(ws, t)),
		ticket_type: type ? presentTicketType(ws, type.id) : null,
		contacts: {
			type: 'contact.list',
			contacts: t.contactIds.map((id) => ({ type: 'contact', id, external_id: ws.contact(id)?.external_id ?? null })),
		},
		// Intercom answers "0" for no assignee.
		admin_assignee_id: t.admin_assignee_id ?? '0',
		team_assignee_id: t.team_assignee_id ?? '0',
		created_at: t.created_at,
		updated_at: t.updated_at,
		ticket_parts: { type: 'ticket_part.list', ticket_parts: parts.map(presentTicketPart), total_count: t.parts.length },
		open: t.open,
		linked_objects: {
			type: 'list',
			data: t.conversationId ? [{ type: 'conversation', id: t.conversationId, category: null }] : [],
			total_count: t.conversationId ? 1 : 0,
			has_more: false,
		},
		is_shared: t.is_shared,
	};
	if (t.snoozed_until !== null) out.snoozed_until = t.snoozed_until;
	return out;
}

/** The API host of the workspace's region, which job URLs name. */
function apiHost(ws: Workspace): string {
	return ws.region === 'EU' ? 'https://api.eu.intercom.io' : ws.region === 'AU' ? 'https://api.au.intercom.io' : 'https://api.intercom.io';
}

export function presentJob(ws: Workspace, job: JobRecord) {
	const baseUrl = apiHost(ws);
	return {
		type: 'job',
		id: job.id,
		status: job.status,
		url: `${baseUrl}/jobs/status/${job.id}`,
		resource_type: job.resource_type,
		resource_id: job.resource_id,
		resource_url: job.resource_id ? `${baseUrl}/tickets/${job.resource_id}` : null,
	};
}
