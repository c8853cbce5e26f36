/**
 * Pacing that cannot stall, on a controllable clock (the transport's `clock`, moved by the waits it
 * decides on): a wait is at most one 10-second window unless a 429's own reset says longer and the
 * budget allows; pacing waits count against the request's retry budget and the poll budget; and
 * reset times are read in Intercom's clock, estimated from the `Date` header, so a server clock 10
 * minutes ahead or behind neither stalls a job nor lets it run into 429s.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../nodes/shared/transport/clock';
import { DEFAULT_RETRY_POLICY, IntercomClient } from '../../nodes/shared/transport/client';
import { isPollBudgetSpent } from '../../nodes/shared/transport/errors';
import { ServerClock } from '../../nodes/shared/transport/pacing';
import { credentialsFor, poll, registerNodeType, runNode } from '../helpers/n8n';
import { recordWaits } from '../helpers/requests';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

const BASE = 'http://intercom.test';
const credentials = credentialsFor(BASE, 'tok_pacing');
const ME = { type: 'admin', id: '1' };
const getCurrent = { resource: 'admin', operation: 'getCurrent' };
const rateLimited = { type: 'error.list', request_id: 'req-429', errors: [{ code: 'rate_limit_exceeded', message: 'Rate Limit Exceeded' }] };
const DAY_S = 86_400;

/** Rate-limit headers as Intercom sends them, with the server's `Date`. */
function headers(remaining: number, resetS: number, serverMs = clock.now(), limit = 100) {
	return {
		'X-RateLimit-Limit': String(limit),
		'X-RateLimit-Remaining': String(remaining),
		'X-RateLimit-Reset': String(resetS),
		Date: new Date(serverMs).toUTCString(),
	};
}
const nowS = () => Math.floor(clock.now() / 1000);

const defaults = { ...DEFAULT_RETRY_POLICY };
let waits: ReturnType<typeof recordWaits>;
beforeEach(() => {
	waits = recordWaits(0.5);
});
afterEach(() => {
	waits.restore();
	nock.cleanAll();
	Object.assign(DEFAULT_RETRY_POLICY, defaults);
});

describe('the wait before a request is capped', () => {
	it('a 200 with Remaining 0 and a reset a day ahead: the next request waits one window (10 s), not a day', async () => {
		const scope = nock(BASE)
			.get('/me')
			.reply(() => [200, ME, headers(0, nowS() + DAY_S)])
			.get('/me')
			.reply(() => [200, ME, headers(99, nowS() + 10)]);
		const result = await runNode({ parameters: getCurrent, credentials, items: [{}, {}] });
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(waits.waits[1]).toBeGreaterThanOrEqual(10_000);
		expect(waits.waits[1]).toBeLessThanOrEqual(10_100);
	});

	it('a 429 whose own reset is a day ahead: no day-long wait, an error quoting that (future) reset', async () => {
		const scope = nock(BASE).get('/me').reply(() => [429, rateLimited, headers(0, nowS() + DAY_S)]);
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(scope.isDone()).toBe(true);
		expect(result.error?.message).toBe('The Intercom workspace is rate-limited (429 rate_limit_exceeded)');
		expect(result.error?.description).toMatch(/^The limit resets at \S+ \(in 8640\d s\)\. Gave up after 1 attempts on GET \/me/);
		expect(waits.waits.reduce((a, b) => a + b, 0)).toBe(0);
	});

	it('a 429 whose reset is longer than a window but fits the budget is waited for', async () => {
		const scope = nock(BASE)
			.get('/me')
			.reply(() => [429, rateLimited, headers(0, nowS() + 30)])
			.get('/me')
			.reply(() => [200, ME, headers(99, nowS() + 10)]);
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(waits.waits.filter((w) => w > 0)[0]).toBeGreaterThan(29_000);
	});

	it("pacing waits count against the request's retry budget", async () => {
		Object.assign(DEFAULT_RETRY_POLICY, { maxTotalWaitMs: 5_000 });
		const scope = nock(BASE).get('/me').reply(() => [200, ME, headers(0, nowS() + 8)]);
		const result = await runNode({ parameters: getCurrent, credentials, items: [{}, {}], continueOnFail: true });
		expect(scope.isDone()).toBe(true);
		expect(result.items[0].json).toEqual(ME);
		// The second item would have to wait ~8 s for the window, more than its 5 s budget: it fails at once, unsent.
		expect(result.items[1].json.error).toBe('The Intercom workspace is rate-limited (429 rate_limit_exceeded)');
		expect(waits.waits.reduce((a, b) => a + b, 0)).toBe(0);
	});
});

/** A poll that sends `count` GET /me through one client and reports what happened (or throws). */
class PollProbe implements INodeType {
	description = {
		displayName: 'Poll Probe',
		name: 'pollProbe',
		group: ['trigger'],
		version: 1,
		description: 'Sends requests in a poll',
		defaults: { name: 'Poll Probe' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'intercomAccessTokenApi', required: true }],
		properties: [{ displayName: 'Count', name: 'count', type: 'number', default: 1 }],
	} as unknown as INodeType['description'];

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const client = await IntercomClient.create(this, { credentialType: 'intercomAccessTokenApi' });
		const count = this.getNodeParameter('count', 1) as number;
		for (let i = 0; i < count; i++) await client.request({ method: 'GET', path: '/me' });
		return [[{ json: { requests: client.requestCount } as IDataObject }]];
	}
}
const POLL_PROBE = 'test.pollProbe';
registerNodeType(POLL_PROBE, new PollProbe());

describe("a poll never runs past n8n's poll budget", () => {
	it('a pacing wait longer than what is left of the budget ends the poll at once, marked as out of budget', async () => {
		const scope = nock(BASE).get('/me').reply(() => [200, ME, headers(0, nowS() + 9)]);
		const error = await poll({ nodeType: POLL_PROBE, parameters: { count: 2 }, credentials, staticData: {}, pollBudgetMs: 5_000 }).catch((e: unknown) => e);
		expect(scope.isDone()).toBe(true);
		expect(isPollBudgetSpent(error)).toBe(true);
		expect((error as Error).message).toBe("The poll's time budget (5 s) ran out before Intercom answered GET /me");
		expect(waits.waits.reduce((a, b) => a + b, 0)).toBeLessThan(5_000);
	});

	it("an attempt's deadline is never later than the end of the budget", async () => {
		const given: number[] = [];
		const deadline = jest.spyOn(clock, 'deadline').mockImplementation((ms: number) => {
			given.push(ms);
			return AbortSignal.abort(); // the server never answers in time
		});
		nock(BASE).get('/me').delay(50).reply(200, ME);
		try {
			const error = await poll({ nodeType: POLL_PROBE, parameters: { count: 1 }, credentials, staticData: {}, pollBudgetMs: 7_000 }).catch((e: unknown) => e);
			expect(given[0]).toBeLessThanOrEqual(7_000);
			expect(isPollBudgetSpent(error)).toBe(true);
		} finally {
			deadline.mockRestore();
		}
	});
});

/**
 * One workspace's rate limit as Intercom keeps it, in the server's own clock (`skewMs` ahead of
 * this machine's): windows of 10 s aligned on its clock, `limit` requests each, 429 beyond.
 */
function workspace(limit: number, skewMs: number) {
	const stats = { ok: 0, rejected: 0 };
	let windowStart = -1;
	let used = 0;
	const answer = (): [number, IDataObject, Record<string, string>] => {
		const server = clock.now() + skewMs;
		const start = Math.floor(server / 10_000) * 10_000;
		if (start !== windowStart) {
			windowStart = start;
			used = 0;
		}
		const resetS = (start + 10_000) / 1000;
		if (used >= limit) {
			stats.rejected++;
			return [429, rateLimited, headers(0, resetS, server, limit)];
		}
		used++;
		stats.ok++;
		return [200, ME, headers(limit - used, resetS, server, limit)];
	};
	return { stats, answer };
}

describe("reset times are read in Intercom's clock (from the Date header)", () => {
	const REQUESTS = 120;
	const LIMIT = 20;

	async function pacedJob(skewMs: number) {
		const ws = workspace(LIMIT, skewMs);
		nock.cleanAll();
		nock(BASE).get('/me').times(REQUESTS * 2).reply(() => ws.answer());
		// Every job starts at the same point of a window (1 s into it), so windows, not luck, set its time.
		await clock.sleep((11_000 - (clock.now() % 10_000)) % 10_000);
		const started = clock.now();
		const result = await runNode({ parameters: getCurrent, credentials, items: Array.from({ length: REQUESTS }, () => ({})), continueOnFail: true });
		const failures = result.items.filter((i) => i.json.error !== undefined).length;
		return { elapsed: clock.now() - started, failures, items: result.items.length, ...ws.stats };
	}

	it('with the server 10 minutes ahead or behind, a paced job takes at most 1.1× its time with no difference, with 0 failures', async () => {
		const same = await pacedJob(0);
		const ahead = await pacedJob(10 * 60_000);
		const behind = await pacedJob(-10 * 60_000);
		for (const run of [same, ahead, behind]) {
			expect(run).toMatchObject({ items: REQUESTS, failures: 0, ok: REQUESTS });
		}
		// 120 requests at 20 per 10 s take at least 5 windows.
		expect(same.elapsed).toBeGreaterThan(50_000);
		expect(ahead.elapsed / same.elapsed).toBeLessThanOrEqual(1.1);
		expect(behind.elapsed / same.elapsed).toBeLessThanOrEqual(1.1);
		// Pacing, not 429 retries, keeps the job within the limit.
		expect(ahead.rejected + behind.rejected).toBeLessThanOrEqual(same.rejected + 2);
	});
});

describe('ServerClock', () => {
	it('narrows the offset from Date headers, never past the true one, and starts again when the clock jumps', () => {
		const c = new ServerClock();
		const skew = 600_000 + 370; // the server is 10 min and 370 ms ahead
		for (const local of [1_000_000, 1_000_250, 1_000_500, 1_000_750, 1_001_100, 1_001_420]) {
			c.observe({ date: new Date(local + skew).toUTCString() }, local - 5, local + 5);
			expect(c.offsetMs).toBeLessThanOrEqual(skew + 5);
		}
		expect(c.offsetMs).toBeGreaterThan(skew - 300);
		c.observe({ date: new Date(2_000_000 - 3_600_000).toUTCString() }, 2_000_000, 2_000_010);
		expect(c.offsetMs).toBeLessThan(-3_500_000);
	});
});
