/**
 * Contact events, from POST /contacts/search.
 *
 * Intercom's trap: contact search compares dates by calendar day in the workspace's time zone
 * (`updated_at > t` matches from the start of the day after t's day), so the query asks for the
 * whole day that contains the window's start and the window is cut to the second here. The read
 * goes newest first and stops once it passes the window's start, so the earlier part of a busy
 * day costs nothing. When the window itself is too large to read in half the poll's time budget,
 * or holds more new changes than one poll emits (Max Events per Poll), the read goes oldest first
 * from the day's start instead, and emits what it got through; a read stopped that way (by the cap
 * or the budget) is continued by the next poll at the search position where it stopped, so a
 * backlog is read about once however many polls it takes to emit, and a second holding more
 * contacts than one poll can read still drains. Finding out that a window is too large by reading
 * it newest first costs about Max Events per Poll of it read twice: when the day holds more
 * changes than that (`total_count`) and the first page is all new, the day's first page is read
 * oldest first, and when the window starts on it (the day was quiet before: a burst), the read
 * goes oldest first at once, one page after the first. When it does not, that day is noted
 * (`busyDay`) and not tried again: at most one such page a day. On such a day the window is read
 * newest first by the out-of-order reader (out-of-order.ts), from the first page again: down to
 * the window's start when one poll can emit it all (a complete read, in order), and otherwise
 * continued over the polls at the search position, each poll's events in order but not across
 * polls, so that a burst costs about two reads of itself (out, then settled), never the day's
 * earlier changes.
 */
import type { IDataObject } from 'n8n-workflow';

import { readOutOfOrder } from '../out-of-order';
import { eventKey, readNewest, readNewestFirst, readOldestFirst, readOldestFirstNearStart, type RecordSource, type TriggerEvent } from '../reading';
import { contactSearchFloor } from '../timezone';
import type { PollStream, StreamContext } from './types';

export type ContactRole = 'any' | 'user' | 'lead';

function query(field: string, floor: number, role: ContactRole): IDataObject {
	const since: IDataObject = { field, operator: '>', value: floor };
	if (role === 'any') return since;
	return { operator: 'AND', value: [since, { field: 'role', operator: '=', value: role }] };
}

function source(event: string, field: 'created_at' | 'updated_at', floor: number, role: ContactRole, now: number): RecordSource {
	return {
		request: { method: 'POST', path: '/contacts/search', body: { query: query(field, floor, role) }, idempotent: true },
		pagination: 'search',
		itemsPath: 'data',
		timeOf: (record) => Number(record[field]),
		eventsOf: (record): TriggerEvent[] => [{ ...eventKey(record, event, String(record.id), field, now), event, data: { contact: record } }],
	};
}

export function contactStream(event: 'contact.created' | 'contact.updated'): PollStream {
	const field = event === 'contact.created' ? 'created_at' : 'updated_at';
	return {
		async read(ctx: StreamContext) {
			const timeZone = await ctx.workspaceTimeZone();
			const floor = contactSearchFloor(ctx.limits.from, timeZone);
			const records = source(event, field, floor, ctx.settings.contactRole, ctx.now);
			const outOfOrder = async () => await readOutOfOrder(ctx.client, records, ctx.limits, { field, sort: true, descending: true });
			// A read an earlier poll stopped goes on where it stopped (the same query: the window's start is kept).
			if (ctx.limits.handledRecords !== undefined) return await outOfOrder();
			if (ctx.limits.startingAfter) return await readOldestFirst(ctx.client, records, ctx.limits, field);
			// A day seen busy before the window stays so as the window moves on: newest first, and out of
			// order when one poll cannot emit the window (read oldest first, it would pass the day's earlier changes).
			if (ctx.busyDay === floor) return await outOfOrder();
			const tryOldestFirst = async () => {
				const oldest = await readOldestFirstNearStart(ctx.client, records, ctx.limits, field);
				if (oldest) return oldest;
				ctx.busyDay = floor;
				return await outOfOrder();
			};
			return (
				(await readNewestFirst(ctx.client, records, ctx.limits, field, tryOldestFirst)) ??
				(await readOldestFirst(ctx.client, records, ctx.limits, field))
			);
		},
		async sample(ctx: StreamContext) {
			// Any date matches `> 0` (1 January 1970); newest first, one record: one request.
			const records = source(event, field, 0, ctx.settings.contactRole, ctx.now);
			return (await readNewest(ctx.client, records, 1, field)).flatMap(records.eventsOf);
		},
	};
}
