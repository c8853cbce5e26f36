/**
 * The trigger's cursor: which events have been emitted, and how far Intercom has been read.
 *
 * An event is identified by its key `(ts, id)`: the time Intercom gives it (created_at,
 * updated_at, a part's created_at…) and the id of what changed. Keys are totally ordered by ts,
 * then id, and events are emitted in that order.
 *
 * The set of handled events (emitted, or read and rejected by a filter) is never stored as a
 * list. It is described by three fields:
 *
 *   handled = { k <= watermark  with  k.ts <= settled }  ∪  recent
 *
 * - `watermark` is how far the reads have got, in order: every event visible to a read with a key
 *   at or below it was emitted or rejected by the event's filter. It moves over what was *read*,
 *   not only over what was emitted: a complete read at time N moves it to (N, '') (every record of
 *   a second before N was visible to it), so a filter that rejects everything never holds it back.
 *   A backlog larger than the per-poll cap drains from here, in order, over several polls.
 * - `settled` is a time at or below which nothing new can still appear: every record with that
 *   time was visible to a complete read made at least the late-arrival allowance after it.
 * - `recent` holds the keys emitted with a time above `settled`, where a record that reached
 *   Intercom's search late (search indexes new contacts after a delay of up to a few minutes,
 *   and the clocks of n8n and Intercom may differ) could still show up *below* the watermark.
 *   Such a late record is not in `recent`, so it is emitted when it appears, once; a record
 *   already emitted is in `recent`, so it is never repeated, however often it is read again.
 *   Rejected records need no room there: read again, they are rejected again (their filter is a
 *   property of the record at that key).
 *
 * Reading (planWindow): a poll reads either *forward*, from `watermark.ts` (what is new since the
 * last read), or *fully*, from `settled + 1` (which re-reads what was read while it could still
 * change, and finds what arrived late there). Only a full read moves `settled`. A full read is
 * made when it costs no more than a forward one (nothing was read above `settled`), when it
 * settles everything read so far (the highest time read, `readTop`, is older than the allowance),
 * or when `settled` lags the allowance by more than the allowance again (a busy workspace, so late
 * records wait at most about twice the allowance). Each record of a burst is so read twice: once
 * when it is new, once when it is settled; the old design re-read it on every poll for as long as
 * it was inside the allowance. Twice is the least for a burst emitted before the allowance has
 * passed: a record read while younger than the allowance may still be joined by a late one, which
 * only a read made after the allowance can see, so the burst's span is read again then (reading it
 * only then would hold the burst back for the allowance). In which order a read pages (newest or
 * oldest first, see reading.ts) changes what it costs, never what the arguments below rest on:
 * `readThrough`, `readThroughKey` and the plan's `from`.
 *
 * Why nothing is lost: an event not yet emitted is either above the watermark (a forward read
 * starts at `watermark.ts`, so it is read) or below it with a time above `settled` (not in
 * `handled`, and the next full read starts at `settled + 1`). `settled` only moves to a time T
 * after a full read at N with T <= N - 1 - allowance read every visible record up to T, and by the
 * allowance's definition every record up to T was visible then.
 * Why nothing is repeated: every event emitted is either at or below the watermark with a time at
 * or below `settled`, or in `recent` (emitted keys above `settled` are added there, and an entry
 * leaves `recent` only when `settled` passes its time, while the watermark is at or above it).
 */

export const CURSOR_VERSION = 2;

export interface EventKey {
	/** Unix seconds. */
	ts: number;
	id: string;
}

export interface Cursor {
	version: typeof CURSOR_VERSION;
	watermark: EventKey;
	settled: number;
	/** Ids of the events emitted with a time above `settled`, grouped by that time (seconds as keys). */
	recent: Record<string, string[]>;
	/** The highest record time read since `settled` last moved (at most `settled` when nothing was). */
	readTop: number;
	/**
	 * For a window that must be read whole (its order is not the events' order): how many seconds
	 * of it one poll reads, after a poll could not read more within its time budget.
	 */
	span?: number;
	/** A read the last poll stopped before its end, which the next poll continues (see Resume). */
	resume?: Resume;
	/** How the next read handled out of order emits, after one ran out of room (out-of-order.ts). */
	pass?: OutOfOrderPass;
}

/**
 * A read (oldest first, in (time, id) order) stopped before its end: the next poll continues this
 * very read, the same query from `from`, at the search position `startingAfter` (Intercom's
 * `starting_after`, a position in the sort, not a page number: records changed meanwhile move to
 * their new place and are read there). Everything before that position was read and handled.
 * A full read continued this way may move `settled` only as far as its first poll could see.
 * An article window (numbered pages) keeps its drain's saved positions there instead (streams/article-walk.ts).
 */
export interface Resume {
	from: number;
	/** The end (exclusive) of a narrowed window (a second of conversation closes). */
	to?: number;
	full: boolean;
	/** None only for a read handled out of order that goes on at the query's first page. */
	startingAfter?: string;
	/** The first poll of the read (Unix seconds): what it may settle is bounded by this. */
	startedAt: number;
	/** A read handled out of order (out-of-order.ts): the watermark and `settled` wait for its end. */
	outOfOrder?: OutOfOrderProgress;
}

export interface OutOfOrderProgress {
	/** Marks (`id:time`) of the records of the page at `startingAfter` already handled. */
	handled: string[];
	/** The lowest time of an event passed over for lack of room in `recent` (see out-of-order.ts). */
	leftMin?: number;
	/** The kind of this read (none: it emits what room allows, in the order read). */
	pass?: OutOfOrderPass;
}

/**
 * A read handled out of order after one ran out of room (out-of-order.ts): one that only counts
 * the events not yet emitted below each of `thresholds` (`counts`, as far as read), or one that
 * emits only the events below `below`.
 */
export type OutOfOrderPass = { thresholds: number[]; counts: number[] } | { below: number };

const DIGITS = /^\d+$/;

/** Orders ids: numeric strings by value (Intercom's conversation and part ids), others as text. */
export function compareIds(a: string, b: string): number {
	if (a === b) return 0;
	if (DIGITS.test(a) && DIGITS.test(b)) {
		const x = a.replace(/^0+(?=\d)/, '');
		const y = b.replace(/^0+(?=\d)/, '');
		if (x.length !== y.length) return x.length - y.length;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: EventKey, b: EventKey): number {
	return a.ts - b.ts || compareIds(a.id, b.id);
}

export function keyString(key: EventKey): string {
	return `${key.ts}:${key.id}`;
}

/**
 * A cursor that has emitted nothing and will emit every event at or after `start`
 * (the first activation: "now", or the start point the user chose).
 */
export function initialCursor(start: number): Cursor {
	return { version: CURSOR_VERSION, watermark: { ts: start, id: '' }, settled: start - 1, recent: {}, readTop: start - 1 };
}

export function recentCount(cursor: Cursor): number {
	let n = 0;
	for (const ids of Object.values(cursor.recent)) n += ids.length;
	return n;
}

/** A test of "was this event already handled?" for one cursor (a set, so large reads stay linear). */
export function emittedTest(cursor: Cursor): (key: EventKey) => boolean {
	const recent = new Set<string>();
	for (const [ts, ids] of Object.entries(cursor.recent)) for (const id of ids) recent.add(`${ts}:${id}`);
	return (key) =>
		(compareKeys(key, cursor.watermark) <= 0 && key.ts <= cursor.settled) || recent.has(keyString(key));
}

/**
 * The earliest time a not-yet-emitted event can have: a full read covers everything from here on.
 * Events above the watermark start at `watermark.ts`; late ones start just above `settled`.
 */
export function windowStart(cursor: Cursor): number {
	return Math.min(cursor.settled + 1, cursor.watermark.ts);
}

export interface WindowPlan {
	/** The first record time this poll reads. */
	from: number;
	/** The first record time it need not read (a window narrowed by `span`); none: up to now. */
	to?: number;
	/** Whether the read covers everything above `settled` (and may move it). */
	full: boolean;
	/** The read continues one an earlier poll stopped (from its saved position). */
	resume?: Resume;
}

/** Where one poll at `now` reads from (see the header for why this is enough and near the floor). */
export function planWindow(cursor: Cursor, now: number, lateArrivalSeconds: number): WindowPlan {
	// A read stopped inside its window goes on first: reading it again from its start could stop at the same place.
	if (cursor.resume) {
		const { from, to, full } = cursor.resume;
		return { from, ...(to === undefined ? {} : { to }), full, resume: cursor.resume };
	}
	const start = windowStart(cursor);
	// The watermark is at or below `settled + 1`: a forward read is a full one.
	if (start === cursor.watermark.ts) return bounded({ from: start, full: true }, cursor, now);
	const matureThrough = now - 1 - lateArrivalSeconds;
	const nothingRead = cursor.readTop <= cursor.settled;
	const allSettle = cursor.readTop <= matureThrough;
	const lagging = matureThrough - cursor.settled > lateArrivalSeconds;
	if (nothingRead || allSettle || lagging) return bounded({ from: start, full: true }, cursor, now);
	return bounded({ from: cursor.watermark.ts, full: false }, cursor, now);
}

function bounded(plan: WindowPlan, cursor: Cursor, now: number): WindowPlan {
	return cursor.span !== undefined && plan.from + cursor.span < now ? { ...plan, to: plan.from + cursor.span } : plan;
}

export interface SelectOptions {
	/** The poll's start (Unix seconds): a complete read saw every visible record of an earlier second. */
	now: number;
	/**
	 * `settled` may move up to this: the poll's start minus one second and the late-arrival
	 * allowance after a full read; `settled` itself after a forward one.
	 */
	visibleThrough: number;
	/**
	 * Every visible record with a time at or below this was read in this poll (Infinity for a
	 * complete read; less when the read stopped early, for the cap or the time budget).
	 */
	readThrough: number;
	/** Every visible record with a key at or below this was read (a read that stopped inside a second). */
	readThroughKey?: EventKey;
	/** The most events one poll emits. */
	cap: number;
	/** The most ids `recent` may hold. */
	maxRecent: number;
	/** The highest record time the read saw (for `readTop`). */
	readTop?: number;
}

export interface Selection<T extends { key: EventKey }> {
	/** Events to emit now, in (ts, id) order. */
	emit: T[];
	/** The cursor to save once these events are handed to n8n. */
	next: Cursor;
	/** Events found but left for a later poll (cap, budget or the recent-id bound). */
	deferred: number;
	/** The first event read but not handled (the next poll must read it again). */
	firstLeft?: EventKey;
}

/** An event read, with `silent` when the event's filter rejects it (it moves the cursor, emits nothing). */
export type Candidate = { key: EventKey; silent?: boolean };

/**
 * Chooses what one poll emits from the events it read, and the cursor after emitting them.
 * Pure: the caller saves `next` only when the whole poll succeeded.
 */
export function selectEvents<T extends Candidate>(cursor: Cursor, events: T[], options: SelectOptions): Selection<T> {
	const isEmitted = emittedTest(cursor);
	const byKey = new Map<string, T>();
	for (const event of events) {
		// A record can show up on two pages when the result set shifts during paging: once is enough.
		if (!isEmitted(event.key)) byKey.set(keyString(event.key), event);
	}
	const eligible = [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));

	// `settled` ends at least this high (it only drops below it to keep a late event eligible, and the
	// first late event bounds that), so only ids above it take room in `recent`.
	const firstLate = eligible.find((e) => !e.silent && compareKeys(e.key, cursor.watermark) < 0);
	const floor = Math.max(
		cursor.settled,
		Math.min(options.visibleThrough, options.readThrough, firstLate ? firstLate.key.ts - 1 : Infinity),
	);
	let room = options.maxRecent;
	for (const [ts, ids] of Object.entries(cursor.recent)) if (Number(ts) > floor) room -= ids.length;

	const emit: T[] = [];
	let handled = 0;
	let lastHandled: EventKey | undefined;
	const through = options.readThroughKey;
	for (const event of eligible) {
		// Past what was read, an unread record could sort before this one.
		if (event.key.ts > options.readThrough && !(through && compareKeys(event.key, through) <= 0)) break;
		if (!event.silent) {
			if (emit.length >= options.cap) break;
			if (event.key.ts > floor) {
				if (room <= 0) break;
				room--;
			}
			emit.push(event);
		}
		handled++;
		lastHandled = event.key;
	}

	// Every event before the first one left behind was handled; with none left behind, or only events
	// past what was read (a narrowed window's end second, which an inclusive end date returns), every
	// visible record of a second the read completed was read.
	const firstLeft = eligible[handled];
	const onlyUnreadLeft = firstLeft !== undefined && firstLeft.key.ts > options.readThrough && !(through && compareKeys(firstLeft.key, through) <= 0);
	let watermark = cursor.watermark;
	if (lastHandled && compareKeys(lastHandled, watermark) > 0) watermark = lastHandled;
	if (!firstLeft || onlyUnreadLeft) {
		const completeThrough = Math.min(options.readThrough, options.now - 1);
		if (completeThrough + 1 > watermark.ts) watermark = { ts: completeThrough + 1, id: '' };
	}
	watermark = { ...watermark };

	// A late event left behind below the watermark must stay above `settled`, or it would count as handled.
	const lateBound = firstLeft && compareKeys(firstLeft.key, watermark) < 0 ? firstLeft.key.ts - 1 : Infinity;
	const settled = Math.max(cursor.settled, Math.min(options.visibleThrough, options.readThrough, lateBound));

	const recent: Record<string, string[]> = {};
	for (const [ts, ids] of Object.entries(cursor.recent)) if (Number(ts) > settled) recent[ts] = [...ids];
	// Emitted events were not in `recent` (they were eligible), so no id is added twice.
	for (const { key } of emit) if (key.ts > settled) (recent[String(key.ts)] ??= []).push(key.id);

	let readTop = Math.max(cursor.readTop, options.readTop ?? -Infinity);
	for (const { key } of events) if (key.ts > readTop) readTop = key.ts;
	if (readTop < settled) readTop = settled;

	return {
		emit,
		next: { version: CURSOR_VERSION, watermark, settled, recent, readTop },
		deferred: eligible.filter((e) => !e.silent).length - emit.length,
		firstLeft: firstLeft?.key,
	};
}
