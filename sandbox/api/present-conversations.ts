/**
 * Conversation presenters: the list item (no parts) and the full
 * conversation (with up to 500 parts, as Intercom returns), plus tickets.
 */
import type { Workspace } from '../store/workspace';
import type { ConversationRecord, PartAuthor, PartRecord, TicketRecord } from '../store/types';
import { presentAppliedTag } from './present-contacts';

/** Intercom returns at most the 500 most recent parts. */
const MAX_PARTS = 500;

function author(a: PartAuthor) {
	return { type: a.type, id: a.id, name: a.name, email: a.email, from_ai_agent: false, is_ai_answer: false };
}

export function presentPart(p: PartRecord) {
	return {
		type: 'conversation_part',
		id: p.id,
		part_type: p.part_type,
		body: p.body,
		created_at: p.created_at,
		updated_at: p.updated_at,
		notified_at: p.created_at,
		assigned_to: p.assigned_to,
		author: author(p.author),
		attachments: [],
		external_id: null,
		redacted: p.redacted,
		state: p.state,
	};
}

function statistics(c: ConversationRecord) {
	return { type: 'conversation_statistics', ...c.statistics };
}

export function presentConversationListItem(ws: Workspace, c: ConversationRecord) {
	return {
		type: 'conversation',
		id: c.id,
		title: c.title,
		created_at: c.created_at,
		updated_at: c.updated_at,
		waiting_since: c.waiting_since,
		snoozed_until: c.snoozed_until,
		open: c.state === 'open',
		state: c.state,
		read: c.read,
		priority: c.priority,
		admin_assignee_id: c.admin_assignee_id,
		team_assignee_id: c.team_assignee_id,
		tags: { type: 'tag.list', tags: c.tags.filter((t) => ws.tags.has(t.tagId)).map((t) => presentAppliedTag(ws, t)) },
		conversation_rating: null,
		source: {
			type: c.source.type,
			id: c.source.id,
			delivered_as: c.source.delivered_as,
			subject: c.source.subject,
			body: c.source.body,
			author: author(c.source.author),
			attachments: [],
			url: c.source.url,
			redacted: c.source.redacted,
		},
		contacts: {
			type: 'contact.list',
			contacts: c.contactIds.map((id) => ({ type: 'contact', id, external_id: ws.contact(id)?.external_id ?? null })),
		},
		teammates: { type: 'admin.list', teammates: c.teammateIds.map((id) => ({ type: 'admin', id })) },
		custom_attributes: c.custom_attributes,
		first_contact_reply: c.first_contact_reply,
		sla_applied: null,
		statistics: statistics(c),
		linked_objects: {
			type: 'list',
			data: c.ticketId ? [{ type: 'ticket', id: c.ticketId, category: 'Customer' }] : [],
			total_count: c.ticketId ? 1 : 0,
			has_more: false,
		},
		ai_agent_participated: false,
		ai_agent: null,
	};
}

export function presentConversation(ws: Workspace, c: ConversationRecord) {
	const parts = c.parts.length > MAX_PARTS ? c.parts.slice(-MAX_PARTS) : c.parts;
	return {
		...presentConversationListItem(ws, c),
		conversation_parts: {
			type: 'conversation_part.list',
			conversation_parts: parts.map(presentPart),
			total_count: c.parts.length,
		},
	};
}

export function presentTicket(ws: Workspace, t: TicketRecord) {
	const type = ws.ticketTypes.get(t.ticketTypeId);
	const conversation = ws.conversations.get(t.conversationId);
	return {
		type: 'ticket',
		id: t.id,
		ticket_id: t.ticket_id,
		category: type?.category ?? 'Customer',
		ticket_attributes: t.attributes,
		ticket_state: { type: 'ticket_state', id: '1', category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' },
		ticket_type: type ? presentTicketType(ws, type.id) : null,
		contacts: {
			type: 'contact.list',
			contacts: (conversation?.contactIds ?? []).map((id) => ({ type: 'contact', id, external_id: ws.contact(id)?.external_id ?? null })),
		},
		created_at: t.created_at,
		updated_at: t.updated_at,
		open: true,
		is_shared: true,
		linked_objects: { type: 'list', data: [{ type: 'conversation', id: t.conversationId, category: null }], total_count: 1, has_more: false },
		ticket_parts: { type: 'ticket_part.list', ticket_parts: [], total_count: 0 },
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
		archived: false,
		created_at: t.created_at,
		updated_at: t.updated_at,
		ticket_type_attributes: {
			type: 'list',
			ticket_type_attributes: t.attributes.map((a, i) => ({
				type: 'ticket_type_attribute',
				id: a.id,
				workspace_id: ws.idCode,
				name: a.name,
				description: '',
				data_type: a.data_type,
				input_options: {},
				order: i,
				required_to_create: a.required,
				required_to_create_for_contacts: false,
				visible_on_create: true,
				visible_to_contacts: true,
				default: a.name.startsWith('_default_'),
				ticket_type_id: Number(t.id),
				archived: false,
				created_at: t.created_at,
				updated_at: t.updated_at,
			})),
		},
		ticket_states: {
			type: 'list',
			data: [
				{ type: 'ticket_state', id: '1', category: 'submitted', internal_label: 'Submitted', external_label: 'Submitted' },
				{ type: 'ticket_state', id: '2', category: 'resolved', internal_label: 'Resolved', external_label: 'Resolved' },
			],
		},
	};
}
