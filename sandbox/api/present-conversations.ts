/**
 * Conversation presenters: the list item (no parts) and the full
 * conversation (with up to 500 parts, as Intercom returns). Tickets: present-tickets.ts.
 */
import type { Workspace } from '../store/workspace';
import type { ConversationRecord, PartAuthor, PartRecord } from '../store/types';
import { presentAppliedTag } from './present-contacts';
import { presentAttachments } from '../store/media-ops';

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
		attachments: presentAttachments(p.attachments),
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
		conversation_rating: ws.fin.ratingOf(ws, c.id),
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
