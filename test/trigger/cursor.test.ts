/**
 * The cursor alone, without HTTP: a model of Intercom's search (records that become visible
 * some time after their timestamp) polled by selectEvents, checked for losses, repeats and order.
 */
import {
	compareIds,
	compareKeys,
	emittedTest,
	initialCursor,
	keyString,
	planWindow,
	recentCount,
	selectEvents,
	windowStart,
	type Cursor,
	type EventKey,
} from '../../nodes/IntercomTrigger/cursor';
import { parseCursor, serializeCursor } from '../../nodes/IntercomTrigger/cursor-state';
import { uniform } from '../../sandbox/prng';

interface Rec {
	key: EventKey;
	/** When search first shows it. */
	visibleAt: number;
	/** Rejected by the event's filter: read, never emitted. */
	silent?: boolean;
}


/** What a poll at `now` reads: every visible record from `from` on (and before `to`). */
function read(records: Rec[], from: number, now: number, to = Infinity): Rec[] {
	return records.filter((r) => r.visibleAt <= now && r.key.ts >= from && r.key.ts < to);
}

const LIMITS = { now: 1e9, lateArrivalSeconds: 600, maxRecent: 1e6 };
function parseCursorOrThrow(raw: unknown): Cursor {
	const parsed = parseCursor(raw, LIMITS);
	if (!parsed.ok) throw new Error(parsed.problem);
	return parsed.cursor;
}
function roundTrip(c: Cursor): Cursor {
	const parsed = parseCursor(JSON.parse(JSON.stringify(serializeCursor(c))), LIMITS);
	if (!parsed.ok || parsed.recovered) throw new Error(`not read back: ${JSON.stringify(parsed)}`);
	return parsed.cursor;
}

describe('cursor ordering and parsing', () => {
	it('orders numeric ids by value and other ids as text', () => {
		expect(compareIds('9', '10')).toBeLessThan(0);
		expect(compareIds('100', '99')).toBeGreaterThan(0);
		expect(compareIds('abc', 'abd')).toBeLessThan(0);
		expect(compareIds('5f1', '5f1')).toBe(0);
		expect(compareKeys({ ts: 5, id: '10' }, { ts: 5, id: '9' })).toBeGreaterThan(0);
		expect(compareKeys({ ts: 4, id: 'z' }, { ts: 5, id: 'a' })).toBeLessThan(0);
	});

	it('survives JSON, packing the ids of one second', () => {
		const ids = ['10', '9', '100', '1000000000000001', '1000000000000002', 'abc', 'abd', '5f1a2b'];
		const c = selectEvents(initialCursor(100), ids.map((id) => ({ key: { ts: 150, id } })), {
			now: 151,
			visibleThrough: 140,
			readThrough: Infinity,
			cap: 10,
			maxRecent: 10,
		}).next;
		expect(roundTrip(c).recent['150'].sort()).toEqual([...ids].sort());
		expect(typeof (serializeCursor(c).recent as Record<string, unknown>)['150']).toBe('string');
		// Contact ids (24 lower-case hex characters) take 16 characters and a separator each, or less.
		const hex = Array.from({ length: 500 }, (_, i) => (BigInt(i + 1) * 0x9e3779b97f4a7c15n).toString(16).padStart(24, '0').slice(-24));
		const contacts = selectEvents(initialCursor(100), hex.map((id) => ({ key: { ts: 150, id } })), { now: 151, visibleThrough: 140, readThrough: Infinity, cap: 1000, maxRecent: 1000 }).next;
		expect(roundTrip(contacts).recent['150'].sort()).toEqual([...hex].sort());
		expect(String((serializeCursor(contacts).recent as Record<string, unknown>)['150']).length).toBeLessThanOrEqual(500 * 17);
		// Ids that would not pack (a comma) are kept as a list.
		const odd = { ...c, recent: { 150: ['a,b', 'c'] } };
		expect(roundTrip(odd).recent).toEqual({ 150: ['a,b', 'c'] });
	});
});

describe('a read to continue (resume)', () => {
	const resume = { from: 1_000, full: true, startingAfter: 'WzEwMDAsIjEyIiwyXQ==', startedAt: 1_060 };

	it('is kept through the static data, and the next poll plans that very read', () => {
		const c: Cursor = { ...initialCursor(1_000), resume };
		const back = roundTrip(c);
		expect(back.resume).toEqual(resume);
		expect(planWindow(back, 5_000, 600)).toEqual({ from: 1_000, full: true, resume });
	});

	it('is dropped when it is not whole or dated ahead, without touching the rest of the cursor', () => {
		for (const bad of [{ ...resume, startingAfter: '' }, { ...resume, from: 'x' }, { ...resume, full: 1 }, 'text', { ...resume, startedAt: LIMITS.now + 10_000 }]) {
			const raw = { ...(serializeCursor(initialCursor(1_000)) as object), resume: bad };
			const parsed = parseCursor(raw, LIMITS);
			expect(parsed).toMatchObject({ ok: true });
			if (parsed.ok) {
				expect(parsed.cursor.resume).toBeUndefined();
				expect(parsed.recovered).toBeUndefined();
			}
		}
	});
});

describe('selectEvents', () => {
	const opts = { now: 1_000, visibleThrough: 1_000, readThrough: Infinity, cap: 100, maxRecent: 100 };

	it('starts at the start point: nothing earlier, everything from it on', () => {
		const c = initialCursor(500);
		const events = [499, 500, 500, 501].map((ts, i) => ({ key: { ts, id: `id${i}` } }));
		const { emit } = selectEvents(c, events, opts);
		expect(emit.map((e) => e.key.id)).toEqual(['id1', 'id2', 'id3']);
		expect(windowStart(c)).toBe(500);
	});

	it('emits in (ts, id) order whatever the order it was given, each key once', () => {
		const events = [
			{ key: { ts: 600, id: '10' } },
			{ key: { ts: 600, id: '9' } },
			{ key: { ts: 550, id: '30' } },
			{ key: { ts: 600, id: '9' } },
		];
		const { emit } = selectEvents(initialCursor(500), events, opts);
		expect(emit.map((e) => keyString(e.key))).toEqual(['550:30', '600:9', '600:10']);
	});

	it('drains a backlog in order over several polls with a cap, through a same-second run', () => {
		const events = Array.from({ length: 25 }, (_, i) => ({ key: { ts: 600 + Math.floor(i / 10), id: `c${String(i).padStart(2, '0')}` } }));
		let c = initialCursor(500);
		const seen: string[] = [];
		for (let poll = 0; poll < 5; poll++) {
			const s = selectEvents(c, events, { ...opts, cap: 7 });
			seen.push(...s.emit.map((e) => e.key.id));
			c = roundTrip(s.next);
		}
		expect(seen).toEqual(events.map((e) => e.key.id));
	});

	it('emits a record that reaches search late, below the watermark, once', () => {
		let c = initialCursor(500);
		// Poll at 700: 650 is visible, 640 is not yet (indexing delay).
		let s = selectEvents(c, [{ key: { ts: 650, id: 'b' } }], { ...opts, now: 700, visibleThrough: 700 - 120 });
		expect(s.emit.map((e) => e.key.id)).toEqual(['b']);
		c = roundTrip(s.next);
		// The read was complete: every record before 700 visible then was read.
		expect(c.watermark).toEqual({ ts: 700, id: '' });
		// Poll at 760: both visible now.
		const both = [{ key: { ts: 640, id: 'a' } }, { key: { ts: 650, id: 'b' } }];
		s = selectEvents(c, both, { ...opts, now: 760, visibleThrough: 760 - 120 });
		expect(s.emit.map((e) => e.key.id)).toEqual(['a']);
		c = roundTrip(s.next);
		// Later polls read the same window again and emit nothing.
		s = selectEvents(c, both, { ...opts, now: 900, visibleThrough: 900 - 120 });
		expect(s.emit).toEqual([]);
		expect(recentCount(s.next)).toBe(0);
	});

	it('never emits past what was read when a read stopped early', () => {
		const events = [600, 601, 602, 603].map((ts) => ({ key: { ts, id: 'x' } }));
		const s = selectEvents(initialCursor(500), events, { ...opts, readThrough: 601 });
		expect(s.emit.map((e) => e.key.ts)).toEqual([600, 601]);
		expect(s.next.settled).toBeLessThanOrEqual(601);
	});

	it('bounds the recent ids: waits for time to settle them rather than forgetting', () => {
		const events = Array.from({ length: 10 }, (_, i) => ({ key: { ts: 900 + i, id: `r${i}` } }));
		let c = initialCursor(500);
		let s = selectEvents(c, events, { ...opts, visibleThrough: 800, maxRecent: 4 });
		expect(s.emit).toHaveLength(4);
		c = s.next;
		s = selectEvents(c, events, { ...opts, visibleThrough: 800, maxRecent: 4 });
		expect(s.emit).toHaveLength(0);
		// Time passes: 900..905 settle, which frees the room; r4 and r5 settle as they are emitted.
		s = selectEvents(c, events, { ...opts, visibleThrough: 905, maxRecent: 4 });
		expect(s.emit.map((e) => e.key.id)).toEqual(['r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
		expect(s.next.recent).toEqual({ 906: ['r6'], 907: ['r7'], 908: ['r8'], 909: ['r9'] });
		expect(recentCount(s.next)).toBeLessThanOrEqual(4);
	});

	it('keeps a late event that the cap left behind eligible', () => {
		let c = initialCursor(500);
		c = selectEvents(c, [{ key: { ts: 700, id: 'z' } }], { ...opts, now: 701, visibleThrough: 600 }).next;
		const late = [{ key: { ts: 650, id: 'a' } }, { key: { ts: 651, id: 'b' } }, { key: { ts: 700, id: 'z' } }];
		const s = selectEvents(c, late, { ...opts, visibleThrough: 800, cap: 1 });
		expect(s.emit.map((e) => e.key.id)).toEqual(['a']);
		expect(emittedTest(s.next)({ ts: 651, id: 'b' })).toBe(false);
		expect(selectEvents(s.next, late, { ...opts, visibleThrough: 800 }).emit.map((e) => e.key.id)).toEqual(['b']);
	});
});

describe('planWindow', () => {
	const L = 600;

	it('reads fully while nothing was read above the settled line, forward while a burst waits to settle, fully once it can', () => {
		let c = initialCursor(10_000);
		expect(planWindow(c, 10_060, L)).toEqual({ from: 10_000, full: true });
		// A burst read at 10_060, emitted: forward reads from the time of that read until it has settled.
		const burst = Array.from({ length: 50 }, (_, i) => ({ key: { ts: 10_001 + i, id: `b${i}` } }));
		c = selectEvents(c, burst, { now: 10_060, visibleThrough: 10_060 - 1 - L, readThrough: Infinity, cap: 100, maxRecent: 100 }).next;
		expect(c.watermark).toEqual({ ts: 10_060, id: '' });
		for (let now = 10_120; now <= 10_050 + L; now += 60) expect(planWindow(c, now, L)).toEqual({ from: 10_060, full: false });
		// Everything read is older than the window: one full read settles it all.
		expect(planWindow(c, 10_050 + L + 1 + 1, L)).toEqual({ from: c.settled + 1, full: true });
		const settledRead = selectEvents(c, burst, { now: 10_652, visibleThrough: 10_652 - 1 - L, readThrough: Infinity, cap: 100, maxRecent: 100 });
		expect(settledRead.emit).toEqual([]);
		expect(settledRead.next.recent).toEqual({});
		expect(planWindow(settledRead.next, 10_712, L).full).toBe(true);
	});

	it('in a workspace that never rests, reads fully at the latest when the settled line lags by twice the window', () => {
		let c = initialCursor(10_000);
		let fullReads = 0;
		for (let now = 10_060; now < 10_060 + 20 * L; now += 60) {
			const plan = planWindow(c, now, L);
			if (plan.full) fullReads++;
			// A change every minute, read by every poll.
			const events = [{ key: { ts: now - 30, id: `e${now}` } }];
			c = selectEvents(c, events, { now, visibleThrough: plan.full ? now - 1 - L : c.settled, readThrough: Infinity, cap: 100, maxRecent: 1_000 }).next;
			expect(now - c.settled).toBeLessThanOrEqual(2 * L + 2 * 60 + 1);
		}
		// About one full read per window: each change is read about three times, not once a poll.
		expect(fullReads).toBeLessThanOrEqual(22);
	});
});

describe('a simulated workspace', () => {
	/**
	 * Records arrive at random times, many in the same second, each visible after a random delay up
	 * to `maxDelay`; polls at random intervals with random caps, some reads cut short. The
	 * allowance covers the delay, so every record must be emitted exactly once.
	 */
	function simulate(seed: number, options: { maxDelay: number; allowance: number; maxRecent: number; silentShare?: number }) {
		const random = uniform(seed);
		const start = 10_000;
		const records: Rec[] = [];
		let t = start - 50;
		for (let i = 0; i < 3_000; i++) {
			t += random() < 0.7 ? 0 : Math.floor(random() * 20);
			const silent = random() < (options.silentShare ?? 0);
			records.push({ key: { ts: t, id: String(Math.floor(random() * 1e6)) }, visibleAt: t + Math.floor(random() * (options.maxDelay + 1)), silent });
		}
		const expected = new Set(records.filter((r) => r.key.ts >= start && !r.silent).map((r) => keyString(r.key)));
		let cursor = initialCursor(start);
		const emitted: string[] = [];
		let lastEmittingSnapshot = JSON.stringify(serializeCursor(cursor));
		for (let now = start; now < t + options.maxDelay + 3 * options.allowance + 5_000; now += 1 + Math.floor(random() * 40)) {
			const plan = planWindow(cursor, now, options.allowance);
			let seen = read(records, plan.from, now);
			let readThrough = Infinity;
			if (random() < 0.2 && seen.length > 0) {
				// A read stopped early (time budget): everything up to some time, and a little past it.
				const cut = seen[Math.floor(random() * seen.length)].key.ts;
				readThrough = cut - 1;
				seen = seen.filter((r) => r.key.ts < cut || random() < 0.3);
			}
			const s = selectEvents(cursor, seen, {
				now,
				visibleThrough: plan.full ? now - 1 - options.allowance : cursor.settled,
				readThrough,
				cap: 1 + Math.floor(random() * 200),
				maxRecent: options.maxRecent,
			});
			emitted.push(...s.emit.map((e) => keyString(e.key)));
			cursor = roundTrip(s.next);
			// An older n8n keeps only what a poll that emitted saved: restore it now and then.
			if (s.emit.length > 0) lastEmittingSnapshot = JSON.stringify(serializeCursor(cursor));
			else if (random() < 0.1) cursor = roundTrip(parseCursorOrThrow(JSON.parse(lastEmittingSnapshot)));
		}
		return { expected, emitted, cursor };
	}

	it.each([1, 2, 3, 4, 5])('emits every record exactly once (seed %i)', (seed) => {
		const { expected, emitted, cursor } = simulate(seed, { maxDelay: 120, allowance: 150, maxRecent: 300 });
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...expected].filter((k) => !emitted.includes(k))).toEqual([]);
		expect(emitted.filter((k) => !expected.has(k))).toEqual([]);
		expect(recentCount(cursor)).toBeLessThanOrEqual(300);
	});

	it.each([1, 2, 3])('with records a filter rejects, emits every other record exactly once (seed %i)', (seed) => {
		const { expected, emitted } = simulate(seed, { maxDelay: 120, allowance: 150, maxRecent: 300, silentShare: 0.6 });
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...expected].filter((k) => !emitted.includes(k))).toEqual([]);
		expect(emitted.filter((k) => !expected.has(k))).toEqual([]);
	});

	it('without late arrivals, emits in strictly increasing order', () => {
		const { emitted } = simulate(7, { maxDelay: 0, allowance: 30, maxRecent: 300 });
		const keys = emitted.map((k) => {
			const [ts, id] = k.split(':');
			return { ts: Number(ts), id };
		});
		for (let i = 1; i < keys.length; i++) expect(compareKeys(keys[i - 1], keys[i])).toBeLessThan(0);
	});

	it('a delay longer than the allowance can lose records: the allowance is what the guarantee rests on', () => {
		const { expected, emitted } = simulate(3, { maxDelay: 600, allowance: 10, maxRecent: 300 });
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...expected].some((k) => !emitted.includes(k))).toBe(true);
	});
});
