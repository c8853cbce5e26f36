/**
 * Handlers for the Data Events operations: submit an event (202, no body),
 * list a contact's events or their summary, submit a summary.
 *
 * The list answers `event.list` with `pages.next` as a URL, as Intercom
 * does; its `before` value is where the next page starts. The spec types
 * this response as `data_event_summary`, which is what `summary=true`
 * answers; the plain list matches the spec's `data_event_list` schema.
 */
import { badRequest } from '../errors';
import { decodeCursor, encodeCursor, parsePerPage } from '../pagination';
import { eventSummaries, findEventContact, listableEvents, submitEvent, submitSummary, type DataEventRecord } from '../store/event-ops';
import type { ContactRecord } from '../store/types';
import { Reply, type RouteTable } from './context';

/** Intercom's next links are absolute URLs on its own host; clients take the query from them. */
const NEXT_LINK_BASE = 'https://api.intercom.io/events';

function presentEvent(contact: ContactRecord, e: DataEventRecord) {
	const out: Record<string, unknown> = {
		type: 'event',
		id: e.id,
		event_name: e.event_name,
		created_at: e.created_at,
		intercom_user_id: contact.id,
		metadata: e.metadata,
	};
	if (contact.external_id) out.user_id = contact.external_id;
	if (contact.email) out.email = contact.email;
	return out;
}

function identity(contact: ContactRecord) {
	const out: Record<string, unknown> = { intercom_user_id: contact.id };
	if (contact.external_id) out.user_id = contact.external_id;
	if (contact.email) out.email = contact.email;
	return out;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export const dataEventRoutes: RouteTable = {
	'POST /events': ({ ws, body }) => {
		submitEvent(ws, body ?? {});
		return new Reply(202, undefined);
	},
	'POST /events/summaries': ({ ws, body }) => {
		submitSummary(ws, body ?? {});
		return new Reply(200, undefined);
	},
	'GET /events': ({ ws, query }) => {
		if (query.type !== 'user') throw badRequest('type must be user', 'parameter_invalid', 'type');
		const filter = query.intercom_user_id !== undefined ? 'intercom_user_id' : query.user_id !== undefined ? 'user_id' : 'email';
		const contact = findEventContact(ws, {
			id: query.intercom_user_id,
			user_id: query.user_id,
			email: query.intercom_user_id === undefined && query.user_id === undefined ? query.email : undefined,
		});
		if (query.summary === true) {
			return {
				type: 'event.summary',
				...identity(contact),
				events: eventSummaries(ws, contact.id).map((s) => ({ name: s.name, first: iso(s.first), last: iso(s.last), count: s.count, description: '' })),
			};
		}
		const perPage = parsePerPage(query.per_page, 50);
		const events = listableEvents(ws, contact.id);
		// `before` is the last event of the previous page: this page holds the events older than it,
		// so events submitted meanwhile (newer) never shift a page.
		let start = 0;
		if (query.before !== undefined) {
			const cursor = decodeCursor(String(query.before));
			const at = Number(cursor.sortValue);
			start = events.findIndex((e) => e.created_at < at || (e.created_at === at && e.id < cursor.id));
			if (start < 0) start = events.length;
		}
		const page = events.slice(start, start + perPage);
		const pages: Record<string, string> = {};
		const last = page[page.length - 1];
		if (last && start + perPage < events.length) {
			const next = new URLSearchParams({ type: 'user', [filter]: String(query[filter]), per_page: String(perPage), before: encodeCursor(last.created_at, last.id, 0) });
			pages.next = `${NEXT_LINK_BASE}?${next.toString()}`;
		}
		return { type: 'event.list', events: page.map((e) => presentEvent(contact, e)), pages };
	},
};
