/**
 * Reads handled out of order, without HTTP: a model of conversation search (sorted by
 * `updated_at`, paged at a position in the sort) under polls that each expand only a few
 * conversations, while parts keep coming and conversations are deleted; checked for losses and
 * repeats, also when `recent` runs out of room (events passed over and emitted by a later read).
 */
import { emittedTest, initialCursor, planWindow, selectEvents, type Cursor } from '../../nodes/IntercomTrigger/cursor';
import { parseCursor, serializeCursor } from '../../nodes/IntercomTrigger/cursor-state';
import { selectOutOfOrder, type OutOfOrderRead, type RecordRead } from '../../nodes/IntercomTrigger/out-of-order';
import type { TriggerEvent } from '../../nodes/IntercomTrigger/reading';
import { uniform } from '../../sandbox/prng';


interface Conversation {
	id: number;
	updatedAt: number;
	parts: Array<{ id: number; ts: number }>;
}

const LATE = 60;
const PAGE = 10;

class World {
	conversations = new Map<number, Conversation>();
	private nextId = 1;
	constructor(private readonly random: () => number) {}

	addPart(now: number, conversation?: Conversation): void {
		const c = conversation ?? { id: this.nextId++, updatedAt: now, parts: [] };
		this.conversations.set(c.id, c);
		const ts = Math.max(now, c.updatedAt);
		c.parts.push({ id: this.nextId++, ts });
		c.updatedAt = ts;
	}

	some(): Conversation | undefined {
		const all = [...this.conversations.values()];
		return all.length ? all[Math.floor(this.random() * all.length)] : undefined;
	}

	/** The search: conversations updated at or after `from`, by (updated_at, id), after a position. */
	search(from: number, after?: string): Conversation[] {
		const [ts, id] = after ? after.split(':').map(Number) : [-Infinity, -Infinity];
		return [...this.conversations.values()]
			.filter((c) => c.updatedAt >= from && (c.updatedAt > ts || (c.updatedAt === ts && c.id > id)))
			.sort((a, b) => a.updatedAt - b.updatedAt || a.id - b.id);
	}
}

const eventsOf = (c: Conversation): TriggerEvent[] =>
	c.parts.map((p) => ({ key: { ts: p.ts, id: String(p.id) }, event: 'conversation_part.created', data: {} }));

/**
 * One poll as poll.ts makes it: at most `budget` conversations expanded (pages fetched as
 * needed), a read that ends in its first poll selected as a complete read, any other out of order.
 */
function poll(world: World, cursor: Cursor, now: number, budget: number, cap: number, maxRecent: number): { cursor: Cursor; emitted: string[] } {
	const plan = planWindow(cursor, now, LATE);
	const progress = plan.resume?.outOfOrder;
	const handled = new Set(progress?.handled ?? []);
	const isEmitted = emittedTest(cursor);
	const records: RecordRead[] = [];
	const pages: Array<string | undefined> = [];
	let position = plan.resume?.startingAfter;
	let stop: OutOfOrderRead['stop'] = { end: true };
	let expanded = 0;
	let fresh = 0;
	reading: for (;;) {
		const page = world.search(plan.from - 1, position).slice(0, PAGE);
		const index = pages.push(position) - 1;
		for (const c of page) {
			const mark = `${c.id}:${c.updatedAt}`;
			if (handled.has(mark)) {
				records.push({ events: [], page: index, mark });
				continue;
			}
			if (expanded > 0 && (expanded >= budget || (progress && fresh >= cap))) {
				stop = { page: index };
				break reading;
			}
			const events = eventsOf(c);
			expanded++;
			fresh += events.filter((e) => !isEmitted(e.key)).length;
			records.push({ events, page: index, mark });
		}
		const last = page[page.length - 1];
		if (page.length < PAGE || world.search(plan.from - 1, `${last.updatedAt}:${last.id}`).length === 0) break;
		position = `${last.updatedAt}:${last.id}`;
		if (expanded >= budget || (progress && fresh >= cap)) {
			stop = { next: position };
			break;
		}
	}
	const visibleThrough = plan.full ? (plan.resume?.startedAt ?? now) - 1 - LATE : cursor.settled;
	if ('end' in stop && !progress) {
		const all = records.flatMap((r) => r.events);
		const s = selectEvents(cursor, all, { now, visibleThrough, readThrough: Infinity, cap, maxRecent });
		return { cursor: s.next, emitted: s.emit.map((e) => `${e.key.id}@${e.key.ts}`) };
	}
	const chosen = selectOutOfOrder(cursor, { records, pages, stop }, plan, { now, visibleThrough, readThrough: Infinity, cap, maxRecent });
	// Through static data, as n8n keeps it.
	const parsed = parseCursor(JSON.parse(JSON.stringify(serializeCursor(chosen.next))), { now, lateArrivalSeconds: LATE, maxRecent });
	if (!parsed.ok || parsed.recovered) throw new Error(`cursor not read back: ${JSON.stringify(parsed)}`);
	return { cursor: parsed.cursor, emitted: chosen.emit.map((e) => `${e.key.id}@${e.key.ts}`) };
}

describe('a read handled out of order, modelled', () => {
	it.each([
		['room enough', 1, 100_000, 50],
		['room enough, a small cap', 2, 100_000, 3],
		['recent runs out of room', 3, 200, 50],
		['recent runs out of room, a small cap', 4, 60, 4],
	])('%s (seed %i): every part exactly once, while parts keep coming and conversations are deleted', (_name, seed, maxRecent, cap) => {
		const random = uniform(seed);
		const world = new World(random);
		let now = 100_000;
		let cursor = initialCursor(now);
		const emitted: string[] = [];
		const deleted = new Set<string>();
		// A backlog of 150 conversations of up to 6 parts, then polls that each expand 7 of them.
		for (let i = 0; i < 400; i++) {
			now += random() < 0.3 ? 1 : 0;
			world.addPart(now, random() < 0.35 ? undefined : world.some());
		}
		now += 5;
		let outOfOrderPolls = 0;
		const passes = new Set<string>();
		for (let p = 0; p < 3_000; p++) {
			const result = poll(world, cursor, now, 7, cap, maxRecent);
			cursor = result.cursor;
			emitted.push(...result.emitted);
			if (cursor.resume?.outOfOrder) outOfOrderPolls++;
			const pass = cursor.resume?.outOfOrder?.pass;
			if (pass) passes.add('below' in pass ? 'below' : 'count');
			now += 20;
			if (p >= 120 && !cursor.resume && !cursor.pass && Object.keys(cursor.recent).length === 0 && cursor.readTop <= cursor.settled) break;
			if (p < 120) {
				// Activity during the drain: new parts in old and new conversations, a deletion now and then.
				for (let k = 0; k < 3; k++) world.addPart(now - Math.floor(random() * 3), random() < 0.3 ? undefined : world.some());
				if (p % 10 === 5) {
					const gone = world.some()!;
					for (const part of gone.parts) deleted.add(`${part.id}@${part.ts}`);
					world.conversations.delete(gone.id);
				}
			}
		}
		expect(outOfOrderPolls).toBeGreaterThan(10);
		// Out of room: reads that count, then reads that emit below a line, in time order.
		expect([...passes].sort()).toEqual(maxRecent < 1_000 ? ['below', 'count'] : []);
		expect(new Set(emitted).size).toBe(emitted.length);
		const owed = [...world.conversations.values()].flatMap((c) => c.parts.map((part) => `${part.id}@${part.ts}`));
		const emittedSet = new Set(emitted);
		expect(owed.filter((id) => !emittedSet.has(id))).toEqual([]);
		expect(emitted.filter((id) => !owed.includes(id) && !deleted.has(id))).toEqual([]);
		// Settled in the end: nothing pending, the read done.
		expect(cursor.resume).toBeUndefined();
		expect(Object.keys(cursor.recent)).toEqual([]);
	});
});

describe('a read handled out of order, saved in static data', () => {
	const LIMITS = { now: 200_000, lateArrivalSeconds: 600, maxRecent: 100_000 };
	const base = { ...initialCursor(100_000), recent: { '100005': ['7', '9'] } };

	it('keeps its progress, narrowed window and pass across polls', () => {
		const resume = { from: 100_000, to: 100_001, full: true, startedAt: 150_000, outOfOrder: { handled: ['12:100000', '15:100000'], leftMin: 100_000, pass: { below: 100_004 } } };
		const cursor: Cursor = { ...base, resume, pass: { thresholds: [100_001, 100_002], counts: [3, 9] } };
		const parsed = parseCursor(JSON.parse(JSON.stringify(serializeCursor(cursor))), LIMITS);
		expect(parsed).toEqual({ ok: true, cursor });
		// The plan continues the read in its narrowed window.
		expect(planWindow(cursor, 200_000, 600)).toEqual({ from: 100_000, to: 100_001, full: true, resume });
	});

	it.each([
		['a position missing outside a read handled out of order', { from: 100_000, full: true, startedAt: 150_000 }],
		['marks that are not text', { from: 100_000, full: true, startedAt: 150_000, outOfOrder: { handled: [12] } }],
		['more marks than a page holds', { from: 100_000, full: true, startedAt: 150_000, outOfOrder: { handled: Array.from({ length: 151 }, (_, i) => `${i}:1`) } }],
		['a pass that is not one', { from: 100_000, full: true, startedAt: 150_000, outOfOrder: { handled: [], pass: { below: 'x' } } }],
		['a window end before its start', { from: 100_000, to: 99_000, full: true, startingAfter: 'abc', startedAt: 150_000 }],
	])('drops a saved read with %s: the next poll reads its window from the start (the cursor says what was emitted)', (_name, resume) => {
		const parsed = parseCursor({ ...serializeCursor(base), resume }, LIMITS);
		expect(parsed.ok && parsed.cursor.resume).toBe(undefined);
		expect(parsed.ok && parsed.recovered).toBe(undefined);
		expect(parsed.ok && parsed.cursor.recent).toEqual(base.recent);
	});
});
