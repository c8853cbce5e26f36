/**
 * Which Intercom webhook notifications a sandbox change produces, and their items, built with the
 * same presenters the API answers with. One change may notify several topics (an assignment of an
 * open conversation is both `conversation.admin.assigned` and `conversation.admin.open.assigned`);
 * changes Intercom sends no webhook for (a note on a contact, a block) produce none.
 */
import { presentArticle } from './api/articles';
import { presentAdmin } from './api/present-admins';
import { presentCompany, presentContactDetail, presentTagBasic } from './api/present-contacts';
import { presentConversation } from './api/present-conversations';
import { presentTicket } from './api/present-tickets';
import type { ChangeEntry } from './store/change-log';
import type { Workspace } from './store/workspace';

export interface PendingNotification {
	topic: string;
	item: Record<string, unknown>;
}

type Builder = (ws: Workspace, change: ChangeEntry) => PendingNotification[];

function contactItem(ws: Workspace, id: string): Record<string, unknown> | undefined {
	const contact = ws.contact(id);
	return contact ? presentContactDetail(ws, contact) : undefined;
}

function role(ws: Workspace, id: string): 'user' | 'lead' {
	return ws.contact(id)?.role === 'lead' ? 'lead' : 'user';
}

function conversationItem(ws: Workspace, id: string): Record<string, unknown> | undefined {
	const conversation = ws.conversations.get(id);
	return conversation ? (presentConversation(ws, conversation) as Record<string, unknown>) : undefined;
}

function one(topic: string, item: Record<string, unknown> | undefined): PendingNotification[] {
	return item ? [{ topic, item }] : [];
}

function contactTag(ws: Workspace, change: ChangeEntry, verb: 'created' | 'deleted'): PendingNotification[] {
	const tag = ws.tags.get(String(change.detail?.tag_id ?? ''));
	const contact = contactItem(ws, change.id);
	if (!tag || !contact) return [];
	return [
		{
			topic: `contact.${role(ws, change.id)}.tag.${verb}`,
			item: { type: 'contact_tag', created_at: change.at, tag: presentTagBasic(tag), contact },
		},
	];
}

function companyContact(ws: Workspace, change: ChangeEntry, verb: 'attached' | 'detached'): PendingNotification[] {
	const company = ws.companies.get(String(change.detail?.company_id ?? ''));
	const contact = contactItem(ws, change.id);
	if (!company || !contact) return [];
	return [{ topic: `company.contact.${verb}`, item: { ...(presentCompany(ws, company) as Record<string, unknown>), contact } }];
}

function conversationPart(ws: Workspace, change: ChangeEntry): PendingNotification[] {
	const partType = String(change.detail?.part_type ?? '');
	const author = String(change.detail?.author_type ?? '');
	let topic: string | undefined;
	if (partType === 'note') topic = 'conversation.admin.noted';
	else if (partType === 'comment' && (author === 'user' || author === 'lead')) topic = 'conversation.user.replied';
	else if (partType === 'comment' && author === 'bot') topic = 'conversation.operator.replied';
	else if (partType === 'comment') topic = 'conversation.admin.replied';
	// Closes, opens, snoozes and assignments are notified from their own change entries.
	return topic ? one(topic, conversationItem(ws, change.id)) : [];
}

function assigned(ws: Workspace, change: ChangeEntry): PendingNotification[] {
	const item = conversationItem(ws, change.id);
	if (!item) return [];
	const out = [{ topic: 'conversation.admin.assigned', item }];
	if (item.state === 'open') out.push({ topic: 'conversation.admin.open.assigned', item });
	return out;
}

const BUILDERS: Partial<Record<ChangeEntry['kind'], Builder>> = {
	'contact.created': (ws, c) => one(`contact.${role(ws, c.id)}.created`, contactItem(ws, c.id)),
	// The merge target's update is told by contact.merged.
	'contact.updated': (ws, c) => (c.detail?.merged_from ? [] : one(`contact.${role(ws, c.id)}.updated`, contactItem(ws, c.id))),
	'contact.deleted': (_ws, c) => [{ topic: 'contact.deleted', item: { type: 'contact', id: c.id } }],
	'contact.archived': (ws, c) => one('contact.archived', contactItem(ws, c.id)),
	'contact.unarchived': (ws, c) => one('contact.unarchive', contactItem(ws, c.id)),
	'contact.merged': (ws, c) => {
		const into = contactItem(ws, String(c.detail?.into ?? ''));
		return into ? [{ topic: 'contact.merged', item: { ...into, merged_from: { type: 'contact', id: c.id } } }] : [];
	},
	'contact.tagged': (ws, c) => contactTag(ws, c, 'created'),
	'contact.untagged': (ws, c) => contactTag(ws, c, 'deleted'),
	'contact.company.attached': (ws, c) => companyContact(ws, c, 'attached'),
	'contact.company.detached': (ws, c) => companyContact(ws, c, 'detached'),
	'conversation.created': (ws, c) => {
		const item = conversationItem(ws, c.id);
		const byAdmin = ws.conversations.get(c.id)?.source.author.type === 'admin';
		return one(byAdmin ? 'conversation.admin.single.created' : 'conversation.user.created', item);
	},
	'conversation.part.created': conversationPart,
	'conversation.closed': (ws, c) => one('conversation.admin.closed', conversationItem(ws, c.id)),
	'conversation.opened': (ws, c) => one('conversation.admin.opened', conversationItem(ws, c.id)),
	'conversation.snoozed': (ws, c) => one('conversation.admin.snoozed', conversationItem(ws, c.id)),
	'conversation.assigned': assigned,
	'conversation.deleted': (_ws, c) => [{ topic: 'conversation.deleted', item: { type: 'conversation', id: c.id } }],
	'conversation.redacted': (ws, c) => one('conversation_part.redacted', conversationItem(ws, c.id)),
	'conversation.contact.attached': (ws, c) => one('conversation.contact.attached', conversationItem(ws, c.id)),
	'conversation.contact.detached': (ws, c) => one('conversation.contact.detached', conversationItem(ws, c.id)),
	'conversation.converted': (ws, c) => {
		const ticket = ws.tickets.get(String(c.detail?.ticket_id ?? ''));
		return ticket ? [{ topic: 'ticket.created', item: presentTicket(ws, ticket) as Record<string, unknown> }] : [];
	},
	'article.created': (ws, c) => articleTopic(ws, c, 'article.created'),
	'article.updated': (ws, c) => articleTopic(ws, c, 'article.updated'),
	'article.published': (ws, c) => articleTopic(ws, c, 'article.published'),
	'article.deleted': (_ws, c) => [{ topic: 'article.deleted', item: { type: 'article', id: c.id } }],
	'admin.away_changed': (ws, c) => {
		const admin = ws.admins.get(c.id);
		return admin ? [{ topic: 'admin.away_mode_updated', item: presentAdmin(admin) as Record<string, unknown> }] : [];
	},
	'ticket.created': (ws, c) => ticketTopic(ws, c, 'ticket.created'),
	'ticket.state_changed': (ws, c) => {
		const state = ws.ticketStates.get(String(c.detail?.to ?? ''));
		return [
			...ticketTopic(ws, c, 'ticket.state.updated'),
			...(state?.category === 'resolved' ? ticketTopic(ws, c, 'ticket.resolved') : []),
		];
	},
	'ticket.part.created': ticketPart,
	'company.created': (ws, c) => companyTopic(ws, c, 'company.created'),
	'company.updated': (ws, c) => companyTopic(ws, c, 'company.updated'),
};

function articleTopic(ws: Workspace, change: ChangeEntry, topic: string): PendingNotification[] {
	const article = ws.articles.get(change.id);
	return article ? [{ topic, item: presentArticle(ws, article) as Record<string, unknown> }] : [];
}

function ticketTopic(ws: Workspace, change: ChangeEntry, topic: string): PendingNotification[] {
	const ticket = ws.tickets.get(change.id);
	return ticket ? [{ topic, item: presentTicket(ws, ticket) as Record<string, unknown> }] : [];
}

/** A part of a ticket: a reply, a note, an attribute change, an assignment (state changes notify through `ticket.state_changed`). */
function ticketPart(ws: Workspace, change: ChangeEntry): PendingNotification[] {
	const ticket = ws.tickets.get(change.id);
	const part = ticket?.parts.find((p) => p.id === change.detail?.part_id);
	if (!ticket || !part) return [];
	switch (part.part_type) {
		case 'note':
			return ticketTopic(ws, change, 'ticket.note.created');
		case 'comment':
			return ticketTopic(ws, change, part.author.type === 'user' || part.author.type === 'lead' ? 'ticket.contact.replied' : 'ticket.admin.replied');
		case 'ticket_attribute_updated_by_admin':
			return ticketTopic(ws, change, 'ticket.attribute.updated');
		case 'assignment':
			if (part.assigned_to?.type === 'team') return ticketTopic(ws, change, 'ticket.team.assigned');
			return part.assigned_to?.type === 'admin' ? ticketTopic(ws, change, 'ticket.admin.assigned') : [];
		default:
			return [];
	}
}

function companyTopic(ws: Workspace, change: ChangeEntry, topic: string): PendingNotification[] {
	const company = ws.companies.get(change.id);
	return company ? [{ topic, item: presentCompany(ws, company) as Record<string, unknown> }] : [];
}

/** The notifications Intercom would send for one change of the sandbox's store. */
export function notificationsForChange(ws: Workspace, change: ChangeEntry): PendingNotification[] {
	return BUILDERS[change.kind]?.(ws, change) ?? [];
}

/** The change kinds that notify, for the control API's listing. */
export const NOTIFYING_CHANGES = Object.keys(BUILDERS);
