import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';
import { PROBE_TYPE } from '../helpers/probe';
import { nowSeconds, recordWaits } from '../helpers/requests';
import { scriptedServer, type ScriptedReply } from '../helpers/scriptedServer';

const BASE = 'http://intercom.test';
const credentials = credentialsFor(BASE, 'tok_secret_123');
const ME = { type: 'admin', id: '1' };
const getCurrent = { resource: 'admin', operation: 'getCurrent' };
const setAway = { resource: 'admin', operation: 'setAway', adminId: { mode: 'id', value: '42' }, awayModeEnabled: true, awayModeReassign: false };

function limits(remaining: number, limit = 1000, reset = nowSeconds() + 10) {
	return { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(reset) };
}

const rateLimited = { type: 'error.list', request_id: 'req-429', errors: [{ code: 'rate_limit_exceeded', message: 'Rate Limit Exceeded' }] };

describe('rate limits, retries and pacing', () => {
	let waits: ReturnType<typeof recordWaits>;
	beforeEach(() => {
		waits = recordWaits(0.5);
	});
	afterEach(() => {
		waits.restore();
		nock.cleanAll();
	});

	it('waits until X-RateLimit-Reset (plus jitter) after a 429, then succeeds', async () => {
		const reset = nowSeconds() + 3;
		const scope = nock(BASE)
			.get('/me')
			.reply(429, rateLimited, limits(0, 1000, reset))
			.get('/me')
			.reply(200, ME, limits(999));
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual(ME);
		expect(scope.isDone()).toBe(true);
		const retryWaits = waits.waits.filter((w) => w > 0);
		expect(retryWaits).toHaveLength(1);
		// Until the reset (up to 3 s from now), plus 125 ms of jitter (random fixed at 0.5 of 250 ms).
		expect(retryWaits[0]).toBeGreaterThan(1500);
		expect(retryWaits[0]).toBeLessThanOrEqual(3000 + 125);
	});

	it('backs off exponentially when a 429 carries no reset header', async () => {
		const scope = nock(BASE).get('/me').reply(429, rateLimited).get('/me').reply(429, rateLimited).get('/me').reply(200, ME);
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		// Full jitter at 0.5: half of 1 s, then half of 2 s.
		expect(waits.waits.filter((w) => w > 0)).toEqual([500, 1000]);
	});

	it('gives up after the retry budget with an error that never quotes a reset already past', async () => {
		const reset = nowSeconds() + 5;
		const scope = nock(BASE).get('/me').times(6).reply(429, rateLimited, limits(0, 1000, reset));
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(scope.isDone()).toBe(true);
		expect(result.error?.message).toBe('The Intercom workspace is rate-limited (429 rate_limit_exceeded)');
		// Five waits for that reset later, it lies in the past: it is not offered as the time to wait for.
		expect(result.error?.description).not.toContain(new Date(reset * 1000).toISOString());
		expect(result.error?.description).toMatch(/^The reset time Intercom gave has already passed/);
		expect(result.error?.description).toContain('Gave up after 6 attempts');
		expect(JSON.stringify(result.error)).not.toContain('tok_secret_123');
	});

	it('retries a 503 on a GET', async () => {
		const scope = nock(BASE).get('/me').reply(503, 'Service Unavailable').get('/me').reply(200, ME);
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('retries a 502 and a connection reset on a PUT', async () => {
		const server = await scriptedServer([
			{ status: 502, raw: 'Bad Gateway' },
			'reset',
			{ status: 200, body: { type: 'admin', id: '42', away_mode_enabled: true } },
		]);
		try {
			const result = await runNode({ parameters: setAway, credentials: credentialsFor(server.baseUrl, 'tok_secret_123') });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({ type: 'admin', id: '42', away_mode_enabled: true });
			expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('PUT /admins/42/away'));
			expect(server.requests.map((r) => JSON.parse(r.body))).toEqual(Array(3).fill({ away_mode_enabled: true, away_mode_reassign: false }));
		} finally {
			await server.close();
		}
	});

	it('never retries a POST that may have created something (500, 503, reset)', async () => {
		const failures: ScriptedReply[] = [
			{ status: 500, body: { type: 'error.list', request_id: 'r1', errors: [{ code: 'server_error', message: 'Boom' }] } },
			{ status: 503, raw: 'unavailable' },
			'reset',
		];
		for (const failure of failures) {
			const server = await scriptedServer([failure, { status: 200, body: { type: 'tag', id: 'must-not-be-reached' } }]);
			try {
				const result = await runNode({
					nodeType: PROBE_TYPE,
					parameters: { call: JSON.stringify({ method: 'POST', path: '/tags', body: { name: 'vip' } }) },
					credentials: credentialsFor(server.baseUrl, 'tok_secret_123'),
				});
				expect(result.error).toBeDefined();
				expect(server.requests).toHaveLength(1);
				expect(waits.waits.filter((w) => w > 0)).toEqual([]);
			} finally {
				await server.close();
			}
		}
	});

	it('retries a POST after a 429 (nothing was created) and a search POST after a 503', async () => {
		const scope = nock(BASE)
			.post('/tags', { name: 'vip' })
			.reply(429, rateLimited)
			.post('/tags', { name: 'vip' })
			.reply(200, { type: 'tag', id: '7', name: 'vip' })
			.post('/contacts/search')
			.reply(503, 'unavailable')
			.post('/contacts/search')
			.reply(200, { type: 'list', data: [], total_count: 0 });
		const created = await runNode({
			nodeType: PROBE_TYPE,
			parameters: { call: JSON.stringify({ method: 'POST', path: '/tags', body: { name: 'vip' } }) },
			credentials,
		});
		expect(created.items[0].json).toEqual({ body: { type: 'tag', id: '7', name: 'vip' }, requests: 2 });
		const searched = await runNode({
			nodeType: PROBE_TYPE,
			parameters: {
				call: JSON.stringify({ method: 'POST', path: '/contacts/search', idempotent: true, body: { query: { field: 'role', operator: '=', value: 'user' } } }),
			},
			credentials,
		});
		expect(searched.items[0].json).toEqual({ body: { type: 'list', data: [], total_count: 0 }, requests: 2 });
		expect(scope.isDone()).toBe(true);
	});

	it('a 200 whose body is cut short is an error, retried on a GET', async () => {
		const scope = nock(BASE)
			.get('/me')
			.reply(200, '{"type":"admin","id":"1', { 'Content-Type': 'application/json' })
			.get('/me')
			.reply(200, ME);
		const result = await runNode({ parameters: getCurrent, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual(ME);
		expect(scope.isDone()).toBe(true);
	});

	it('paces requests when X-RateLimit-Remaining runs low, spreading them until the reset', async () => {
		const reset = nowSeconds() + 10;
		// Plenty left: no wait. Then 5 of 100 left with ~10 s to go: about 2 s between calls.
		const scope = nock(BASE)
			.get('/me')
			.reply(200, ME, limits(90, 100, reset))
			.get('/me')
			.reply(200, ME, limits(5, 100, reset))
			.get('/me')
			.reply(200, ME, limits(4, 100, reset));
		const result = await runNode({ parameters: getCurrent, credentials, items: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(scope.isDone()).toBe(true);
		const [first, second, third] = waits.waits;
		expect(first).toBe(0);
		expect(second).toBe(0);
		expect(third).toBeGreaterThan(1000);
		expect(third).toBeLessThanOrEqual(2000);
	});

	it('waits for the next window when Remaining reaches 0, instead of sending into a 429', async () => {
		const reset = nowSeconds() + 4;
		const scope = nock(BASE).get('/me').reply(200, ME, limits(0, 100, reset)).get('/me').reply(200, ME, limits(99, 100, reset + 10));
		const result = await runNode({ parameters: getCurrent, credentials, items: [{}, {}] });
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		expect(waits.waits[1]).toBeGreaterThan(2500);
		expect(waits.waits[1]).toBeLessThanOrEqual(4000 + 100);
	});
});
