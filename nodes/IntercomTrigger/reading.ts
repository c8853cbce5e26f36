/**
 * Reading one poll's window: every record that may carry an event not yet emitted.
 *
 * A window is read to the end, whatever order Intercom returns it in, except when a shorter read
 * is provably enough: the pages came in the order asked for (checked record by record, never
 * assumed), so whatever is left lies beyond what was read. `readThrough` then says up to which
 * time the read is complete, and the cursor never moves past it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { IntercomClient, IntercomRequest } from '../shared/transport/client';
import { nextCursor, paginate, type Page, type PaginationKind } from '../shared/transport/pagination';
import { compareKeys, type EventKey } from './cursor';
import type { OutOfOrderRead } from './out-of-order';

export interface TriggerEvent {
	key: EventKey;
	/** Name of the event, such as `contact.created`. */
	event: string;
	/** The changed object(s), under the key that names them (`contact`, `part` and `conversation`…). */
	data: IDataObject;
	/** The conversation an event belongs to, for "Include Full Conversation". */
	conversationId?: string;
	/**
	 * The event's `event_id` when the key's time is only when the change was seen (an away status
	 * carries no time of its own); by default `event:id:ts`.
	 */
	eventId?: string;
	/**
	 * The event's filter (part kinds, only published…) rejects it: it is not emitted, but it was
	 * read, so the cursor moves past it like past an emitted one.
	 */
	silent?: boolean;
}

export interface WindowRead {
	events: TriggerEvent[];
	/** The records the events came from, as read. */
	records: IDataObject[];
	/** Every record with a time at or below this was read (Infinity: the whole window). */
	readThrough: number;
	/** The read stopped to stay inside n8n's poll time budget. */
	cutByBudget: boolean;
	/** The highest record time (on the source's order field) the read saw. */
	readTop?: number;
	/**
	 * Every record with a key at or below this was read, also within its second (the pages came in
	 * (time, id) order, checked record by record): a read may stop inside a second.
	 */
	readThroughKey?: EventKey;
	/**
	 * For a read that stopped before the end (in (time, id) order): where each page started, so
	 * that the next poll can continue this very read from the page holding the first record it
	 * did not handle, and `next`, the position after the last page read.
	 */
	positions?: { pages: Array<{ startingAfter?: string; firstKey: EventKey }>; next: string };
	/**
	 * A read whose events are handled out of order (see out-of-order.ts) that did not end within
	 * this poll, or that continues one an earlier poll stopped: its records as read, page by page.
	 */
	outOfOrder?: OutOfOrderRead;
}

export interface ReadLimits {
	/** Start of the window: records before it cannot carry an event still to emit. */
	from: number;
	/**
	 * End of a narrowed window (exclusive), for streams that read a window whole
	 * (`PollStream.boundedWindows`); others may ignore it.
	 */
	to?: number;
	/** The most events one poll emits. */
	cap: number;
	/** Whether an event is still to emit, as far as the cursor knows. */
	isNew: (key: EventKey) => boolean;
	/**
	 * True once the poll must stop fetching to finish inside its time budget, or, given a share,
	 * once that share of its fetching time is spent.
	 */
	outOfTime: (share?: number) => boolean;
	/**
	 * Continue a read an earlier poll stopped (oldest first, the same query): the search position
	 * its next page starts at. Everything before it was read and handled.
	 */
	startingAfter?: string;
	/**
	 * The read continues an out-of-order read (see out-of-order.ts): the marks of the records of
	 * its first page that an earlier poll handled (not expanded again).
	 */
	handledRecords?: string[];
}

export interface RecordSource {
	request: IntercomRequest;
	pagination: PaginationKind;
	itemsPath: string;
	/** The time the window and the order are on (for search: the sort field). */
	timeOf: (record: IDataObject) => number;
	/** The events one record carries, with their keys. */
	eventsOf: (record: IDataObject) => TriggerEvent[];
}

/** Follows whether values keep to one direction. */
class OrderCheck {
	private last: number | undefined;
	ordered = true;

	constructor(private readonly direction: 1 | -1) {}

	see(value: number): void {
		if (this.last !== undefined && (value - this.last) * this.direction < 0) this.ordered = false;
		this.last = value;
	}
}

export function withSort(request: IntercomRequest, field: string, order: 'ascending' | 'descending'): IntercomRequest {
	return { ...request, body: { ...request.body, sort: { field, order } } };
}

/** The highest time among records (on the given order field), for `WindowRead.readTop`. */
export function highestTime(records: IDataObject[], timeOf: (record: IDataObject) => number): number | undefined {
	let top: number | undefined;
	for (const record of records) {
		const t = timeOf(record);
		if (Number.isFinite(t) && (top === undefined || t > top)) top = t;
	}
	return top;
}

function read(records: IDataObject[], source: RecordSource, readThrough: number, cutByBudget: boolean): WindowRead {
	return { events: records.flatMap(source.eventsOf), records, readThrough, cutByBudget, readTop: highestTime(records, source.timeOf) };
}

/**
 * An event's time: the record's own field for it or, when Intercom left that out, the first of
 * the record's other times that it has (documented as the fallback: `occurred_at` is then that
 * time). Undefined only when the record carries no time at all.
 */
export function eventTime(record: IDataObject, field: string, fallbacks: string[] = ['updated_at', 'created_at']): number | undefined {
	for (const name of [field, ...fallbacks]) {
		const value = record[name];
		if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
	}
	return undefined;
}

/**
 * Pages through a source, asking `stopBefore` before each further page (the paginator asks only
 * when there is one): a read that ends without a stop reason read everything.
 */
async function walk<Reason>(
	source: RecordSource,
	request: IntercomRequest,
	client: IntercomClient,
	onPage: (items: IDataObject[], page: Page) => void,
	stopBefore: () => Reason | undefined,
	startingAfter?: string,
): Promise<Reason | undefined> {
	let reason: Reason | undefined;
	const shouldStop = () => (reason = stopBefore()) !== undefined;
	for await (const page of paginate(client, request, { pagination: source.pagination, itemsPath: source.itemsPath, shouldStop, startingAfter })) {
		onPage(page.items, page);
	}
	return reason;
}

/**
 * A window read in no order: complete (up to `limits.to` when narrowed), or, when the read
 * stopped for the time budget, complete nowhere: whatever is unread may lie anywhere in time.
 */
export function wholeWindow(records: IDataObject[], source: RecordSource, limits: ReadLimits, cutByBudget: boolean): WindowRead {
	if (cutByBudget) return read(records, source, limits.from - 1, true);
	return read(records, source, limits.to === undefined ? Infinity : limits.to - 1, false);
}

/** Every page of the window, in any order. */
export async function readAll(client: IntercomClient, source: RecordSource, limits: ReadLimits): Promise<WindowRead> {
	const records: IDataObject[] = [];
	const stopped = await walk(source, source.request, client, (items) => records.push(...items), () =>
		limits.outOfTime() ? 'budget' : undefined,
	);
	return wholeWindow(records, source, limits, stopped !== undefined);
}

/**
 * Newest first, stopping once a page reaches back past the window's start (the source may be
 * wider than the window, as contact search is by whole days). A partial read of this kind holds
 * nothing that may be emitted before what is unread, so it gives up after half
 * the poll's fetching time, or once it holds more new events than one poll emits (returns
 * undefined), and leaves the window to an oldest-first read, which can emit part of a window.
 *
 * Handing over late costs the newest-first pages read until then (about `cap` events' worth,
 * read again by the oldest-first read). So when the first page is all new and inside the window,
 * and the source says it holds more than `cap` records in all (`total_count`: a window holding
 * the source's records could be too large for one poll), `tryOldestFirst` is asked first: it
 * reads oldest first if that costs little more than the window (see readOldestFirstNearStart),
 * and the newest-first read goes on from its second page if not.
 */
export async function readNewestFirst(
	client: IntercomClient,
	source: RecordSource,
	limits: ReadLimits,
	sortField: string,
	tryOldestFirst?: () => Promise<WindowRead | undefined>,
): Promise<WindowRead | undefined> {
	const request = withSort(source.request, sortField, 'descending');
	const order = new OrderCheck(-1);
	const records: IDataObject[] = [];
	let pastStart = false;
	let fresh = 0;
	let pages = 0;
	let next: string | undefined;
	let probe = tryOldestFirst !== undefined;
	for (;;) {
		const stopped = await walk(
			source,
			request,
			client,
			(items, page) => {
				let pageEvents = 0;
				let pageFresh = 0;
				for (const record of items) {
					order.see(source.timeOf(record));
					records.push(record);
					for (const e of source.eventsOf(record)) {
						pageEvents++;
						if (e.key.ts >= limits.from && limits.isNew(e.key)) pageFresh++;
					}
				}
				fresh += pageFresh;
				const last = items[items.length - 1];
				pastStart = order.ordered && last !== undefined && source.timeOf(last) < limits.from;
				next = nextCursor(page.body);
				if (++pages === 1) {
					const total = page.body.total_count;
					probe &&= typeof total === 'number' && total > limits.cap && pageEvents > 0 && pageFresh === pageEvents && next !== undefined;
				}
			},
			() =>
				pastStart
					? 'done'
					: probe
						? 'probe'
						: // More new events than one poll emits, read newest first: only the oldest may go out now, and
							// reading down to them poll after poll would read the rest again each time. Oldest first instead.
							fresh > limits.cap || limits.outOfTime(0.5)
							? 'hand over'
							: limits.outOfTime()
								? 'budget'
								: undefined,
			pages === 0 ? undefined : next,
		);
		if (stopped === 'probe') {
			probe = false;
			const oldest = await tryOldestFirst!();
			if (oldest) return oldest;
			// The window does not start near the source's start: go on newest first, after the first page.
			continue;
		}
		if (stopped === 'hand over') return undefined;
		return stopped === 'budget' ? read(records, source, limits.from - 1, true) : read(records, source, Infinity, false);
	}
}

/**
 * Oldest first, stopping once the next `cap` events are known: the pages came in ascending
 * order and the last one reached past the cap-th event's second, so nothing unread sorts before
 * it. Events must carry the record's own time (`timeOf`) and id as their key.
 *
 * When the pages also come in (time, id) order within each second (checked record by record,
 * never assumed), the read may stop inside a second: everything up to the last record read is
 * known (`readThroughKey`), and the read says where each page started, so that the next poll can
 * continue it from there (`limits.startingAfter`) instead of reading that second again. So a
 * second holding more records than one poll can read still drains, a page or more a poll.
 */
export async function readOldestFirst(
	client: IntercomClient,
	source: RecordSource,
	limits: ReadLimits,
	sortField: string,
): Promise<WindowRead> {
	return (await oldestFirst(client, source, limits, sortField, false))!;
}

/**
 * readOldestFirst, when the window starts on the source's first page (oldest first): otherwise it
 * stops after that page and returns undefined. Read from a source wider than the window (contact
 * search, by whole days), an oldest-first read also reads what precedes the window; here that is
 * less than one page, so reading the window this way costs at most one page more than the window.
 */
export async function readOldestFirstNearStart(
	client: IntercomClient,
	source: RecordSource,
	limits: ReadLimits,
	sortField: string,
): Promise<WindowRead | undefined> {
	return await oldestFirst(client, source, limits, sortField, true);
}

async function oldestFirst(
	client: IntercomClient,
	source: RecordSource,
	limits: ReadLimits,
	sortField: string,
	onlyNearStart: boolean,
): Promise<WindowRead | undefined> {
	const order = new OrderCheck(1);
	let keyOrdered = true;
	let lastKey: EventKey | undefined;
	const records: IDataObject[] = [];
	const pendingTimes: number[] = [];
	const pages: Array<{ startingAfter?: string; firstKey: EventKey }> = [];
	let next: string | undefined;
	let lastTime = limits.from;
	const stopped = await walk(
		source,
		withSort(source.request, sortField, 'ascending'),
		client,
		(items, page) => {
			for (const [i, record] of items.entries()) {
				const t = source.timeOf(record);
				order.see(t);
				const key = { ts: t, id: String(record.id) };
				if (lastKey && compareKeys(key, lastKey) <= 0) keyOrdered = false;
				lastKey = key;
				if (i === 0) pages.push({ startingAfter: page.startingAfter, firstKey: key });
				records.push(record);
				for (const e of source.eventsOf(record)) if (limits.isNew(e.key)) pendingTimes.push(e.key.ts);
			}
			next = nextCursor(page.body);
			if (items.length > 0) lastTime = source.timeOf(items[items.length - 1]);
		},
		() =>
			onlyNearStart && pages.length === 1 && lastTime < limits.from
				? 'elsewhere'
				: order.ordered && (keyOrdered ? pendingTimes.length : pendingTimes.filter((ts) => ts < lastTime).length) >= limits.cap
					? 'enough'
					: limits.outOfTime()
						? 'budget'
						: undefined,
		limits.startingAfter,
	);
	if (stopped === 'elsewhere') return undefined;
	if (stopped === undefined) return read(records, source, Infinity, false);
	// In (time, id) order, the read is complete up to its last record, and can be continued.
	const exact = keyOrdered && order.ordered && lastKey !== undefined && next !== undefined;
	const readThrough = order.ordered ? lastTime - 1 : limits.from - 1;
	const result = read(records, source, readThrough, stopped === 'budget');
	return exact ? { ...result, readThroughKey: lastKey, positions: { pages, next: next! } } : result;
}

/** The first page of a source, newest first: for the editor's test event. */
export async function readNewest(client: IntercomClient, source: RecordSource, count: number, sortField?: string): Promise<IDataObject[]> {
	const request = sortField ? withSort(source.request, sortField, 'descending') : source.request;
	for await (const page of paginate(client, request, { pagination: source.pagination, itemsPath: source.itemsPath, limit: count })) {
		return page.items;
	}
	return [];
}

/**
 * The key of an event: at its time (see eventTime) or, for a record that carries no time at all,
 * at the time the poll found it, with an `event_id` ending in `:untimed` that stays the same if a
 * later poll finds the record again, so a workflow can drop the repeat. Never dropped in silence.
 */
export function eventKey(
	record: IDataObject,
	event: string,
	id: string,
	field: string,
	now: number,
	fallbacks?: string[],
): Pick<TriggerEvent, 'key' | 'eventId'> {
	const ts = eventTime(record, field, fallbacks);
	return ts === undefined ? { key: { ts: now, id }, eventId: `${event}:${id}:untimed` } : { key: { ts, id } };
}
