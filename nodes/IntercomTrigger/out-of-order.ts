/**
 * Reads handled out of order: a window whose records are read in one order while their events
 * have another (a New Conversation Part window: conversations found by `updated_at`, each holding
 * parts of many times; a second of conversation closes, found sorted by `updated_at`; a Ticket
 * State Changed window: tickets in `created_at` order, each holding state changes). When such a
 * window does not fit one poll, the read R goes on over the next polls at its saved search
 * position (Intercom's `starting_after`: a place in the sort, so a record updated meanwhile moves
 * to its new place and is read there), and every event of each record it fully handled is known.
 *
 * With the cursor's invariant, handled = { k <= watermark with k.ts <= settled } ∪ recent:
 *
 * - While R is under way, every event it emits goes to `recent`, whatever its time, and the
 *   watermark and `settled` stay where they were: an unread record may hold an event with a
 *   smaller key. The next poll continues R at the page holding the first record with an event
 *   left (cap), skipping the records of that page it already handled (`handled`, their `id:time`
 *   on the sort field), and drops what `recent` holds.
 * - A record is handled when each of its events not handled before was emitted, is silent (its
 *   filter rejects it), or was passed over: not emitted, with the lowest time of those passed
 *   over kept (`leftMin`). An event is passed over when `recent` has no room for it, or when the
 *   read is one of the passes below.
 * - When R reaches the end of its query with every record handled, it is a complete read whose
 *   visibility is its first poll's (`startedAt`): `settled` moves to at most that poll's start
 *   minus one second and the allowance (a full read), the window's end, and `leftMin - 1`; the
 *   watermark moves to the end of what was read, or to `leftMin` when events were passed over.
 *
 * Room: `recent` holds what R emitted until R ends, and R emits in the order it reads, not in
 * time order, so a full `recent` could hold `settled` below the first event it cannot take for
 * good. So a read emitting in the order read uses at most half of the room; once that is spent,
 * it passes over the rest, and the next read out of order *counts* (emits nothing; counts the
 * events not yet emitted below a few time thresholds, one second above `leftMin` and doubling),
 * and the one after emits only the events *below* the highest threshold whose count fits the
 * room then left (at least a second's). When that read ends, every event below that line was
 * emitted or passed over (and `leftMin` bounds `settled`), so `settled` moves up to it and frees
 * the room its ids took; then reads go on as before. What remains: a single second holding more
 * events not yet emitted than the room left cannot be emitted by a read out of order.
 *
 * Why nothing is lost: a record's place in the sort only moves forward (an update raises its
 * `updated_at`; in `created_at` order it stays) and R's position only moves forward, so a record that exists from R's first poll
 * to its end is on the pages of the poll whose position passes its place, and is read with every
 * event it held then. An event visible at R's first poll (time <= startedAt - 1 - allowance) was
 * in such a record, so it was emitted by R (in `recent`), is silent, or was passed over (time >=
 * leftMin > the new `settled`). An event R did not see was made after R started, or reached
 * search late: its time is above the new `settled`, it is outside `handled`, and the next full
 * read (from `settled + 1`) finds it. A record deleted meanwhile has no events left to report.
 * Why nothing is repeated: an event R emitted is in `recent` until `settled` passes its time, and
 * by then it is at or below the watermark.
 *
 * Newest first (`descending`: contact search on a day that was busy before the window, which read
 * oldest first would pass that day's earlier changes on every read), the places move the other
 * way: a record updated meanwhile moves to the front, behind R's position, with a time after R
 * began, so it is not R's to read: it lies above the new `settled` and the next full read finds
 * it (its earlier change, no longer anywhere in Intercom, is superseded, as when an update moves a
 * record forward in an oldest-first read). A record that reaches search late behind R's position
 * does so after R began, so its time too is above the new `settled`. R ends at the first record
 * older than the window's start.
 *
 * Order: within a poll, what is emitted is sorted by key; across the polls of one continued read
 * it is not (a later poll can emit an event older than one emitted before). Exactly once holds.
 */
import type { IDataObject } from 'n8n-workflow';

import type { IntercomClient } from '../shared/transport/client';
import { nextCursor, paginate } from '../shared/transport/pagination';
import { CURSOR_VERSION, compareKeys, emittedTest, keyString, recentCount, type Cursor, type EventKey, type OutOfOrderPass, type Resume, type WindowPlan } from './cursor';
import { highestTime, withSort, type ReadLimits, type RecordSource, type TriggerEvent, type WindowRead } from './reading';

/** The events of one record of an out-of-order read, and where it was read. */
export interface RecordRead {
	events: TriggerEvent[];
	/** Index of its page in `OutOfOrderRead.pages`. */
	page: number;
	/** `id:time` on the sort field: the same record at the same place (see ReadLimits.handledRecords). */
	mark: string;
}

export interface OutOfOrderRead {
	/** The records read, in the order read (the sort's). */
	records: RecordRead[];
	/** The search position each page of this poll was asked from (undefined: the query's start). */
	pages: Array<string | undefined>;
	/**
	 * Where the read stopped: at the end of the query (every record to the end was read), inside a
	 * page (its records after the last one read were not), or before the page at `next`.
	 */
	stop: { end: true } | { page: number } | { next: string };
}

/**
 * Oldest first on `order.field` (asked for as the sort, or, where Intercom documents none, only
 * observed), for events whose order is not the read's (the parts of a conversation, found by its
 * `updated_at`): each record is expanded into its events (`fetch`: a GET each; without it, the
 * record's own events, which cost nothing, so a page read is handled whole), and the read stops
 * once the poll's time is spent, after at least one record, or once it holds `cap` new
 * events: always when continuing an earlier poll's read, and in a first read when the order is
 * asked for and its pages so far kept to it. A read that ends within its first poll is a complete read
 * like readAll's. Otherwise, when the pages came in (order time, id) order (checked record by
 * record, never assumed), it returns its records page by page (`outOfOrder`) so that the poll can
 * emit what it handled and continue at the search position; when they did not, nothing can be
 * continued and the read counts as cut by the budget.
 */
export async function readOutOfOrder(
	client: IntercomClient,
	source: RecordSource,
	limits: ReadLimits,
	order: OutOfOrderSort,
	fetch?: (record: IDataObject) => Promise<TriggerEvent[]>,
): Promise<WindowRead> {
	const direction = order.descending ? -1 : 1;
	const continuing = limits.handledRecords !== undefined;
	const handled = new Set(limits.handledRecords ?? []);
	const records: IDataObject[] = [];
	const read: RecordRead[] = [];
	const pages: Array<string | undefined> = [];
	let keyOrdered = true;
	let lastKey: EventKey | undefined;
	let expanded = 0;
	let fresh = 0;
	let budget = false;
	let betweenPages = false;
	let insidePage: number | undefined;
	// Where the order is asked for and the pages so far keep to it, a first read too stops once it
	// holds Max Events per Poll: read whole, a backlog larger than that would be read (and its
	// records expanded) again by each poll that emits part of it. Where the order is only observed
	// (ticket search), or was not kept, a first read that fits the poll is read whole, so as not to
	// depend on an order nobody promised.
	const stopsAtCap = () => continuing || (order.sort && keyOrdered);
	const stopBefore = () => {
		if (limits.outOfTime()) budget = true;
		return budget || (stopsAtCap() && fresh >= limits.cap);
	};
	let reachedStart = false;
	const walk = paginate(client, order.sort ? withSort(source.request, order.field, order.descending ? 'descending' : 'ascending') : source.request, {
		pagination: source.pagination,
		itemsPath: source.itemsPath,
		startingAfter: limits.startingAfter,
		shouldStop: () => {
			const stop = stopBefore();
			if (stop) betweenPages = true;
			return stop;
		},
	});
	let nextPosition: string | undefined;
	for await (const page of walk) {
		const index = pages.push(page.startingAfter) - 1;
		nextPosition = nextCursor(page.body);
		for (const record of page.items) {
			const key = { ts: Number(record[order.field]), id: String(record.id) };
			if (!Number.isFinite(key.ts) || (lastKey && direction * compareKeys(key, lastKey) <= 0)) keyOrdered = false;
			lastKey = key;
			// Newest first, the window ends at the first record older than its start (the query may be wider).
			if (order.descending && keyOrdered && key.ts < limits.from) {
				reachedStart = true;
				break;
			}
			const mark = `${key.id}:${key.ts}`;
			if (handled.has(mark)) {
				read.push({ events: [], page: index, mark });
				records.push(record);
				continue;
			}
			// One record at least per poll, so that every poll gets further. The poll's time is checked
			// before a record that costs a request; a record that costs none is handled with its page.
			const outOfTime = fetch !== undefined && limits.outOfTime();
			if (expanded > 0 && (outOfTime || (stopsAtCap() && fresh >= limits.cap))) {
				budget = outOfTime;
				insidePage = index;
				break;
			}
			// Intercom's `<` may include its value: what lies at a narrowed window's end is the next window's.
			const events = (fetch ? await fetch(record) : source.eventsOf(record)).filter((e) => limits.to === undefined || e.key.ts < limits.to);
			expanded++;
			records.push(record);
			read.push({ events, page: index, mark });
			for (const e of events) if (!e.silent && limits.isNew(e.key)) fresh++;
		}
		if (insidePage !== undefined || reachedStart) break;
	}
	const readTop = highestTime(records, source.timeOf);
	const events = read.flatMap((r) => r.events);
	const ended = reachedStart || (insidePage === undefined && !betweenPages);
	if (ended && !continuing) {
		return { events, records, readThrough: limits.to === undefined ? Infinity : limits.to - 1, cutByBudget: false, readTop };
	}
	const partial: WindowRead = { events, records, readThrough: limits.from - 1, cutByBudget: budget, readTop };
	if (!keyOrdered) return { ...partial, cutByBudget: true };
	const stop: OutOfOrderRead['stop'] =
		insidePage !== undefined ? { page: insidePage } : betweenPages && nextPosition !== undefined ? { next: nextPosition } : { end: true };
	return { ...partial, outOfOrder: { records: read, pages, stop } };
}

/**
 * The order of a read handled out of order: on `field`, asked for as the sort (`sort`) or only
 * observed; oldest first, or newest first down to the window's start (`descending`: contact
 * search, whose dates filter by whole days, so that a window is read without the earlier part of
 * its day).
 */
export interface OutOfOrderSort {
	field: string;
	sort: boolean;
	descending?: boolean;
}

export interface OutOfOrderOptions {
	/** The poll's start (Unix seconds). */
	now: number;
	/** `settled` may move up to this when the read ends (bounded by its first poll's start). */
	visibleThrough: number;
	/** The window's last second (a narrowed window), or Infinity: events beyond it are not this read's. */
	readThrough: number;
	/** The most events one poll emits. */
	cap: number;
	/** The most ids `recent` may hold. */
	maxRecent: number;
	/** The highest record time the read saw (for `readTop`). */
	readTop?: number;
}

export interface OutOfOrderSelection {
	/** Events to emit now, in (ts, id) order. */
	emit: TriggerEvent[];
	/** The cursor to save once these events are handed to n8n (with `resume` while the read goes on). */
	next: Cursor;
	/** Whether the read reached its end with every record handled. */
	complete: boolean;
}

function addTo(recent: Record<string, string[]>, events: TriggerEvent[], above: number): void {
	for (const { key } of events) if (key.ts > above) (recent[String(key.ts)] ??= []).push(key.id);
}

/** Times below which a counting read counts: one second above the lowest passed over, then doubling. */
function thresholdsFrom(lowest: number, top: number): number[] {
	const out: number[] = [];
	for (let width = 1; out.length < MAX_THRESHOLDS; width *= 2) {
		out.push(lowest + width);
		if (lowest + width >= top) break;
	}
	return out;
}

const MAX_THRESHOLDS = 40;

/**
 * The read after this one, when events were passed over: a counting read after one that emitted
 * in the order read; after a counting read, one that emits below the highest threshold whose
 * events fit the room left (at least the lowest: a second of them).
 */
function nextPass(pass: OutOfOrderPass | undefined, leftMin: number | undefined, startedAt: number, room: number): OutOfOrderPass | undefined {
	if (leftMin === undefined) return undefined;
	if (!pass || !('thresholds' in pass)) return { thresholds: thresholdsFrom(leftMin, startedAt), counts: [] as number[] };
	let below = pass.thresholds[0];
	for (const [i, t] of pass.thresholds.entries()) if ((pass.counts[i] ?? 0) <= room) below = t;
	return { below };
}

/** Chooses what one poll of a read handled out of order emits, and the cursor after it. Pure. */
export function selectOutOfOrder(cursor: Cursor, read: OutOfOrderRead, plan: WindowPlan, options: OutOfOrderOptions): OutOfOrderSelection {
	const isEmitted = emittedTest(cursor);
	const seen = new Set<string>();
	const progress = plan.resume?.outOfOrder;
	const pass = progress ? progress.pass : cursor.pass;
	const counting = pass && 'thresholds' in pass ? { thresholds: pass.thresholds, counts: pass.thresholds.map((_, i) => pass.counts[i] ?? 0) } : undefined;
	const below = pass && 'below' in pass ? pass.below : Infinity;
	// A read in the order read keeps part of the room free: a read below a line may need it to
	// emit, in time order, what the first one had to pass over (out-of-order.ts header).
	let room = options.maxRecent - recentCount(cursor) - (pass ? 0 : Math.floor(options.maxRecent / 2));
	let leftMin = progress?.leftMin;
	const emit: TriggerEvent[] = [];
	let firstLeft: number | undefined;
	records: for (const [index, record] of read.records.entries()) {
		// A record read twice (it moved between pages) gives its events once.
		const fresh = record.events
			.filter((e) => !e.silent && e.key.ts <= options.readThrough && !isEmitted(e.key) && !seen.has(keyString(e.key)))
			.sort((a, b) => compareKeys(a.key, b.key));
		for (const event of fresh) {
			const ts = event.key.ts;
			if (counting || ts >= below || room <= 0) {
				// Passed over (counted, above the line, or no room to remember it): `settled` stays below it.
				leftMin = Math.min(leftMin ?? Infinity, ts);
				if (counting) counting.thresholds.forEach((t, i) => ts < t && counting.counts[i]++);
			} else if (emit.length >= options.cap) {
				firstLeft = index;
				break records;
			} else {
				emit.push(event);
				room--;
			}
			seen.add(keyString(event.key));
		}
	}
	emit.sort((a, b) => compareKeys(a.key, b.key));
	const thisPass: OutOfOrderPass | undefined = counting ?? pass;

	let readTop = Math.max(cursor.readTop, options.readTop ?? -Infinity);
	for (const record of read.records) for (const { key } of record.events) if (key.ts > readTop && key.ts <= options.readThrough) readTop = key.ts;

	const complete = 'end' in read.stop && firstLeft === undefined;
	if (!complete) {
		const recent: Record<string, string[]> = {};
		for (const [ts, ids] of Object.entries(cursor.recent)) recent[ts] = [...ids];
		// Every emitted id is kept, whatever its time: the watermark does not cover it while the read goes on.
		addTo(recent, emit, -Infinity);
		const next: Cursor = { version: CURSOR_VERSION, watermark: { ...cursor.watermark }, settled: cursor.settled, recent, readTop };
		return { emit, next: { ...next, resume: resumeAt(read, firstLeft, plan, options.now, leftMin, thisPass) }, complete };
	}

	const settled = Math.max(cursor.settled, Math.min(options.visibleThrough, options.readThrough, leftMin === undefined ? Infinity : leftMin - 1));
	const end = leftMin === undefined ? Math.min(options.readThrough, options.now - 1) + 1 : leftMin;
	const watermark = end > cursor.watermark.ts ? { ts: end, id: '' } : { ...cursor.watermark };
	const recent: Record<string, string[]> = {};
	for (const [ts, ids] of Object.entries(cursor.recent)) if (Number(ts) > settled) recent[ts] = [...ids];
	addTo(recent, emit, settled);
	const next: Cursor = { version: CURSOR_VERSION, watermark, settled, recent, readTop: Math.max(readTop, settled) };
	const after = nextPass(thisPass, leftMin, plan.resume?.startedAt ?? options.now, options.maxRecent - recentCount(next));
	return { emit, next: after ? { ...next, pass: after } : next, complete };
}

/**
 * Where the read goes on: the page holding the first record with an event left (its records
 * before that one are handled), the page the poll's time ran out in, or the next page.
 */
function resumeAt(
	read: OutOfOrderRead,
	firstLeft: number | undefined,
	plan: WindowPlan,
	now: number,
	leftMin: number | undefined,
	pass: OutOfOrderPass | undefined,
): Resume {
	const stop = read.stop;
	const page = firstLeft !== undefined ? read.records[firstLeft].page : 'page' in stop ? stop.page : undefined;
	const handled = page === undefined ? [] : read.records.filter((r, i) => r.page === page && (firstLeft === undefined || i < firstLeft)).map((r) => r.mark);
	const startingAfter = page === undefined ? ('next' in stop ? stop.next : undefined) : read.pages[page];
	return {
		from: plan.from,
		...(plan.to === undefined ? {} : { to: plan.to }),
		full: plan.full,
		...(startingAfter === undefined ? {} : { startingAfter }),
		startedAt: plan.resume?.startedAt ?? now,
		outOfOrder: { handled, ...(leftMin === undefined ? {} : { leftMin }), ...(pass ? { pass } : {}) },
	};
}
