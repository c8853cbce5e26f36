/**
 * The delivery guarantee under volume, faults, restarts and time budgets: every change the
 * sandbox's change log recorded is emitted, in order, and none twice, except where stated.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../../sandbox';
import { ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const conversationId = (item: IDataObject) => String((item.conversation as IDataObject).id);
const started = { event: 'conversation.created' };

/** `event_id`s the change log says are owed for conversations started from `since` on. */
function owedConversations(since = T0): string[] {
	return h.sb.workspace.changes
		.list({ kinds: ['conversation.created'] })
		.filter((e) => e.at >= since)
		.map((e) => `conversation.created:${e.id}:${e.at}`)
		.sort();
}

/** Starts `count` conversations, up to `perSecond` in one second, moving the clock. */
function startConversations(count: number, perSecond = 25): void {
	let made = 0;
	for (let i = 0; made < count; i++) {
		const n = Math.min(1 + ((i * 7) % perSecond), count - made);
		h.sb.activity.newConversations(n);
		made += n;
		h.advance(1);
	}
}

/**
 * Every `nth` request to `path` from now on gets `fault` (the sandbox scripts "the next N
 * matching requests", not "the Nth"): wraps its fault picker, counting matches.
 */
function faultOn(path: string | RegExp, pick: (n: number) => Fault | undefined): void {
	const faults = h.sb.faults;
	const next = faults.next.bind(faults);
	let n = 0;
	jest.spyOn(faults, 'next').mockImplementation((method: string, p: string) => {
		if (typeof path === 'string' ? p === path : path.test(p)) {
			const fault = pick(++n);
			if (fault) return fault;
		}
		return next(method, p);
	});
}

async function startWith(seed = { contacts: 40, conversations: 0, articles: 0, companies: 0 }) {
	h = await TriggerHarness.start({ seed });
}

describe('volume', () => {
	it('emits 10,000 conversations started between two polls, in order, each once, over several polls', async () => {
		await startWith();
		const params = { ...started, options: { maxEventsPerPoll: 2500 } };
		await h.poll(params);
		h.advance(5);
		startConversations(10_000);
		h.advance(900);
		const counts: number[] = [];
		for (let poll = 0; poll < 5; poll++) {
			counts.push((await h.poll(params)).items.length);
			h.advance(60);
		}
		expect(counts).toEqual([2500, 2500, 2500, 2500, 0]);
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});
});

describe('faults', () => {
	it.each<[string, (n: number) => Fault | undefined]>([
		// A single 500 on a read is retried (and the poll goes on): these fail beyond every retry.
		['500s from the third page on, beyond every retry', (n) => (n >= 3 ? { type: 'status', status: 500 } : undefined)],
		['connection resets from the third page on, beyond every retry', (n) => (n >= 3 ? { type: 'reset' } : undefined)],
		['a storm of 429s from the third page on', (n) => (n >= 3 ? { type: 'status', status: 429 } : undefined)],
	])('%s: the poll fails, the cursor stays, the next poll emits everything once', async (_name, pick) => {
		await startWith();
		await h.poll(started);
		h.advance(5);
		startConversations(500);
		h.advance(900);
		const before = h.stored;
		faultOn('/conversations/search', pick);
		const failed = await h.poll(started);
		expect(failed.error).toBeDefined();
		expect(failed.items).toEqual([]);
		expect(h.stored).toBe(before);
		expect(failed.requests).toBeGreaterThanOrEqual(3);
		jest.mocked(h.sb.faults.next).mockRestore();
		const { items } = await h.poll(started);
		expect(items).toHaveLength(500);
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});
});

describe('faults after the window was read', () => {
	it('a failed GET of a full conversation fails the poll before the cursor moves', async () => {
		await startWith();
		const params = { ...started, options: { includeFullConversation: true } };
		await h.poll(params);
		h.advance(5);
		startConversations(5, 1);
		h.advance(30);
		const before = h.stored;
		// The third GET and its five retries fail; a single 500 would be retried and the poll would go on.
		faultOn(/^\/conversations\/\d+$/, (n) => (n >= 3 && n <= 8 ? { type: 'status', status: 500 } : undefined));
		const failed = await h.poll(params);
		expect(failed.error).toBeDefined();
		expect(h.stored).toBe(before);
		const { items } = await h.poll(params);
		expect(items).toHaveLength(5);
		expect(items.every((i) => (i.conversation as IDataObject).conversation_parts !== undefined)).toBe(true);
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
	});
});

describe('restarts', () => {
	/** Activity between polls: conversations now, some idle polls, some polls cut by the cap. */
	async function busyDay(poll: () => Promise<unknown>): Promise<void> {
		for (let round = 0; round < 8; round++) {
			startConversations(round % 3 === 0 ? 0 : 60 + round * 10);
			h.advance(45);
			await poll();
			h.advance(200);
			await poll();
		}
		h.advance(900);
		for (let i = 0; i < 6; i++) {
			await poll();
			h.advance(60);
		}
	}

	it('an older n8n that keeps only what emitting polls saved: nothing lost, nothing repeated', async () => {
		await startWith();
		const params = { ...started, options: { maxEventsPerPoll: 100 } };
		// The first activation's cursor is kept: n8n 1.x holds it in memory until a restart, and
		// "Start From" makes it survive one (nothing before the first event can be lost then).
		await h.poll(params);
		h.advance(5);
		// Every poll loads the stored JSON, as after a restart: an idle poll's cursor move is lost.
		await busyDay(() => h.poll(params, { legacy: true }));
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});

	it('a stale snapshot restored re-emits exactly what was emitted after it, and loses nothing', async () => {
		await startWith();
		const params = { ...started, options: { maxEventsPerPoll: 100 } };
		await h.poll(params);
		h.advance(5);
		startConversations(150);
		h.advance(30);
		await h.poll(params);
		const snapshot = h.stored;
		const emittedBefore = h.emitted.length;
		startConversations(150);
		h.advance(30);
		await h.poll(params);
		await h.poll(params);
		const afterSnapshot = ids(h.emitted.slice(emittedBefore));
		expect(afterSnapshot.length).toBeGreaterThan(0);

		h.stored = snapshot; // the database restored to an older copy
		const replayStart = h.emitted.length;
		for (let i = 0; i < 6; i++) {
			await h.poll(params);
			h.advance(60);
		}
		const replay = ids(h.emitted.slice(replayStart));
		const earlier = new Set(ids(h.emitted.slice(0, replayStart)));
		// Repeated: exactly the events emitted after the snapshot was taken, each once more.
		expect(replay.filter((id) => earlier.has(id)).sort()).toEqual([...afterSnapshot].sort());
		expect(new Set(replay).size).toBe(replay.length);
		expect([...new Set(ids(h.emitted))].sort()).toEqual(owedConversations());
	});
});

describe('time budget', () => {
	it('stops fetching before the budget is spent, emits what it has, and drains the rest in order', async () => {
		await startWith();
		await h.poll(started);
		h.advance(5);
		startConversations(3_000);
		h.advance(900);
		h.slowRequests(1);
		const counts: number[] = [];
		for (let i = 0; i < 6; i++) {
			const r = await h.poll(started, { pollBudgetMs: 10_000 });
			expect(r.error).toBeUndefined();
			// 60% of 10 s at one second a request: six pages of 150 read, the last one's second held back.
			expect(r.requests).toBeLessThanOrEqual(6);
			counts.push(r.items.length);
			if (r.items.length === 0) break;
		}
		expect(counts.slice(0, 3).every((n) => n > 0 && n < 900)).toBe(true);
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});

	it('on an older n8n, with no budget to keep to, reads as far as the cap needs', async () => {
		await startWith();
		await h.poll(started);
		h.advance(5);
		startConversations(1_000);
		h.advance(900);
		h.slowRequests(60);
		// n8n 2.40's default budget is 5 minutes: three one-minute pages fit in its 60% share.
		const budgeted = await h.poll(started);
		expect(budgeted.requests).toBe(3);
		// The three pages came in (time, id) order: all they hold goes out, up to the last one read.
		expect(budgeted.items).toHaveLength(450);
		// Without getPollBudgetMs, the same reading goes on until the cap's 500 events are known.
		const legacy = await h.poll(started, { legacy: true });
		expect(legacy.items).toHaveLength(500);
		expect(legacy.requests).toBeGreaterThan(3);
		await h.poll(started, { legacy: true });
		expect(ids(h.emitted).sort()).toEqual(owedConversations());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});

	it('a window that must be read whole and does not fit the budget is narrowed until a part fits, and drains exactly once, in order', async () => {
		await startWith();
		const closed = { event: 'conversation.closed' };
		await h.poll(closed);
		h.advance(5);
		startConversations(600);
		for (let i = 0; i < 150; i++) {
			h.sb.activity.closes(4);
			h.advance(1);
		}
		h.advance(900);
		h.slowRequests(2);
		const owed = [...new Set(h.sb.workspace.changes.list({ kinds: ['conversation.closed'] }).filter((e) => e.at >= T0).map((e) => `conversation.closed:${e.id}:${e.at}`))];
		const polls: Array<{ items: number; requests: number; failed: boolean }> = [];
		for (let i = 0; i < 40; i++) {
			const r = await h.poll(closed, { pollBudgetMs: 5_000 });
			polls.push({ items: r.items.length, requests: r.requests, failed: r.error !== undefined });
			h.advance(60);
			if (h.emitted.length >= owed.length) break;
		}
		expect(polls.filter((p) => p.failed)).toEqual([]);
		// 3 s of fetching at 2 s a request: never more than two requests in a poll.
		expect(Math.max(...polls.map((p) => p.requests))).toBeLessThanOrEqual(2);
		expect(owed.length).toBeGreaterThan(400);
		// Narrowing first (polls that read a part too large and emit nothing), then parts that fit.
		expect(polls[0].items).toBe(0);
		expect(polls.length).toBeLessThan(20);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed.sort());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});
});
