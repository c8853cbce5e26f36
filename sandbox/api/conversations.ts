/**
 * Handlers for the Conversations-tagged operations of the 2.14 spec.
 */
import { attachmentsOf } from '../store/media-ops';
import { badRequest, notFound } from '../errors';
import { pageOfCollection, pageOfResults, parsePerPage, SortValue } from '../pagination';
import { compileQuery, parseSort } from '../search';
import { conversationSearchModel } from '../search-fields';
import * as ops from '../store/conversation-ops';
import { convertConversation } from '../store/ticket-ops';
import type { ContactRecord, ConversationRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import { ApiContext, RouteTable, str } from './context';
import { presentTagBasic } from './present-contacts';
import { presentConversation, presentConversationListItem } from './present-conversations';
import { presentTicket } from './present-tickets';

function stripHtml(text: string | null): string | null {
	return text === null ? null : text.replace(/<[^>]*>/g, '').trim();
}

/** `display_as=plaintext` strips markup from the source and part bodies. */
function present(ws: Workspace, c: ConversationRecord, displayAs: unknown) {
	const out = presentConversation(ws, c);
	if (displayAs !== 'plaintext') return out;
	out.source.body = stripHtml(out.source.body) ?? '';
	for (const part of out.conversation_parts.conversation_parts) part.body = stripHtml(part.body);
	return out;
}

/** Finds a contact by the identifiers Intercom accepts in reply/attach bodies. */
function findContact(ws: Workspace, ids: { intercom_user_id?: unknown; user_id?: unknown; email?: unknown }): ContactRecord {
	let contact: ContactRecord | undefined;
	if (ids.intercom_user_id !== undefined) contact = ws.contact(String(ids.intercom_user_id));
	else if (ids.user_id !== undefined) {
		const id = ws.contactsByExternalId.get(String(ids.user_id));
		contact = id ? ws.contact(id) : undefined;
	} else if (ids.email !== undefined) contact = ws.contactByEmail(String(ids.email));
	else throw badRequest('intercom_user_id, user_id or email is required');
	if (!contact) throw notFound('User Not Found');
	return contact;
}

function reply(ctx: ApiContext) {
	const { ws, params, body } = ctx;
	const at = typeof body.created_at === 'number' ? body.created_at : undefined;
	if (body.type === 'admin') {
		const messageType = body.message_type;
		if (!['comment', 'note', 'quick_reply'].includes(messageType)) throw badRequest('message_type must be comment, note or quick_reply');
		const c = ops.requireConversation(ws, params.conversation_id);
		const part = ops.appendPart(ws, c, { part_type: messageType, author: ops.adminAuthor(ws, String(body.admin_id)), body: body.body ?? null }, at);
		part.attachments = attachmentsOf(ws, ctx.origin ?? '', body);
		return presentConversation(ws, c);
	}
	if (body.type === 'user') {
		const contact = findContact(ws, body);
		let id = params.conversation_id;
		if (id === 'last') {
			// "last" replies to the contact's most recently updated conversation.
			const latest = ws.conversations.all().filter((c) => c.contactIds.includes(contact.id)).sort((a, b) => b.updated_at - a.updated_at)[0];
			if (!latest) throw notFound('Conversation Not Found');
			id = latest.id;
		}
		const c = ops.requireConversation(ws, id);
		const part = ops.appendPart(ws, c, { part_type: 'comment', author: ops.contactAuthor(contact), body: body.body ?? null }, at);
		part.attachments = attachmentsOf(ws, ctx.origin ?? '', body);
		return presentConversation(ws, c);
	}
	throw badRequest('type must be admin or user', 'parameter_invalid', 'type');
}

function search(ctx: ApiContext) {
	const { ws, body } = ctx;
	const model = conversationSearchModel(ws);
	const predicate = compileQuery(body.query, model);
	const sort = parseSort(body.sort, model);
	const perPage = parsePerPage(body.pagination?.per_page, 20);
	const matches = ws.conversations.all().filter(predicate);
	const field = model.field(sort.field);
	const page = pageOfResults(matches, (c) => (field?.get(c) ?? null) as SortValue, sort.order, perPage, str(body.pagination?.starting_after));
	return {
		type: 'conversation.list',
		conversations: page.items.map((c) => presentConversationListItem(ws, c)),
		total_count: page.total,
		pages: page.pages,
	};
}

export const conversationRoutes: RouteTable = {
	'GET /conversations': ({ ws, query }) => {
		const page = pageOfCollection(ws.conversations, parsePerPage(query.per_page, 20), str(query.starting_after));
		return {
			type: 'conversation.list',
			conversations: page.items.map((c) => presentConversationListItem(ws, c)),
			total_count: page.total,
			pages: page.pages,
		};
	},
	'POST /conversations': ({ ws, body }) => {
		const from = body.from ?? {};
		if (!['user', 'lead', 'contact'].includes(from.type)) throw badRequest('from.type must be user, lead or contact');
		const contact = ws.contact(String(from.id));
		if (!contact) throw notFound('User Not Found');
		const c = ops.createConversation(ws, contact, String(body.body ?? ''), str(body.subject));
		return { type: 'user_message', id: c.source.id, created_at: c.created_at, body: c.source.body, message_type: 'inapp', conversation_id: c.id };
	},
	'GET /conversations/{conversation_id}': ({ ws, params, query }) => present(ws, ops.requireConversation(ws, params.conversation_id), query.display_as),
	'PUT /conversations/{conversation_id}': ({ ws, params, body, query }) =>
		present(ws, ops.updateConversation(ws, params.conversation_id, body), query.display_as),
	'DELETE /conversations/{conversation_id}': ({ ws, params }) => {
		ops.deleteConversation(ws, params.conversation_id);
		return { id: params.conversation_id, object: 'conversation', deleted: true };
	},
	'POST /conversations/search': search,
	'POST /conversations/{conversation_id}/reply': reply,
	'POST /conversations/{conversation_id}/parts': ({ ws, params, body }) => presentConversation(ws, ops.manageConversation(ws, params.conversation_id, body)),
	'POST /conversations/{conversation_id}/customers': ({ ws, params, body }) => {
		const contact = findContact(ws, body.customer ?? {});
		return presentConversation(ws, ops.attachParticipant(ws, params.conversation_id, String(body.admin_id), contact));
	},
	'DELETE /conversations/{conversation_id}/customers/{contact_id}': ({ ws, params, body }) =>
		presentConversation(ws, ops.detachParticipant(ws, params.conversation_id, String(body?.admin_id), params.contact_id)),
	'POST /conversations/redact': ({ ws, body }) => presentConversation(ws, ops.redactConversation(ws, body)),
	'POST /conversations/{conversation_id}/convert': ({ ws, params, body }) =>
		presentTicket(ws, convertConversation(ws, params.conversation_id, body.ticket_type_id, body.attributes)),
	'POST /conversations/{conversation_id}/tags': ({ ws, params, body }) => {
		ops.tagConversation(ws, params.conversation_id, String(body.id), String(body.admin_id));
		return { ...presentTagBasic(ws.tags.get(String(body.id))!), applied_at: ws.now(), applied_by: { type: 'admin', id: String(body.admin_id) } };
	},
	'DELETE /conversations/{conversation_id}/tags/{tag_id}': ({ ws, params, body }) => {
		const tag = ws.tags.get(params.tag_id);
		ops.untagConversation(ws, params.conversation_id, params.tag_id, String(body?.admin_id));
		return presentTagBasic(tag!);
	},
};
