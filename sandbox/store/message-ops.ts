/**
 * Outbound messages (POST /messages): an admin writes first, in-app or by
 * email, to one or more contacts. Intercom keeps the message as the source
 * of a new conversation (the message id is the source id); the conversation
 * stays out of the inbox (closed) until a contact replies, unless
 * `create_conversation_without_contact_reply` opens it at once.
 */
import { badRequest, notFound, unprocessable } from '../errors';
import { adminAuthor } from './conversation-ops';
import type { ContactRecord, ConversationRecord } from './types';
import type { Workspace } from './workspace';

export interface MessageInput {
	message_type?: unknown;
	subject?: unknown;
	body?: unknown;
	template?: unknown;
	from?: { type?: unknown; id?: unknown };
	to?: unknown;
	created_at?: unknown;
	create_conversation_without_contact_reply?: unknown;
}

export interface SentMessage {
	conversation: ConversationRecord;
	adminId: string;
	messageType: 'in_app' | 'email';
}

function recipients(ws: Workspace, to: unknown, messageType: 'in_app' | 'email'): ContactRecord[] {
	const list = (Array.isArray(to) ? to : to === undefined || to === null ? [] : [to]) as Array<{ type?: unknown; id?: unknown }>;
	if (list.length === 0) throw badRequest('to is required', 'parameter_not_found', 'to');
	return list.map((recipient) => {
		const contact = ws.contact(String(recipient?.id ?? ''));
		// Intercom looks recipients up by their role: a user ID given as a lead is not found.
		if (!contact || contact.role !== recipient.type) throw notFound(recipient?.type === 'lead' ? 'Lead Not Found' : 'User Not Found');
		if (messageType === 'email' && !contact.email) throw badRequest('The recipient has no email address', 'parameter_invalid', 'to');
		return contact;
	});
}

export function sendAdminMessage(ws: Workspace, input: MessageInput): SentMessage {
	const messageType = input.message_type;
	if (messageType !== 'in_app' && messageType !== 'email') {
		throw badRequest('message_type must be in_app or email', 'parameter_invalid', 'message_type');
	}
	const body = typeof input.body === 'string' ? input.body.trim() : '';
	if (body === '') throw badRequest('Body is required', 'parameter_invalid', 'body');
	const subject = typeof input.subject === 'string' ? input.subject.trim() : '';
	if (messageType === 'email' && subject === '') throw unprocessable('No subject supplied for email message', 'parameter_not_found');
	if (messageType === 'email' && input.template !== 'plain' && input.template !== 'personal') {
		throw badRequest('template must be plain or personal', 'parameter_invalid', 'template');
	}
	if (input.from?.type !== 'admin') throw badRequest('from must be an admin', 'parameter_invalid', 'from');
	const author = adminAuthor(ws, String(input.from.id));
	const contacts = recipients(ws, input.to, messageType);
	const now = ws.now();
	const createdAt = typeof input.created_at === 'number' && Number.isInteger(input.created_at) ? input.created_at : now;
	const open = input.create_conversation_without_contact_reply === true;
	const conversation: ConversationRecord = {
		id: ws.nextNumericId('conversation'),
		created_at: createdAt,
		updated_at: Math.max(createdAt, now),
		title: null,
		state: open ? 'open' : 'closed',
		read: true,
		priority: 'not_priority',
		waiting_since: null,
		snoozed_until: null,
		admin_assignee_id: open ? Number(author.id) : null,
		team_assignee_id: null,
		contactIds: contacts.map((c) => c.id),
		teammateIds: [author.id],
		tags: [],
		source: {
			id: ws.nextNumericId('part'),
			type: messageType === 'email' ? 'email' : 'conversation',
			delivered_as: 'admin_initiated',
			subject,
			body,
			author,
			url: null,
			redacted: false,
		},
		custom_attributes: {},
		parts: [],
		statistics: { count_reopens: 0, count_assignments: 0, count_conversation_parts: 1 },
		first_contact_reply: null,
		companyId: contacts[0].companyIds[0] ?? null,
		ticketId: null,
	};
	ws.conversations.insert(conversation);
	ws.changes.record('conversation.created', conversation.id, conversation.updated_at, {
		contact_id: contacts[0].id,
		delivered_as: 'admin_initiated',
	});
	return { conversation, adminId: author.id, messageType };
}
