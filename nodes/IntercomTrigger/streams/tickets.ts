/**
 * Ticket events, from POST /tickets/search.
 *
 * Ticket search compares dates to the second, and Intercom documents its `>` as "greater (or
 * equal) than", as for conversations: the query asks for `> from - 1`, right under either
 * reading, and the cursor drops what was already emitted. Ticket search documents no sort, so a
 * window is read whole, in whatever order it comes, and ordered here; a state-change window too
 * large for one poll is handled out of order (BY_CREATION).
 *
 * New Ticket's window is on `created_at`, which is also its events' time, so a window too large
 * for one poll's time budget is narrowed (`boundedWindows`): `< to` is added, and a ticket at
 * `to` that comes back (the `<` read as "or equal") lies past the read's `readThrough` and is left
 * for the next part, never emitted early. Ticket State Changed is not narrowed: its query is on
 * the ticket's `updated_at` while its events are the state parts' times, so a ticket found in one
 * part may hold a change that belongs to another part.
 *
 * A state change is a ticket part (`ticket_state_updated_by_admin`, and the like) with the
 * previous and the new state; it updates its ticket, so every change since `from` is in a ticket
 * updated since. Intercom also records a ticket's first state as such a part when the ticket is
 * created (submitted → submitted): that is the ticket's creation, not a change, and is left out.
 */
import type { IDataObject } from 'n8n-workflow';

import { compareKeys } from '../cursor';
import { readOutOfOrder } from '../out-of-order';
import { eventKey, readAll, readNewest, type RecordSource, type TriggerEvent } from '../reading';
import type { PollStream, StreamContext } from './types';

type TicketEvent = 'ticket.created' | 'ticket.state_changed';

/**
 * Ticket search documents no sort. A read goes on at a search position only while its pages are
 * seen to come in (`created_at`, id) order, where a ticket keeps its place (the sandbox answers so):
 * observed record by record, never asked for or assumed.
 */
const BY_CREATION = { field: 'created_at', sort: false };

/** How far back the editor's test event looks, widening until it finds tickets: a day, a month, ever. */
const SAMPLE_WINDOWS = [86_400, 30 * 86_400, Infinity];
const SAMPLE_RECORDS = 150;

function partsOf(ticket: IDataObject): IDataObject[] {
	const list = (ticket.ticket_parts as IDataObject | undefined)?.ticket_parts;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

function withoutParts(ticket: IDataObject): IDataObject {
	const { ticket_parts: _parts, ...rest } = ticket;
	return rest;
}

function isStatePart(part: IDataObject): boolean {
	return String(part.part_type ?? '').startsWith('ticket_state_updated');
}

/**
 * The state changes among a ticket's parts, without the record of its first state; each at its
 * part's time (or the documented fallback of eventKey: its `updated_at`, or untimed).
 */
function stateChanges(ticket: IDataObject, now: number): TriggerEvent[] {
	const parts = partsOf(ticket).filter(isStatePart);
	const summary = withoutParts(ticket);
	return parts
		.filter((part, i) => !(i === 0 && part.previous_ticket_state === part.ticket_state && part.created_at === ticket.created_at))
		.map((part) => ({
			...eventKey(part, 'ticket.state_changed', String(part.id), 'created_at', now, ['updated_at']),
			event: 'ticket.state_changed',
			data: {
				ticket: summary,
				part,
				previous_state: part.previous_ticket_state ?? null,
				state: part.ticket_state ?? null,
			},
		}));
}

function eventsFor(event: TicketEvent, now: number): RecordSource['eventsOf'] {
	if (event === 'ticket.state_changed') return (ticket) => stateChanges(ticket, now);
	return (ticket) => [{ ...eventKey(ticket, event, String(ticket.id), 'created_at', now), event, data: { ticket: withoutParts(ticket) } }];
}

/** Tickets whose `field` is at or after `value` (and before `before`, when given). */
function source(event: TicketEvent, now: number, value: number, before?: number): RecordSource {
	const field = event === 'ticket.created' ? 'created_at' : 'updated_at';
	const since: IDataObject = { field, operator: '>', value };
	const query = before === undefined ? since : { operator: 'AND', value: [since, { field, operator: '<', value: before }] };
	return {
		request: { method: 'POST', path: '/tickets/search', body: { query }, idempotent: true },
		pagination: 'search',
		itemsPath: 'tickets',
		timeOf: (record) => Number(record[field]),
		eventsOf: eventsFor(event, now),
	};
}

export function ticketStream(event: TicketEvent): PollStream {
	return {
		async read(ctx: StreamContext) {
			if (event === 'ticket.state_changed') {
				// A window too large for one poll is handled out of order over the polls (out-of-order.ts),
				// at the search position, once the pages are seen to come in (created_at, id) order.
				const records = source(event, ctx.now, ctx.limits.from - 1);
				return await readOutOfOrder(ctx.client, records, ctx.limits, BY_CREATION);
			}
			return await readAll(ctx.client, source(event, ctx.now, ctx.limits.from - 1, ctx.limits.to), ctx.limits);
		},
		boundedWindows: event === 'ticket.created',
		async sample(ctx: StreamContext) {
			// Ticket search has no sort: the latest event among the first tickets of the shortest
			// recent window that has any (one request when tickets changed today).
			for (const seconds of SAMPLE_WINDOWS) {
				const records = source(event, ctx.now, seconds === Infinity ? 0 : ctx.now - seconds);
				const tickets = await readNewest(ctx.client, records, SAMPLE_RECORDS);
				if (tickets.length === 0) continue;
				const latest = tickets.flatMap(records.eventsOf).sort((a, b) => compareKeys(b.key, a.key))[0];
				return latest ? [latest] : [];
			}
			return [];
		},
	};
}
