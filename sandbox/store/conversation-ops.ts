/**
 * Conversation mutations. Every reply or manage action appends a
 * conversation part (comment, note, assignment, close, open, snoozed...),
 * moves the state, bumps `updated_at` and the statistics, and is logged:
 * one `conversation.part.created` per part, plus a state entry
 * (`conversation.closed` / `.opened` / `.snoozed` / `.assigned`) when the
 * part changed state or assignee.
 */
import { badRequest, notFound, unprocessable } from '../errors';
import type { Workspace } from './workspace';
import type { ContactRecord, ConversationRecord, PartAuthor, PartRecord, PartType } from './types';

export function requireConversation(ws: Workspace, id: string): ConversationRecord {
	const conversation = ws.conversations.get(id);
	if (!conversation) throw notFound('Conversation Not Found');
	return conversation;
}

export function requireAdmin(ws: Workspace, id: string | undefined) {
	const admin = id === undefined ? undefined : ws.admins.get(String(id));
	if (!admin) throw notFound('Admin Not Found');
	return admin;
}

export function contactAuthor(contact: ContactRecord): PartAuthor {
	return { type: contact.role === 'lead' ? 'lead' : 'user', id: contact.id, name: contact.name, email: contact.email };
}

export function adminAuthor(ws: Workspace, adminId: string): PartAuthor {
	const admin = requireAdmin(ws, adminId);
	return { type: 'admin', id: admin.id, name: admin.name, email: admin.email };
}

/** A fresh open conversation started by a contact (no parts yet). */
export function newConversation(
	ws: Workspace,
	contact: ContactRecord,
	opts: { createdAt: number; body: string; subject?: string; title?: string | null },
): ConversationRecord {
	return {
		id: ws.nextNumericId('conversation'),
		created_at: opts.createdAt,
		updated_at: opts.createdAt,
		title: opts.title ?? null,
		state: 'open',
		read: false,
		priority: 'not_priority',
		waiting_since: opts.createdAt,
		snoozed_until: null,
		admin_assignee_id: null,
		team_assignee_id: null,
		contactIds: [contact.id],
		teammateIds: [],
		tags: [],
		source: {
			id: ws.nextNumericId('part'),
			type: 'conversation',
			delivered_as: 'customer_initiated',
			subject: opts.subject ?? '',
			body: opts.body,
			author: contactAuthor(contact),
			url: null,
			redacted: false,
		},
		custom_attributes: {},
		parts: [],
		statistics: { count_reopens: 0, count_assignments: 0, count_conversation_parts: 1 },
		first_contact_reply: { created_at: opts.createdAt, type: 'conversation', url: null },
		companyId: contact.companyIds[0] ?? null,
		ticketId: null,
	};
}

/** POST /conversations: a contact starts a conversation. */
export function createConversation(ws: Workspace, contact: ContactRecord, body: string, subject?: string): ConversationRecord {
	const conversation = newConversation(ws, contact, { createdAt: ws.now(), body, subject });
	ws.conversations.insert(conversation);
	ws.changes.record('conversation.created', conversation.id, conversation.created_at, { contact_id: contact.id });
	return conversation;
}

/**
 * Appends a part and applies its effects. `at` defaults to now; the seed
 * passes historical times (the change log is paused then).
 */
export function appendPart(
	ws: Workspace,
	c: ConversationRecord,
	part: { part_type: PartType; author: PartAuthor; body?: string | null; assignedTo?: PartRecord['assigned_to']; snoozedUntil?: number },
	at: number = ws.now(),
): PartRecord {
	at = Math.max(at, c.updated_at);
	const previousState = c.state;
	const previousAssignee = c.admin_assignee_id;
	const record: PartRecord = {
		id: ws.nextNumericId('part'),
		part_type: part.part_type,
		body: part.body ?? null,
		created_at: at,
		updated_at: at,
		author: part.author,
		assigned_to: part.assignedTo ?? null,
		redacted: false,
		state: c.state,
	};
	const s = c.statistics;
	const isAdmin = part.author.type === 'admin';
	switch (part.part_type) {
		case 'comment':
		case 'quick_reply':
			if (isAdmin) {
				s.first_admin_reply_at ??= at;
				s.last_admin_reply_at = at;
				if (s.last_assignment_at !== undefined) s.last_assignment_admin_reply_at = at;
				c.waiting_since = null;
				if (!c.teammateIds.includes(part.author.id)) c.teammateIds.push(part.author.id);
			} else {
				s.first_contact_reply_at ??= at;
				s.last_contact_reply_at = at;
				c.waiting_since ??= at;
				if (c.state !== 'open') reopen(c);
			}
			break;
		case 'close':
			c.state = 'closed';
			c.snoozed_until = null;
			c.waiting_since = null;
			s.first_close_at ??= at;
			s.last_close_at = at;
			s.last_closed_by_id = part.author.id;
			break;
		case 'open':
			if (c.state !== 'open') reopen(c);
			break;
		case 'snoozed':
			c.state = 'snoozed';
			c.snoozed_until = part.snoozedUntil ?? null;
			break;
		case 'assignment':
			if (part.assignedTo?.type === 'team') c.team_assignee_id = Number(part.assignedTo.id);
			else if (part.assignedTo) c.admin_assignee_id = Number(part.assignedTo.id);
			s.first_assignment_at ??= at;
			s.last_assignment_at = at;
			s.count_assignments++;
			break;
		default:
			break;
	}
	record.state = c.state;
	s.count_conversation_parts++;
	c.parts.push(record);
	c.updated_at = at;
	deriveTimings(c);
	ws.changes.record('conversation.part.created', c.id, at, {
		part_id: record.id,
		part_type: record.part_type,
		author_type: record.author.type,
	});
	if (c.state !== previousState) {
		const kind = c.state === 'closed' ? 'conversation.closed' : c.state === 'snoozed' ? 'conversation.snoozed' : 'conversation.opened';
		ws.changes.record(kind, c.id, at, { part_id: record.id });
	}
	if (part.part_type === 'assignment' || c.admin_assignee_id !== previousAssignee) {
		ws.changes.record('conversation.assigned', c.id, at, { part_id: record.id, assignee: part.assignedTo ?? null });
	}
	return record;
}

function reopen(c: ConversationRecord): void {
	if (c.state === 'closed') c.statistics.count_reopens++;
	c.state = 'open';
	c.snoozed_until = null;
}

function deriveTimings(c: ConversationRecord): void {
	const s = c.statistics as ConversationRecord['statistics'] & Record<string, number | string | undefined>;
	if (s.first_admin_reply_at !== undefined) s.time_to_admin_reply = s.first_admin_reply_at - c.created_at;
	if (s.first_assignment_at !== undefined) s.time_to_assignment = s.first_assignment_at - c.created_at;
	if (s.first_close_at !== undefined) s.time_to_first_close = s.first_close_at - c.created_at;
	if (s.last_close_at !== undefined) s.time_to_last_close = s.last_close_at - c.created_at;
}

export interface ManageInput {
	message_type: 'close' | 'snoozed' | 'open' | 'assignment';
	admin_id: string;
	body?: string;
	snoozed_until?: number;
	type?: 'admin' | 'team';
	assignee_id?: string;
}

/** POST /conversations/{id}/parts. */
export function manageConversation(ws: Workspace, id: string, input: ManageInput): ConversationRecord {
	const c = requireConversation(ws, id);
	const author = adminAuthor(ws, input.admin_id);
	switch (input.message_type) {
		case 'close':
			appendPart(ws, c, { part_type: 'close', author, body: input.body ?? null });
			break;
		case 'open':
			appendPart(ws, c, { part_type: 'open', author });
			break;
		case 'snoozed':
			if (!input.snoozed_until || input.snoozed_until <= ws.now()) throw badRequest('snoozed_until must be in the future');
			appendPart(ws, c, { part_type: 'snoozed', author, snoozedUntil: input.snoozed_until });
			break;
		case 'assignment': {
			const assigneeType = input.type === 'team' ? 'team' : 'admin';
			const assigneeId = String(input.assignee_id);
			if (assigneeType === 'team' ? !ws.teams.has(assigneeId) : assigneeId !== '0' && !ws.admins.has(assigneeId)) {
				throw notFound(`${assigneeType === 'team' ? 'Team' : 'Admin'} Not Found`);
			}
			appendPart(ws, c, { part_type: 'assignment', author, body: input.body ?? null, assignedTo: { type: assigneeType, id: assigneeId } });
			break;
		}
		default:
			throw badRequest('message_type must be close, snoozed, open or assignment');
	}
	return c;
}

export function updateConversation(
	ws: Workspace,
	id: string,
	input: { read?: boolean; title?: string; custom_attributes?: Record<string, string | number | null> },
): ConversationRecord {
	const c = requireConversation(ws, id);
	ws.registerCustomAttributes('conversation', input.custom_attributes);
	if (input.read !== undefined) c.read = input.read;
	if (input.title !== undefined) c.title = input.title;
	for (const [key, value] of Object.entries(input.custom_attributes ?? {})) {
		if (value === null) delete c.custom_attributes[key];
		else c.custom_attributes[key] = value;
	}
	c.updated_at = Math.max(ws.now(), c.updated_at);
	ws.changes.record('conversation.updated', c.id, c.updated_at);
	return c;
}

export function deleteConversation(ws: Workspace, id: string): void {
	requireConversation(ws, id);
	ws.conversations.remove(id);
	ws.changes.record('conversation.deleted', id, ws.now());
}

/** POST /conversations/redact: blanks one part (or the source) and marks it redacted. */
export function redactConversation(
	ws: Workspace,
	input: { type: 'conversation_part' | 'source'; conversation_id: string; conversation_part_id?: string; source_id?: string },
): ConversationRecord {
	const c = requireConversation(ws, String(input.conversation_id));
	if (input.type === 'source') {
		if (c.source.id !== String(input.source_id)) throw notFound('Source Not Found');
		c.source.body = '<p><i>This message was deleted</i></p>';
		c.source.redacted = true;
	} else {
		const part = c.parts.find((p) => p.id === String(input.conversation_part_id));
		if (!part) throw notFound('Conversation Part Not Found');
		part.body = '<p><i>This message was deleted</i></p>';
		part.redacted = true;
		part.updated_at = ws.now();
	}
	c.updated_at = Math.max(ws.now(), c.updated_at);
	ws.changes.record('conversation.redacted', c.id, c.updated_at);
	return c;
}

export function attachParticipant(ws: Workspace, id: string, adminId: string, contact: ContactRecord): ConversationRecord {
	const c = requireConversation(ws, id);
	const author = adminAuthor(ws, adminId);
	if (!c.contactIds.includes(contact.id)) c.contactIds.push(contact.id);
	appendPart(ws, c, { part_type: 'participant_added', author, body: null });
	ws.changes.record('conversation.contact.attached', c.id, c.updated_at, { contact_id: contact.id });
	return c;
}

export function detachParticipant(ws: Workspace, id: string, adminId: string, contactId: string): ConversationRecord {
	const c = requireConversation(ws, id);
	const author = adminAuthor(ws, adminId);
	if (!c.contactIds.includes(contactId)) throw notFound('User Not Found');
	if (c.contactIds.length === 1) throw unprocessable('Removing the last customer is not allowed');
	c.contactIds = c.contactIds.filter((x) => x !== contactId);
	appendPart(ws, c, { part_type: 'participant_removed', author, body: null });
	ws.changes.record('conversation.contact.detached', c.id, c.updated_at, { contact_id: contactId });
	return c;
}

export function tagConversation(ws: Workspace, id: string, tagId: string, adminId: string): void {
	const c = requireConversation(ws, id);
	requireAdmin(ws, adminId);
	if (!ws.tags.has(tagId)) throw notFound('Tag Not Found');
	if (c.tags.some((t) => t.tagId === tagId)) return;
	c.tags.push({ tagId, appliedAt: ws.now(), appliedBy: adminId });
	c.updated_at = Math.max(ws.now(), c.updated_at);
	ws.changes.record('conversation.tagged', c.id, c.updated_at, { tag_id: tagId });
}

export function untagConversation(ws: Workspace, id: string, tagId: string, adminId: string): void {
	const c = requireConversation(ws, id);
	requireAdmin(ws, adminId);
	if (!ws.tags.has(tagId)) throw notFound('Tag Not Found');
	c.tags = c.tags.filter((t) => t.tagId !== tagId);
	c.updated_at = Math.max(ws.now(), c.updated_at);
	ws.changes.record('conversation.untagged', c.id, c.updated_at, { tag_id: tagId });
}
