/**
 * Data events, stored per contact, with Intercom's documented semantics:
 * names are case-insensitive and have `.` and `$` replaced by hyphens; an
 * event repeating (contact, name, created_at) is a duplicate and ignored;
 * only the first 10 metadata keys are kept; each contact keeps a summary
 * per event name (count, first, last) that submitted summaries add to.
 */
import { badRequest, notFound } from '../errors';
import type { ContactRecord } from './types';
import type { Workspace } from './workspace';

export interface DataEventRecord {
	/** Intercom's id of the event, an object id. */
	id: string;
	event_name: string;
	created_at: number;
	contactId: string;
	metadata: Record<string, unknown>;
}

export interface EventSummaryRecord {
	name: string;
	count: number;
	first: number;
	last: number;
}

/** A contact's events (newest last, as submitted) and its per-name summaries. */
export interface ContactEvents {
	events: DataEventRecord[];
	summaries: Map<string, EventSummaryRecord>;
}

/** Intercom keeps the first 10 metadata keys of an event and ignores the rest. */
export const MAX_METADATA_KEYS = 10;
/** Events older than this cannot be listed (they still count in summaries). */
export const LISTABLE_SECONDS = 90 * 24 * 3600;

/** How Intercom stores an event name: lower case, periods and dollars turned into hyphens. */
export function normaliseEventName(name: string): string {
	return name.trim().toLowerCase().replace(/[.$]/g, '-');
}

export interface ContactIdentifier {
	id?: unknown;
	user_id?: unknown;
	email?: unknown;
}

/** The contact an event names: Intercom id first, then user_id (external id), then email. */
export function findEventContact(ws: Workspace, who: ContactIdentifier): ContactRecord {
	let contact: ContactRecord | undefined;
	if (who.id !== undefined) contact = ws.contact(String(who.id));
	else if (who.user_id !== undefined) {
		const id = ws.contactsByExternalId.get(String(who.user_id));
		contact = id === undefined ? undefined : ws.contact(id);
	} else if (who.email !== undefined) contact = ws.contactByEmail(String(who.email));
	else throw badRequest('id, user_id or email is required', 'parameter_not_found');
	if (!contact) throw notFound('User Not Found');
	return contact;
}

function eventsOf(ws: Workspace, contactId: string): ContactEvents {
	let found = ws.dataEvents.get(contactId);
	if (!found) {
		found = { events: [], summaries: new Map() };
		ws.dataEvents.set(contactId, found);
	}
	return found;
}

function addToSummary(events: ContactEvents, name: string, count: number, first: number, last: number): void {
	const summary = events.summaries.get(name);
	if (!summary) events.summaries.set(name, { name, count, first, last });
	else {
		summary.count += count;
		summary.first = Math.min(summary.first, first);
		summary.last = Math.max(summary.last, last);
	}
}

function requireName(raw: unknown): string {
	const name = typeof raw === 'string' ? normaliseEventName(raw) : '';
	if (name === '') throw badRequest('event_name is required', 'parameter_not_found', 'event_name');
	return name;
}

/** POST /events. Returns the stored event, or undefined when it repeats one already stored. */
export function submitEvent(
	ws: Workspace,
	input: ContactIdentifier & { event_name?: unknown; created_at?: unknown; metadata?: unknown },
): DataEventRecord | undefined {
	const name = requireName(input.event_name);
	if (typeof input.created_at !== 'number' || !Number.isInteger(input.created_at)) {
		throw badRequest('created_at must be a Unix timestamp', 'parameter_invalid', 'created_at');
	}
	const contact = findEventContact(ws, input);
	const events = eventsOf(ws, contact.id);
	if (events.events.some((e) => e.event_name === name && e.created_at === input.created_at)) return undefined;
	const metadata = input.metadata && typeof input.metadata === 'object' ? (input.metadata as Record<string, unknown>) : {};
	const record: DataEventRecord = {
		id: ws.nextObjectId(input.created_at),
		event_name: name,
		created_at: input.created_at,
		contactId: contact.id,
		metadata: Object.fromEntries(Object.entries(metadata).slice(0, MAX_METADATA_KEYS)),
	};
	events.events.push(record);
	addToSummary(events, name, 1, record.created_at, record.created_at);
	ws.changes.record('contact.event.created', contact.id, ws.now(), { event_name: name, event_id: record.id });
	return record;
}

/** POST /events/summaries: counts of an event that happened outside the API, added to the contact's summary. */
export function submitSummary(ws: Workspace, input: { user_id?: unknown; event_summaries?: unknown }): void {
	if (input.user_id === undefined) throw badRequest('user_id is required', 'parameter_not_found', 'user_id');
	const contact = findEventContact(ws, { user_id: input.user_id });
	const summary = (input.event_summaries ?? {}) as { event_name?: unknown; count?: unknown; first?: unknown; last?: unknown };
	const name = requireName(summary.event_name);
	const count = summary.count ?? 1;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
		throw badRequest('count must be a positive integer', 'parameter_invalid', 'count');
	}
	const now = ws.now();
	const first = typeof summary.first === 'number' ? summary.first : now;
	const last = typeof summary.last === 'number' ? summary.last : first;
	if (last < first) throw badRequest('last must not be before first', 'parameter_invalid', 'last');
	addToSummary(eventsOf(ws, contact.id), name, count, first, last);
	ws.changes.record('contact.event.summarised', contact.id, now, { event_name: name, count });
}

/** A contact's listable events, newest first (ties by id, newest id first). */
export function listableEvents(ws: Workspace, contactId: string): DataEventRecord[] {
	const oldest = ws.now() - LISTABLE_SECONDS;
	return (ws.dataEvents.get(contactId)?.events ?? [])
		.filter((e) => e.created_at >= oldest)
		.sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function eventSummaries(ws: Workspace, contactId: string): EventSummaryRecord[] {
	return [...(ws.dataEvents.get(contactId)?.summaries.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}
