/**
 * The trigger's cursor: which events have been emitted, kept small enough for n8n's static data.
 *
 * An event is identified by its key `(ts, id)`: the time Intercom gives it (created_at,
 * updated_at, a part's created_at…) and the id of what changed. Keys are totally ordered by ts,
 * then id, and events are emitted in that order.
 *
 * The set of emitted events is never stored as a list. It is described by three fields:
 *
 *   emitted = { k <= watermark  with  k.ts <= settled }  ∪  recent
 *
 * - `watermark` is the last key emitted in order (a backlog larger than the per-poll cap drains
 *   from here, in order, over several polls);
 * - `settled` is a time at or below which nothing new can still appear: every record with that
 *   time was already visible to a complete read of a previous poll;
 * - `recent` holds the keys emitted with a time above `settled`, where a record that reached
 *   Intercom's search late (search indexes new records after a delay of up to a few minutes)
 *   could still show up *below* the watermark. Such a late record is not in `recent`, so it is
 *   emitted when it appears, once; a record already emitted is in `recent`, so it is never
 *   repeated, however often the overlapping window reads it again.
 *
 * A plain `(ts, id)` watermark would drop late records for good; holding every record back until
 * it is settled would delay every event by the search delay. This keeps events immediate and
 * pays for it with the ids emitted during the last few minutes, bounded by `maxRecent`: when that
 * many are pending, emission waits until time settles them (it degrades to delayed delivery,
 * never to loss or repetition).
 */

export const CURSOR_VERSION = 1;

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
}

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
	return { version: CURSOR_VERSION, watermark: { ts: start, id: '' }, settled: start - 1, recent: {} };
}

function isFiniteInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

/** Reads a cursor back from static data; undefined when absent or not one this version wrote. */
export function parseCursor(raw: unknown): Cursor | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const c = raw as Partial<Cursor>;
	if (c.version !== CURSOR_VERSION) return undefined;
	const wm = c.watermark as Partial<EventKey> | undefined;
	if (!wm || !isFiniteInteger(wm.ts) || typeof wm.id !== 'string' || !isFiniteInteger(c.settled)) return undefined;
	if (!c.recent || typeof c.recent !== 'object' || Array.isArray(c.recent)) return undefined;
	const recent: Record<string, string[]> = {};
	for (const [ts, ids] of Object.entries(c.recent)) {
		if (!DIGITS.test(ts) || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return undefined;
		recent[ts] = [...ids];
	}
	return { version: CURSOR_VERSION, watermark: { ts: wm.ts, id: wm.id }, settled: c.settled, recent };
}

export function recentCount(cursor: Cursor): number {
	let n = 0;
	for (const ids of Object.values(cursor.recent)) n += ids.length;
	return n;
}

/** A test of "was this event already emitted?" for one cursor (a set, so large reads stay linear). */
export function emittedTest(cursor: Cursor): (key: EventKey) => boolean {
	const recent = new Set<string>();
	for (const [ts, ids] of Object.entries(cursor.recent)) for (const id of ids) recent.add(`${ts}:${id}`);
	return (key) =>
		(compareKeys(key, cursor.watermark) <= 0 && key.ts <= cursor.settled) || recent.has(keyString(key));
}

/**
 * The earliest time a not-yet-emitted event can have: reads must cover everything from here on.
 * Events above the watermark start at `watermark.ts`; late ones start just above `settled`.
 */
export function windowStart(cursor: Cursor): number {
	return Math.min(cursor.settled + 1, cursor.watermark.ts);
}

export interface SelectOptions {
	/**
	 * Every record with a time at or below this is visible to reads now (the poll's start minus the
	 * late-arrival allowance).
	 */
	visibleThrough: number;
	/**
	 * Every visible record with a time at or below this was read in this poll (Infinity for a
	 * complete read; less when the read stopped early, for the cap or the time budget).
	 */
	readThrough: number;
	/** The most events one poll emits. */
	cap: number;
	/** The most ids `recent` may hold. */
	maxRecent: number;
}

export interface Selection<T extends { key: EventKey }> {
	/** Events to emit now, in (ts, id) order. */
	emit: T[];
	/** The cursor to save once these events are handed to n8n. */
	next: Cursor;
	/** Events found but left for a later poll (cap, budget or the recent-id bound). */
	deferred: number;
}

/**
 * Chooses what one poll emits from the events it read, and the cursor after emitting them.
 * Pure: the caller saves `next` only when the whole poll succeeded.
 */
export function selectEvents<T extends { key: EventKey }>(cursor: Cursor, events: T[], options: SelectOptions): Selection<T> {
	const isEmitted = emittedTest(cursor);
	const byKey = new Map<string, T>();
	for (const event of events) {
		// A record can show up on two pages when the result set shifts during paging: once is enough.
		if (!isEmitted(event.key)) byKey.set(keyString(event.key), event);
	}
	const eligible = [...byKey.values()].sort((a, b) => compareKeys(a.key, b.key));

	// `settled` ends at least this high (it only drops below it to keep a late event eligible, and the
	// first late event bounds that), so only ids above it take room in `recent`.
	const firstLate = eligible[0] && compareKeys(eligible[0].key, cursor.watermark) < 0 ? eligible[0] : undefined;
	const floor = Math.max(
		cursor.settled,
		Math.min(options.visibleThrough, options.readThrough, firstLate ? firstLate.key.ts - 1 : Infinity),
	);
	let room = options.maxRecent;
	for (const [ts, ids] of Object.entries(cursor.recent)) if (Number(ts) > floor) room -= ids.length;

	const emit: T[] = [];
	for (const event of eligible) {
		if (emit.length >= options.cap) break;
		// Past what was read, an unread record could sort before this one.
		if (event.key.ts > options.readThrough) break;
		if (event.key.ts > floor) {
			if (room <= 0) break;
			room--;
		}
		emit.push(event);
	}

	const last = emit[emit.length - 1];
	const watermark = last && compareKeys(last.key, cursor.watermark) > 0 ? { ...last.key } : { ...cursor.watermark };

	// A late event left behind below the watermark must stay above `settled`, or it would count as emitted.
	const firstLeft = eligible[emit.length];
	const lateBound = firstLeft && compareKeys(firstLeft.key, watermark) < 0 ? firstLeft.key.ts - 1 : Infinity;
	const settled = Math.max(cursor.settled, Math.min(options.visibleThrough, options.readThrough, lateBound));

	const recent: Record<string, string[]> = {};
	for (const [ts, ids] of Object.entries(cursor.recent)) if (Number(ts) > settled) recent[ts] = [...ids];
	// Emitted events were not in `recent` (they were eligible), so no id is added twice.
	for (const { key } of emit) if (key.ts > settled) (recent[String(key.ts)] ??= []).push(key.id);

	return {
		emit,
		next: { version: CURSOR_VERSION, watermark, settled, recent },
		deferred: eligible.length - emit.length,
	};
}
