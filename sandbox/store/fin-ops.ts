/**
 * Fin Agent API: a conversation from your own channel handed to Fin. Each one is a real Intercom
 * conversation of the contact whose external_id is the Fin user's id (created if new); the user's
 * messages are its contact parts and Fin's answers bot parts, so they show in the inbox and through
 * GET /conversations/{id}. Intercom answers start and reply with status `thinking` and reports
 * the rest through webhooks; the sandbox's Fin decides at once, deterministically:
 * - a message asking for a person ("human", "agent", "person") escalates: no answer, open for teammates;
 * - a message saying it is solved ("thanks", "thank you", "solved", "that helped") resolves: Fin
 *   closes the conversation, its status becomes complete and it asks for a rating (CSAT);
 * - anything else gets an answer from the Help Center (the published article sharing the most
 *   words with the message) and Fin awaits the user's reply.
 */
import { ApiError, badRequest } from '../errors';
import { createContact, updateContact } from './contact-ops';
import { appendPart, contactAuthor, createConversation, requireConversation } from './conversation-ops';
import type { ContactRecord, PartAuthor } from './types';
import type { Workspace } from './workspace';

export type FinStatus = 'awaiting_user_reply' | 'escalated' | 'complete';
export const RATINGS = ['terrible', 'bad', 'ok', 'good', 'amazing'] as const;
export type Rating = (typeof RATINGS)[number];

export interface FinConversation {
	externalId: string;
	userId: string;
	contactId: string;
	conversationId: string;
	status: FinStatus;
	/** The last user message (body and timestamp): the same one again within 5 minutes is not added twice. */
	lastMessage: { body: string; timestamp: string };
	csat: { requested: boolean; rating?: Rating; remark?: string; ratedAt?: number };
}

export class FinStore {
	readonly conversations = new Map<string, FinConversation>();

	/** A Fin rating as the conversation's `conversation_rating` (1 terrible … 5 amazing). */
	ratingOf(ws: Workspace, conversationId: string): Record<string, unknown> | null {
		for (const fin of this.conversations.values()) {
			if (fin.conversationId !== conversationId || !fin.csat.rating) continue;
			return {
				rating: RATINGS.indexOf(fin.csat.rating) + 1,
				...(fin.csat.remark !== undefined ? { remark: fin.csat.remark } : {}),
				created_at: fin.csat.ratedAt,
				updated_at: fin.csat.ratedAt,
				contact: { type: 'contact', id: fin.contactId, external_id: fin.userId },
				teammate: { type: 'bot', id: ws.meAdmin().id },
			};
		}
		return null;
	}

	clear(): void {
		this.conversations.clear();
	}
}

interface FinMessage {
	author?: unknown;
	body?: unknown;
	timestamp?: unknown;
}

interface FinUser {
	id?: unknown;
	name?: unknown;
	email?: unknown;
	attributes?: Record<string, unknown>;
}

export interface FinRequest {
	conversation_id?: unknown;
	message?: FinMessage;
	user?: FinUser;
	conversation_metadata?: { attributes?: Record<string, unknown> };
}

export interface FinAnswer {
	conversation_id: string;
	user_id: string;
	status: 'thinking';
	created_at_ms: string;
	errors?: { user?: { attributes: Record<string, string> }; conversation?: { attributes: Record<string, string> } };
}

function finAuthor(ws: Workspace): PartAuthor {
	return { type: 'bot', id: ws.meAdmin().id, name: 'Fin', email: `operator+${ws.idCode}@intercom.io` };
}

function required(value: unknown, name: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${name} is required`, 'parameter_invalid', name);
	return value;
}

/** Attributes Fin may use are the workspace's custom data attributes; others are reported, not stored. */
function knownAttributes(ws: Workspace, model: 'contact' | 'conversation', given: Record<string, unknown> | undefined, label: string) {
	const known: Record<string, unknown> = {};
	const errors: Record<string, string> = {};
	for (const [name, value] of Object.entries(given ?? {})) {
		if (ws.dataAttributes.some((a) => a.model === model && a.custom && !a.archived && a.name === name)) known[name] = value;
		else errors[name] = `${label} attribute '${name}' does not exist`;
	}
	return { known, errors };
}

function finContact(ws: Workspace, user: FinUser): ContactRecord {
	const userId = required(user.id, 'user.id');
	const id = ws.contactsByExternalId.get(userId);
	const fields = { name: typeof user.name === 'string' ? user.name : undefined, email: typeof user.email === 'string' ? user.email : undefined };
	if (id) return updateContact(ws, id, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
	return createContact(ws, { role: 'user', external_id: userId, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) });
}

const WORD = /[a-z0-9]{3,}/g;

/** The Help Center's best answer: the published article sharing the most words with the message. */
function helpCenterAnswer(ws: Workspace, message: string): string {
	const words = new Set(message.toLowerCase().match(WORD) ?? []);
	let best: { score: number; title: string; body: string } | undefined;
	for (const article of ws.articles.values()) {
		if (article.state !== 'published') continue;
		const score = (article.title.toLowerCase().match(WORD) ?? []).filter((w) => words.has(w)).length;
		if (score > 0 && (!best || score > best.score)) best = { score, title: article.title, body: article.body ?? '' };
	}
	if (!best) return '<p>I could not find that in the Help Center. Could you tell me a little more?</p>';
	const text = best.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
	return `<p>From <em>${best.title}</em>: ${text}</p>`;
}

/** Fin takes the user's message: escalates, resolves, or answers (see the module comment). */
function handleMessage(ws: Workspace, fin: FinConversation, body: string): void {
	const conversation = requireConversation(ws, fin.conversationId);
	if (/\b(human|agent|person)\b/i.test(body)) {
		fin.status = 'escalated';
		return;
	}
	if (/\b(thanks|thank you|solved|that helped)\b/i.test(body)) {
		appendPart(ws, conversation, { part_type: 'comment', author: finAuthor(ws), body: '<p>Glad I could help!</p>' });
		appendPart(ws, conversation, { part_type: 'close', author: finAuthor(ws) });
		fin.status = 'complete';
		fin.csat.requested = true;
		return;
	}
	appendPart(ws, conversation, { part_type: 'comment', author: finAuthor(ws), body: helpCenterAnswer(ws, body) });
	fin.status = 'awaiting_user_reply';
}

function answer(ws: Workspace, fin: FinConversation, errors: FinAnswer['errors']): FinAnswer {
	const out: FinAnswer = { conversation_id: fin.externalId, user_id: fin.userId, status: 'thinking', created_at_ms: new Date(ws.clock.now()).toISOString() };
	if (errors && (errors.user || errors.conversation)) out.errors = errors;
	return out;
}

function message(input: FinRequest): { body: string; timestamp: string } {
	return { body: required(input.message?.body, 'message.body'), timestamp: required(input.message?.timestamp, 'message.timestamp') };
}

/** Whether this is the last message again, within Intercom's 5-minute window. */
function isRepeat(fin: FinConversation, m: { body: string; timestamp: string }): boolean {
	const last = fin.lastMessage;
	return last.body === m.body && Math.abs(Date.parse(last.timestamp) - Date.parse(m.timestamp)) < 5 * 60 * 1000;
}

function attributeErrors(ws: Workspace, contact: ContactRecord, input: FinRequest, conversationId: string): FinAnswer['errors'] {
	const user = knownAttributes(ws, 'contact', input.user?.attributes, 'User');
	if (Object.keys(user.known).length > 0) updateContact(ws, contact.id, { custom_attributes: user.known as Record<string, string> });
	const conversation = knownAttributes(ws, 'conversation', input.conversation_metadata?.attributes, 'Conversation');
	if (Object.keys(conversation.known).length > 0) {
		const c = requireConversation(ws, conversationId);
		Object.assign(c.custom_attributes, conversation.known);
	}
	return {
		...(Object.keys(user.errors).length > 0 ? { user: { attributes: user.errors } } : {}),
		...(Object.keys(conversation.errors).length > 0 ? { conversation: { attributes: conversation.errors } } : {}),
	};
}

export function startFin(ws: Workspace, input: FinRequest): FinAnswer {
	const externalId = required(input.conversation_id, 'conversation_id');
	const m = message(input);
	const existing = ws.fin.conversations.get(externalId);
	if (existing) {
		if (isRepeat(existing, m)) return answer(ws, existing, undefined);
		throw badRequest(`conversation_id ${externalId} has already been started; send the user's next message to /fin/reply`, 'parameter_invalid', 'conversation_id');
	}
	const contact = finContact(ws, input.user ?? {});
	const conversation = createConversation(ws, contact, m.body);
	const fin: FinConversation = {
		externalId,
		userId: contact.external_id ?? '',
		contactId: contact.id,
		conversationId: conversation.id,
		status: 'awaiting_user_reply',
		lastMessage: m,
		csat: { requested: false },
	};
	ws.fin.conversations.set(externalId, fin);
	const errors = attributeErrors(ws, contact, input, conversation.id);
	handleMessage(ws, fin, m.body);
	return answer(ws, fin, errors);
}

export function replyToFin(ws: Workspace, input: FinRequest): FinAnswer {
	const externalId = required(input.conversation_id, 'conversation_id');
	const m = message(input);
	const fin = ws.fin.conversations.get(externalId);
	if (!fin) throw badRequest(`conversation_id ${externalId} was not started with Fin`, 'parameter_invalid', 'conversation_id');
	if (isRepeat(fin, m)) return answer(ws, fin, undefined);
	if (fin.status !== 'awaiting_user_reply') {
		throw badRequest(`Fin is not awaiting a reply in conversation ${externalId} (status: ${fin.status})`, 'parameter_invalid', 'conversation_id');
	}
	const contact = finContact(ws, input.user ?? {});
	if (contact.id !== fin.contactId) throw badRequest('user.id is not the user of this conversation', 'parameter_invalid', 'user.id');
	appendPart(ws, requireConversation(ws, fin.conversationId), { part_type: 'comment', author: contactAuthor(contact), body: m.body });
	fin.lastMessage = m;
	const errors = attributeErrors(ws, contact, input, fin.conversationId);
	handleMessage(ws, fin, m.body);
	return answer(ws, fin, errors);
}

/** 422 answers of /fin/csat are `{errors: {field: message}}`, not an error list. */
export class CsatRefused extends ApiError {
	constructor(
		readonly errors: Record<string, string>,
	) {
		super(422, 'csat_refused', Object.values(errors)[0]);
	}
}

export function submitCsat(ws: Workspace, input: { conversation_id?: unknown; rating?: unknown; remark?: unknown }) {
	const externalId = String(input.conversation_id ?? '');
	const fin = ws.fin.conversations.get(externalId);
	if (!fin) throw new CsatRefused({ external_conversation_id: 'Conversation not found for the given external_conversation_id' });
	if (!fin.csat.requested) throw new CsatRefused({ base: 'No rating survey found for this conversation' });
	const rating = input.rating as Rating;
	if (!RATINGS.includes(rating)) throw new CsatRefused({ rating: "Rating isn't an option" });
	const remark = typeof input.remark === 'string' && input.remark.trim() !== '' ? input.remark : undefined;
	const csat = fin.csat;
	if (csat.remark !== undefined && (rating !== csat.rating || remark !== undefined)) {
		throw new CsatRefused({ base: 'This rating can no longer be changed because a remark has already been submitted' });
	}
	if (rating !== csat.rating || remark !== undefined) {
		csat.rating = rating;
		if (remark !== undefined) csat.remark = remark;
		csat.ratedAt = ws.now();
	}
	return { conversation_id: fin.externalId, rating, status: 'rated' };
}
