/**
 * Reading GET /articles, which has no date filter and numbered pages, documented as sorted by
 * `updated_at`, newest first: a window is read from page 1 down to the first page that reaches
 * back past its start. A window too large for one poll's time budget is *drained* over several
 * polls instead of failing every poll.
 *
 * Pages shift while they are read. An article created or updated goes to the front of the list
 * (every article behind it moves down a place: one seen again is harmless); one deleted leaves
 * its place (every article behind it moves up: the one that crosses into a page already read
 * would be skipped). So a page is never trusted to follow the last one; it is checked.
 *
 * **Walk invariant.** A position (p, L, c) says: when the list held c articles, at least p × 150
 * of them were L or in front of L (in the list's order). It stays true as long as the list holds
 * at least c articles: an article joins the part in front of L when it is created or updated (its
 * new `updated_at` is later than L's: positions are only taken from seconds before the poll that
 * saw them), and leaves it only when deleted, so that part never shrinks by more than the list.
 * Page p + 1, read while the list holds c or more, therefore starts at or in front of the first
 * article behind L: nothing between is skipped. A page read when the list shrank is trusted only
 * if its first article is L itself or newer than L (it then starts at or in front of L's
 * successor); otherwise the walk steps back a page and checks again (page 1 is always right).
 * Within a page the order is checked article by article; a list out of order is read whole, as
 * before, and cannot be drained.
 *
 * **Drain.** A read that runs out of time saves a position (a *mark*) at each page it read, and
 * the poll's window stays where it was. The next polls walk on from the deepest mark until a page
 * reaches back past the window's lower bound `lower` (nothing is emitted yet: the oldest articles
 * are still unread). Then each poll reads a *segment*: from a mark m (chosen so that the segment
 * fits the budget) down past `lower`, which by the walk invariant reads every article whose
 * `updated_at` lies in [lower, m.ts); m.ts is earlier than the poll that made m, so no article can
 * have been updated into that range after it was read. The poll emits the segment and `lower`
 * becomes m.ts. Invariant: every event of an article updated in [window start, lower) was handled
 * (emitted, or rejected by the event's filter). The last segment is read from page 1: a complete
 * read of the window, which ends the drain.
 *
 * - Article Updated: an event's key is its article's place in the sort, so a segment holds every
 *   event of [lower, m.ts) and they go out through the cursor as any window does: exactly once,
 *   in order (a segment larger than Max Events per Poll goes on where the cap stopped it).
 * - New Article: an event's time is `created_at`, not the sort, so no segment can say which
 *   creations are still unread. A segment emits the creations it holds (each once: the cursor
 *   keeps their ids while the drain lasts, since the settled line does not move until the drain's
 *   last read), so during a drain creations come out segment by segment, in the order of their
 *   articles' last update, as late records do. Exactly once, not in order.
 *
 * The drain's state is the resume position of the cursor (`Resume.startingAfter`, a string): if
 * it is lost or unreadable, the window is read again from page 1, which repeats nothing (the
 * cursor says what was handled).
 */
import type { IDataObject } from 'n8n-workflow';

import type { EventKey } from '../cursor';
import { highestTime, type ReadLimits, type RecordSource, type WindowRead } from '../reading';
import type { StreamContext } from './types';

/** The largest page Intercom serves, and the smallest this walk asks for (to start a page near a position). */
export const ARTICLES_PER_PAGE = 150;
const MIN_PER_PAGE = 100;
/** How far in front of where it is asked to a page may start (to find a page size that starts there). */
const SLACK = 5;
/** How far in front of a position the walk starts again, at least, when the list shrank. */
const OVERLAP = 30;
const PREFIX = 'articles:';

/** When the list held `count` articles, `offset` of them were (ts, id) or in front of it. */
interface Mark {
	offset: number;
	ts: number;
	id: string;
	count: number;
}

interface Drain {
	/** Every event of an article updated in [window start, lower) was handled. */
	lower: number;
	/** Positions read, newest first (by `ts`), all at or after `lower`. */
	marks: Mark[];
	/** A walk has reached back past `lower` (at about offset `bottom`): segments can be read. */
	reached: boolean;
	bottom: number;
	/** How many pages a segment may take to fit one poll. */
	seg: number;
}

export function encodeDrain(drain: Drain): string {
	return PREFIX + JSON.stringify([drain.lower, drain.reached ? 1 : 0, drain.bottom, drain.seg, drain.marks.map((m) => [m.offset, m.ts, m.id, m.count])]);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The drain saved by the last poll; undefined (read from page 1) for anything else. */
export function decodeDrain(text: string | undefined): Drain | undefined {
	if (!text?.startsWith(PREFIX)) return undefined;
	try {
		const [lower, reached, bottom, seg, marks] = JSON.parse(text.slice(PREFIX.length)) as unknown[];
		if (!isCount(lower) || (reached !== 0 && reached !== 1) || !isCount(bottom) || !isCount(seg) || seg < 1 || !Array.isArray(marks)) return undefined;
		const parsed: Mark[] = [];
		for (const m of marks as unknown[]) {
			if (!Array.isArray(m) || m.length !== 4) return undefined;
			const [offset, ts, id, count] = m as unknown[];
			if (!isCount(offset) || offset < 1 || !isCount(ts) || typeof id !== 'string' || !isCount(count)) return undefined;
			parsed.push({ offset, ts, id, count });
		}
		return { lower, reached: reached === 1, bottom, seg, marks: parsed };
	} catch {
		return undefined;
	}
}

/**
 * A page that starts at or in front of `offset`, at most `slack` in front of it when a page size
 * between 100 and 150 allows (page k of size s starts at (k - 1) × s), else further in front.
 */
export function pageFrom(offset: number, slack: number): { page: number; perPage: number; start: number } {
	const low = offset - slack;
	if (low <= 0) return { page: 1, perPage: ARTICLES_PER_PAGE, start: 0 };
	for (let m = Math.ceil(low / ARTICLES_PER_PAGE); ; m++) {
		const size = Math.min(ARTICLES_PER_PAGE, Math.floor(offset / m));
		if (size < MIN_PER_PAGE) break;
		if (m * size >= low) return { page: m + 1, perPage: size, start: m * size };
	}
	const m = Math.floor(low / ARTICLES_PER_PAGE);
	return { page: m + 1, perPage: ARTICLES_PER_PAGE, start: m * ARTICLES_PER_PAGE };
}

interface Walk {
	records: IDataObject[];
	/** A mark after each page read (in order) whose last article is older than the poll. */
	marks: Mark[];
	/** Why it stopped: past `lower`, at the end of the list, or out of time. */
	end: 'lower' | 'end' | 'budget';
	/** Every page came in order, as asked (a list out of order is read to its end, and cannot be drained). */
	ordered: boolean;
	/** Requests sent. */
	pages: number;
	/** Where the walk got to: the offset after the last page read. */
	offset: number;
	/** The position it started from no longer held (the list shrank): it stepped back in front of it. */
	staleStart: boolean;
}

const updatedAt = (a: IDataObject) => Number(a.updated_at);

/** In the list's order, `article` is L itself or in front of it (a later `updated_at`). */
function atOrBefore(article: IDataObject, mark: Mark): boolean {
	const ts = updatedAt(article);
	return ts > mark.ts || (ts === mark.ts && String(article.id) === mark.id);
}

/**
 * Walks the list newest first from the position `start` (page 1 without one), checking every
 * page against the walk invariant, until a page reaches back past `lower` or the list ends.
 */
async function walkDown(ctx: StreamContext, start: Mark | undefined, lower: number, limits: ReadLimits): Promise<Walk> {
	const walk: Walk = { records: [], marks: [], end: 'budget', ordered: true, pages: 0, offset: start?.offset ?? 0, staleStart: false };
	let at: Mark | undefined = start;
	// A position saved by an earlier poll: articles deleted since are likely, so start a little in front of it.
	let back = start ? OVERLAP : 0;
	// Once the list is out of order (or paged otherwise than asked), pages follow one another in one size, as before drains.
	let following: { page: number; perPage: number } | undefined;
	for (;;) {
		if (walk.pages > 0 && limits.outOfTime()) return walk;
		walk.pages++;
		const { page, perPage, start: first } = following ? { ...following, start: walk.offset } : pageFrom(walk.offset - back, SLACK);
		const body = await ctx.client.request<IDataObject>({ method: 'GET', path: '/articles', query: { page, per_page: perPage } });
		const items = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
		const count = body.total_count;
		const answeredSize = Number((body.pages as IDataObject | undefined)?.per_page);
		// Offsets mean nothing if Intercom paged by another size, or gave no count to check them by.
		if (!isCount(count) || (Number.isFinite(answeredSize) && answeredSize !== perPage)) walk.ordered = false;
		// The walk invariant, never the shift: the list did not shrink and the page starts at or in front of
		// the position, or its first article is L itself or in front of L. Otherwise start further in front.
		const trusted = !at || !walk.ordered || first === 0 || (count as number) >= at.count || (items.length > 0 && atOrBefore(items[0], at));
		if (!trusted) {
			if (at === start) walk.staleStart = true;
			back = Math.max(4 * back, OVERLAP + at!.count - (count as number));
			continue;
		}
		back = 0;
		walk.records.push(...items);
		for (let i = 1; i < items.length; i++) if (!(updatedAt(items[i]) <= updatedAt(items[i - 1]))) walk.ordered = false;
		if (items.length > 0 && !Number.isFinite(updatedAt(items[0]))) walk.ordered = false;
		walk.offset = first + items.length;
		if (!walk.ordered) following = { page: page + 1, perPage };
		const last = items[items.length - 1];
		if (!last || (walk.ordered ? walk.offset >= (count as number) : items.length < perPage)) {
			walk.end = 'end';
			return walk;
		}
		at = walk.ordered ? { offset: walk.offset, ts: updatedAt(last), id: String(last.id), count: count as number } : undefined;
		if (at && at.ts < ctx.now) walk.marks.push(at);
		if (walk.ordered && updatedAt(last) < lower) {
			walk.end = 'lower';
			return walk;
		}
	}
}

/** Marks at or after `lower`, newest first, one per position (its latest reading: marks come oldest first). */
function merge(marks: Mark[], lower: number): Mark[] {
	const latest = new Map<string, Mark>();
	for (const m of marks) if (m.ts >= lower) latest.set(`${m.ts}:${m.id}`, m);
	return [...latest.values()].sort((a, b) => b.ts - a.ts || a.offset - b.offset);
}

/**
 * Where the next segment starts: the mark furthest from `lower` whose segment still fits `seg`
 * pages (at least the one nearest to it); none when every mark is at `lower` (then page 1).
 */
function segmentStart(drain: Drain): Mark | undefined {
	const candidates = drain.marks.filter((m) => m.ts > drain.lower);
	if (candidates.length === 0) return undefined;
	return candidates.find((m) => drain.bottom - m.offset <= drain.seg * ARTICLES_PER_PAGE) ?? candidates[candidates.length - 1];
}

const BEFORE_ALL: EventKey = { ts: -Infinity, id: '' };
const AFTER_ALL: EventKey = { ts: Number.MAX_SAFE_INTEGER, id: '' };

/**
 * Reads the poll's window of articles: whole when it fits, as one step of a drain otherwise
 * (see the header). `inSortOrder`: the events' keys are the sort (Article Updated).
 */
export async function readArticles(ctx: StreamContext, source: RecordSource, inSortOrder: boolean): Promise<WindowRead> {
	const limits = ctx.limits;
	const saved = decodeDrain(limits.startingAfter);
	const drain: Drain = saved ?? { lower: limits.from, marks: [], reached: false, bottom: 0, seg: 1 };
	const start = drain.reached ? segmentStart(drain) : drain.marks[drain.marks.length - 1];
	const walk = await walkDown(ctx, start, drain.lower, limits);
	const readTop = highestTime(walk.records, updatedAt);

	if (!walk.ordered && (start || walk.end === 'budget')) {
		// A list out of order cannot be drained: it is read whole from page 1, and a poll it does not
		// fit fails, as it did before drains (a drain under way starts again from page 1 first).
		const reset = encodeDrain({ lower: limits.from, marks: [], reached: false, bottom: 0, seg: 1 });
		return { events: [], records: [], readThrough: limits.from - 1, cutByBudget: true, ...(saved ? { positions: { pages: [], next: reset } } : {}) };
	}
	if (walk.end === 'budget') {
		// Out of time: keep what this walk learnt (its marks) and go on from there next time, never from
		// the same place again (a poll's time for a page or two would then be spent there for good):
		// - a start position that no longer held is dropped: the next walk starts in front of it (page 1 at the latest);
		// - one the walk did not even reach (articles created or updated since went in front of it) lies at
		//   least as deep as the walk got: every article it read is in front of it (the pages came in order);
		// - a segment that did not reach `lower` shows `lower` lies deeper than `bottom` said.
		const lastRead = walk.marks[walk.marks.length - 1];
		const kept = walk.staleStart ? drain.marks.filter((m) => m !== start) : drain.marks;
		const deeper = start && !walk.staleStart && lastRead && lastRead.ts > start.ts && lastRead.offset > start.offset ? [{ ...start, offset: lastRead.offset, count: lastRead.count }] : [];
		const next: Drain = {
			...drain,
			marks: merge([...kept, ...walk.marks, ...deeper], drain.lower),
			seg: drain.reached ? Math.max(1, Math.floor(drain.seg / 2)) : Math.max(1, Math.floor(walk.pages / 2)),
			bottom: drain.reached ? Math.max(drain.bottom, walk.offset + 1) : drain.bottom,
		};
		return { events: [], records: [], readThrough: limits.from - 1, cutByBudget: true, positions: { pages: [], next: encodeDrain(next) } };
	}

	const events = walk.records.flatMap(source.eventsOf);
	// From page 1 down past `lower`: the rest of the window, read whole. The drain (if any) ends.
	if (!start) return { events, records: walk.records, readThrough: Infinity, cutByBudget: false, readTop };

	// A segment: every article updated in [lower, start.ts) was read.
	const upper = start.ts;
	const marks = merge([...drain.marks, ...walk.marks], drain.lower);
	const here: Drain = { ...drain, marks, reached: true, bottom: walk.offset };
	const done: Drain = { ...drain, lower: upper, marks: marks.filter((m) => m.ts > upper), reached: true, bottom: start.offset };
	// Cut by Max Events per Poll: go on at the segment's start, or (Article Updated) from the last whole second handled.
	const pages: Array<{ startingAfter?: string; firstKey: EventKey }> = [{ startingAfter: encodeDrain(here), firstKey: BEFORE_ALL }];
	if (inSortOrder) {
		const seconds = [...new Set(walk.marks.map((m) => m.ts))].filter((t) => t > drain.lower && t < upper).sort((a, b) => a - b);
		for (const t of seconds) pages.push({ startingAfter: encodeDrain({ ...here, lower: t }), firstKey: { ts: t, id: '' } });
		return {
			events: events.filter((e) => e.key.ts < upper),
			records: walk.records,
			readThrough: upper - 1,
			cutByBudget: false,
			readTop,
			positions: { pages, next: encodeDrain(done) },
		};
	}
	// New Article: every creation the segment holds, each once; nothing settles until the drain's last read.
	return {
		events,
		records: walk.records,
		readThrough: limits.from - 1,
		readThroughKey: AFTER_ALL,
		cutByBudget: false,
		readTop,
		positions: { pages, next: encodeDrain(done) },
	};
}
