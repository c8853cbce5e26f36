/**
 * A deadline for the whole answer: the credential's Request Timeout bounds headers and body
 * together. A server that sends its headers at once and then trickles the body (which an idle
 * socket timeout never catches) is cut at the deadline; the cut is a timeout: a read is retried,
 * a POST that may have done something is not. The deadline is the transport's `clock.deadline`
 * seam: the tests fire it themselves (a controllable clock), and one test lets the real
 * `AbortSignal.timeout` fire to show the default wiring through n8n-core's request helper.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared/transport/clock';
import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/transport/client';
import { credentialsFor, runNode } from '../helpers/n8n';
import { PROBE_TYPE } from '../helpers/probe';
import { recordWaits } from '../helpers/requests';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

interface Trickle {
	baseUrl: string;
	/** Per request: bytes written, and whether the client hung up before the body ended. */
	requests: Array<{ method: string; url: string; written: number; closedByClient: boolean }>;
	close(): Promise<void>;
}

/** Headers at once, then one byte of a never-ending JSON body every `everyMs` (real time: the server is not the clock under test). */
async function trickleServer(everyMs = 20, then?: () => { status: number; body: unknown } | undefined): Promise<Trickle> {
	const requests: Trickle['requests'] = [];
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			const answer = then?.();
			const record = { method: req.method ?? '', url: req.url ?? '', written: 0, closedByClient: false };
			requests.push(record);
			if (answer) {
				res.writeHead(answer.status, { 'Content-Type': 'application/json' });
				return void res.end(JSON.stringify(answer.body));
			}
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.write('{"type":"admin","padding":"');
			const timer = setInterval(() => {
				res.write('x');
				record.written++;
			}, everyMs);
			res.on('close', () => {
				clearInterval(timer);
				record.closedByClient = !res.writableEnded;
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Resolves once `done()` holds, looking every few ms (the servers' real time; the transport's clock is not involved). */
async function until(done: () => boolean, giveUpMs = Infinity): Promise<void> {
	const started = Date.now();
	while (!done() && Date.now() - started < giveUpMs) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Replaces the deadline with one the test fires: `fire()` ends the current attempt's deadline. */
function controllableDeadline() {
	const given: number[] = [];
	let current: AbortController | undefined;
	const spy = jest.spyOn(clock, 'deadline').mockImplementation((ms: number) => {
		given.push(ms);
		current = new AbortController();
		return current.signal;
	});
	return { given, fire: () => current?.abort(), restore: () => spy.mockRestore() };
}

const defaults = { ...DEFAULT_RETRY_POLICY };
let waits: ReturnType<typeof recordWaits>;
beforeAll(() => nock.restore()); // loopback servers only
beforeEach(() => {
	waits = recordWaits(0.5);
});
afterEach(() => {
	waits.restore();
	Object.assign(DEFAULT_RETRY_POLICY, defaults);
});

const probe = (call: IDataObject) => ({ call: JSON.stringify(call) });

describe('a trickling answer is cut at the deadline', () => {
	it('a GET: each attempt is cut while the body still trickles, retried, then fails as a timeout naming the request', async () => {
		const server = await trickleServer(10);
		const deadline = controllableDeadline();
		Object.assign(DEFAULT_RETRY_POLICY, { maxRetries: 2 });
		try {
			// A Request Timeout of 60 s: the socket is never idle that long, so only the deadline can end it.
			const run = runNode({ nodeType: PROBE_TYPE, parameters: probe({ method: 'GET', path: '/me' }), credentials: credentialsFor(server.baseUrl, 'tok_trickle', { timeoutSeconds: 60 }) });
			for (let attempt = 0; attempt < 3; attempt++) {
				await until(() => server.requests[attempt]?.written >= 5); // bytes keep coming on this attempt…
				deadline.fire(); // …and the deadline passes
			}
			const result = await run;
			expect(result.error?.message).toBe('Intercom did not answer GET /me within 60 s');
			expect(result.error?.description).toMatch(/Attempts: 3\./);
			expect(deadline.given).toEqual([60_000, 60_000, 60_000]);
			expect(server.requests).toHaveLength(3);
			await until(() => server.requests.every((r) => r.closedByClient), 2000);
			expect(server.requests.map((r) => [r.written >= 5, r.closedByClient])).toEqual(Array(3).fill([true, true]));
		} finally {
			deadline.restore();
			await server.close();
		}
	});

	it('a GET cut once succeeds on the retry', async () => {
		let first = true;
		const server = await trickleServer(10, () => (first ? ((first = false), undefined) : { status: 200, body: { type: 'admin', id: '1' } }));
		const deadline = controllableDeadline();
		try {
			const run = runNode({ nodeType: PROBE_TYPE, parameters: probe({ method: 'GET', path: '/me' }), credentials: credentialsFor(server.baseUrl, 'tok_trickle') });
			await until(() => server.requests[0]?.written >= 3);
			deadline.fire();
			const result = await run;
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({ body: { type: 'admin', id: '1' }, requests: 2 });
		} finally {
			deadline.restore();
			await server.close();
		}
	});

	it('a POST that may have created something: cut once, not sent again, the error says it may have been done', async () => {
		const server = await trickleServer(10);
		const deadline = controllableDeadline();
		try {
			const run = runNode({ nodeType: PROBE_TYPE, parameters: probe({ method: 'POST', path: '/tags', body: { name: 'vip' } }), credentials: credentialsFor(server.baseUrl, 'tok_trickle') });
			await until(() => server.requests[0]?.written >= 3);
			deadline.fire();
			const result = await run;
			expect(result.error?.message).toBe('Intercom did not answer POST /tags within 60 s');
			expect(result.error?.description).toMatch(/may have done it/);
			expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /tags']);
			expect(waits.waits.filter((w) => w > 0)).toEqual([]);
		} finally {
			deadline.restore();
			await server.close();
		}
	});

	it("the real deadline (AbortSignal.timeout, the credential's 0.2 s) cuts an endless trickle through n8n-core's helper", async () => {
		const server = await trickleServer(20);
		Object.assign(DEFAULT_RETRY_POLICY, { maxRetries: 1 });
		try {
			const result = await runNode({ nodeType: PROBE_TYPE, parameters: probe({ method: 'GET', path: '/me' }), credentials: credentialsFor(server.baseUrl, 'tok_trickle', { timeoutSeconds: 0.2 }) });
			expect(result.error?.message).toBe('Intercom did not answer GET /me within 0.2 s');
			expect(server.requests).toHaveLength(2);
			await until(() => server.requests.every((r) => r.closedByClient), 2000);
			expect(server.requests.map((r) => [r.written > 0, r.closedByClient])).toEqual(Array(2).fill([true, true]));
		} finally {
			await server.close();
		}
	});
});

describe('cancelling the execution ends the request in flight', () => {
	it('a GET waiting on a trickling answer stops when the execution is cancelled: no retry, the connection closed', async () => {
		const server = await trickleServer(10);
		let cancel: (() => void) | undefined;
		try {
			const run = runNode({
				nodeType: PROBE_TYPE,
				parameters: probe({ method: 'GET', path: '/me' }),
				credentials: credentialsFor(server.baseUrl, 'tok_cancel', { timeoutSeconds: 60 }),
				whileRunning: (c) => (cancel = c),
			});
			await until(() => server.requests[0]?.written >= 3); // the answer is on its way, far from its deadline…
			cancel!(); // …and the user stops the execution
			await until(() => server.requests[0]?.closedByClient === true, 2000);
			expect(server.requests.map((r) => r.closedByClient)).toEqual([true]);
			await run;
			expect(server.requests).toHaveLength(1); // not retried
		} finally {
			await server.close();
		}
	});
});
