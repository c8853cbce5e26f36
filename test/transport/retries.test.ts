/**
 * What is retried, by what the failure says about the request's fate:
 * - a 500 on a read is retried like 502–504 (bounded); never on a POST that may have created something;
 * - a POST that provably never left (connection refused, a name that did not resolve) is sent again;
 * - a DELETE whose earlier attempt's answer was lost, answered 404 on the retry, was deleted by that
 *   attempt: it succeeds and says so in its output.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { clock } from '../../nodes/shared/transport/clock';
import { DEFAULT_RETRY_POLICY, IntercomClient } from '../../nodes/shared/transport/client';
import { credentialsFor, runNode } from '../helpers/n8n';
import { PROBE_TYPE } from '../helpers/probe';
import { recordWaits } from '../helpers/requests';
import { scriptedServer } from '../helpers/scriptedServer';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

const CONTACT = '6762f0d51bb69f9f2193bb7f';
const serverError = { type: 'error.list', request_id: 'r500', errors: [{ code: 'server_error', message: 'Server Error' }] };
const notFound = { type: 'error.list', request_id: 'r404', errors: [{ code: 'not_found', message: 'User Not Found' }] };
const page = (ids: string[], next?: string) => ({ type: 'list', data: ids.map((id) => ({ type: 'contact', id })), pages: next ? { next: { starting_after: next } } : {} });

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

describe('a 500 on a read', () => {
	it('a 500 on the second page of a Return All is retried: every contact arrives', async () => {
		const server = await scriptedServer([
			{ status: 200, body: page(['a', 'b'], 'c1') },
			{ status: 500, body: serverError },
			{ status: 200, body: page(['c']) },
		]);
		try {
			const result = await runNode({
				nodeType: PROBE_TYPE,
				parameters: { call: JSON.stringify({ method: 'GET', path: '/contacts', pagination: 'cursor', itemsPath: 'data' }) },
				credentials: credentialsFor(server.baseUrl, 'tok_retry'),
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({ count: 3, ids: ['a', 'b', 'c'], requests: 3 });
			expect(server.requests.map((r) => r.url)).toEqual(['/contacts?per_page=150', '/contacts?per_page=150&starting_after=c1', '/contacts?per_page=150&starting_after=c1']);
		} finally {
			await server.close();
		}
	});

	it('is retried at most 5 times, then fails with the server\'s error', async () => {
		const server = await scriptedServer(Array.from({ length: 6 }, () => ({ status: 500, body: serverError })));
		try {
			const result = await runNode({ parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: CONTACT } }, credentials: credentialsFor(server.baseUrl, 'tok_retry') });
			expect(result.error?.message).toBe('Server Error');
			expect(server.requests).toHaveLength(6);
		} finally {
			await server.close();
		}
	});

	it('a 500 on a POST that creates something is not retried', async () => {
		const server = await scriptedServer([{ status: 500, body: serverError }, { status: 200, body: { type: 'tag', id: '1', name: 'vip' } }]);
		try {
			const result = await runNode({ parameters: { resource: 'tag', operation: 'create', name: 'vip' }, credentials: credentialsFor(server.baseUrl, 'tok_retry') });
			expect(result.error?.message).toBe('Server Error');
			expect(server.requests).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});

/** A port nothing listens on (yet). */
async function freePort(): Promise<number> {
	const probe = http.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((resolve) => probe.close(() => resolve()));
	return port;
}

describe('a POST that never left', () => {
	it('connection refused: sent again once the server is up, created once', async () => {
		const port = await freePort();
		const received: string[] = [];
		const server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				received.push(`${req.method} ${req.url}`);
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ type: 'tag', id: '7', name: 'vip' }));
			});
		});
		// The server comes up during the transport's first backoff wait.
		waits.restore();
		const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async () => {
			if (!server.listening) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
		});
		try {
			const result = await runNode({ parameters: { resource: 'tag', operation: 'create', name: 'vip' }, credentials: credentialsFor(`http://127.0.0.1:${port}`, 'tok_retry') });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toEqual({ type: 'tag', id: '7', name: 'vip' });
			expect(received).toEqual(['POST /tags']);
		} finally {
			sleep.mockRestore();
			waits = recordWaits(0.5);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});

	it.each(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED'])('%s (the request never left): a POST is sent again', async (code) => {
		const calls: string[] = [];
		const send = async (options: { method: string; url: string }) => {
			calls.push(`${options.method} ${options.url}`);
			if (calls.length === 1) throw Object.assign(new Error(`getaddrinfo ${code} intercom.test`), { code });
			return { statusCode: 200, headers: {}, body: { type: 'tag', id: '7' } };
		};
		const ctx = {
			getNode: () => ({ name: 'Intercom' }) as INode,
			getNodeParameter: () => 'accessToken',
			getCredentials: async () => ({ region: 'custom', baseUrl: 'http://intercom.test', accessToken: 'tok_retry' }),
			// The transport sends with httpRequest and the credential read once (credential.ts).
			helpers: { httpRequest: send, httpRequestWithAuthentication: async (_type: string, options: { method: string; url: string }) => await send(options) },
		} as unknown as IExecuteFunctions;
		const client = await IntercomClient.create(ctx);
		await expect(client.request({ method: 'POST', path: '/tags', body: { name: 'vip' } })).resolves.toEqual({ type: 'tag', id: '7' });
		expect(calls).toEqual(['POST http://intercom.test/tags', 'POST http://intercom.test/tags']);
	});
});

describe("a DELETE whose earlier attempt's answer was lost", () => {
	const deleteContact = { resource: 'contact', operation: 'delete', contactId: { __rl: true, mode: 'id', value: CONTACT } };

	it.each([
		['a reset', 'reset' as const],
		['a 502', { status: 502, raw: 'Bad Gateway' }],
		['a 500', { status: 500, body: serverError }],
	])('after %s, a 404 on the retry means that attempt deleted it: success, and the output says so', async (_label, first) => {
		const server = await scriptedServer([first, { status: 404, body: notFound }]);
		try {
			const result = await runNode({ parameters: deleteContact, credentials: credentialsFor(server.baseUrl, 'tok_retry') });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([
				{
					id: CONTACT,
					object: 'contact',
					deleted: true,
					deleted_by_earlier_attempt: true,
					note: `An earlier attempt of DELETE /contacts/${CONTACT} lost its answer; the retry found nothing left, so that attempt deleted it.`,
				},
			]);
			expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(2).fill(`DELETE /contacts/${CONTACT}`));
		} finally {
			await server.close();
		}
	});

	it('a tag deleted by the lost attempt: the item says deleted, and by which attempt', async () => {
		const server = await scriptedServer(['reset', { status: 404, body: notFound }]);
		try {
			const result = await runNode({ parameters: { resource: 'tag', operation: 'delete', tagId: '17' }, credentials: credentialsFor(server.baseUrl, 'tok_retry') });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ id: '17', deleted: true, deleted_by_earlier_attempt: true });
		} finally {
			await server.close();
		}
	});

	it.each([
		['on the first attempt', [{ status: 404, body: notFound }]],
		['after a 429 (Intercom did nothing)', [{ status: 429, body: { type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] } }, { status: 404, body: notFound }]],
	])('a 404 %s is still "not found"', async (_label, script) => {
		const server = await scriptedServer(script as IDataObject[] as never);
		try {
			const result = await runNode({ parameters: deleteContact, credentials: credentialsFor(server.baseUrl, 'tok_retry') });
			expect(result.error?.message).toBe('Contact was not found in Intercom');
		} finally {
			await server.close();
		}
	});
});
