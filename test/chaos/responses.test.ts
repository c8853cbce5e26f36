/**
 * Answers no Intercom would give, from the sandbox's faults or a scripted server: an HTML page
 * from a proxy, an empty body, a cut-off body, a 50 MB body, a request never answered. Each ends
 * in a clear error (or, for a read, a retry that succeeds), never a hang, never a silent
 * "nothing there" that would let the trigger's cursor move past events.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/transport/client';
import { startSandbox, type Fault, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';
import { recordWaits } from '../helpers/requests';
import { scriptedServer } from '../helpers/scriptedServer';

let sb: RunningSandbox;
let waits: ReturnType<typeof recordWaits>;
const defaults = { ...DEFAULT_RETRY_POLICY };

beforeAll(async () => {
	// Only loopback servers are called; nock's interceptor would stream 50 MB slowly through its parser.
	nock.restore();
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 2, articles: 0, companies: 0 } });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	waits = recordWaits(0.5);
	sb.log.clear();
});
afterEach(() => {
	waits.restore();
	sb.faults.clear();
	Object.assign(DEFAULT_RETRY_POLICY, defaults);
});

const credentials = (extra: IDataObject = {}) => credentialsFor(sb.baseUrl, sb.token, extra);
const contactId = () => sb.workspace.contacts.all()[0].id;
const getContact = () => ({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: contactId() } });
const createTag = (name: string) => ({ resource: 'tag', operation: 'create', name });

function fault(path: string, f: Fault, count = 1, method?: string): void {
	sb.faults.inject({ method, path, fault: f, count });
}

const attempts = (method: string, path: string) => sb.log.requests().filter((r) => r.method === method && r.path === path).length;

describe('a read (GET) answered badly is retried, then fails clearly', () => {
	it.each<[string, Fault, RegExp]>([
		['an HTML 502 page from a proxy', { type: 'html', status: 502 }, /^Intercom answered GET \/contacts\/\w+ with HTTP 502$/],
		['an HTML page with status 200', { type: 'html', status: 200 }, /not valid JSON/],
		['an empty body with status 200', { type: 'empty' }, /was not valid JSON/],
		['a body cut off mid-JSON', { type: 'truncate' }, /not valid JSON/],
		['a connection closed mid-body', { type: 'truncate', prematureClose: true }, /was not valid JSON|Could not reach Intercom/],
	])('%s: a retry that succeeds returns the contact; six in a row fail with a clear error', async (_name, f, message) => {
		const path = `/contacts/${contactId()}`;
		fault(path, f, 1);
		const recovered = await runNode({ parameters: getContact(), credentials: credentials() });
		expect(recovered.error).toBeUndefined();
		expect(recovered.items.map((i) => (i.json as IDataObject).id)).toEqual([contactId()]);
		expect(attempts('GET', path)).toBe(2);

		sb.log.clear();
		fault(path, f, 6);
		const failed = await runNode({ parameters: getContact(), credentials: credentials() });
		expect(failed.error?.message).toMatch(message);
		expect(failed.error?.description?.length ?? 0).toBeLessThan(600);
		expect(attempts('GET', path)).toBe(6);
	});
});

describe('a POST that may have created something is sent once, whatever comes back', () => {
	it.each<[string, Fault, RegExp]>([
		['an HTML 502 page', { type: 'html', status: 502 }, /HTTP 502/],
		['an HTML page with status 200', { type: 'html', status: 200 }, /not valid JSON/],
		['a body cut off mid-JSON', { type: 'truncate' }, /not valid JSON/],
		['a connection reset', { type: 'reset' }, /Could not reach Intercom/],
	])('%s: one attempt, a clear error', async (name, f, message) => {
		fault('/tags', f, 1, 'POST');
		const result = await runNode({ parameters: createTag(`chaos ${name}`), credentials: credentials() });
		expect(result.error?.message).toMatch(message);
		expect(attempts('POST', '/tags')).toBe(1);
	});
});

describe('a request never answered', () => {
	it("times out after the credential's timeout, is retried within the retry budget, then fails clearly", async () => {
		Object.assign(DEFAULT_RETRY_POLICY, { maxTotalWaitMs: 600 });
		const path = `/contacts/${contactId()}`;
		fault(path, { type: 'hang' }, 10);
		const result = await runNode({ parameters: getContact(), credentials: credentials({ timeoutSeconds: 0.3 }) });
		expect(result.error?.message).toMatch(/^Intercom did not answer GET \/contacts\/\w+ within 0\.3 s$/);
		// Failed attempts count against the retry budget: a hung server is not waited on six times.
		expect(attempts('GET', path)).toBeGreaterThanOrEqual(1);
		expect(attempts('GET', path)).toBeLessThanOrEqual(2);
	});

	it('a POST is not sent again after a timeout, and the error says it may have been done', async () => {
		fault('/tags', { type: 'hang' }, 1, 'POST');
		const result = await runNode({ parameters: createTag('chaos hang'), credentials: credentials({ timeoutSeconds: 0.3 }) });
		expect(result.error?.message).toBe('Intercom did not answer POST /tags within 0.3 s');
		expect(result.error?.description).toMatch(/may have done it/);
		expect(attempts('POST', '/tags')).toBe(1);
	});

	it.each([['0'], ['-5'], ['301'], ['soon']])('a credential timeout of %j is refused before any request', async (timeoutSeconds) => {
		const result = await runNode({ parameters: getContact(), credentials: credentials({ timeoutSeconds }) });
		expect(result.error?.message).toBe('The credential\'s "Request Timeout (Seconds)" must be a number of seconds above 0, at most 300');
		expect(sb.log.requests()).toEqual([]);
	});
});

describe('a 50 MB body', () => {
	const FIFTY_MB = 50 * 1024 * 1024;

	it('an error page of 50 MB is summarised in a few hundred characters', async () => {
		const page = `<html><body><h1>404 Not Found</h1>${'<p>padding</p>'.repeat(Math.ceil(FIFTY_MB / 14))}</body></html>`;
		const server = await scriptedServer([{ status: 404, raw: page, headers: { 'Content-Type': 'text/html' } }]);
		try {
			const result = await runNode({ parameters: getContact(), credentials: credentialsFor(server.baseUrl, 'tok_big') });
			expect(result.error?.message).toBe('Contact was not found in Intercom');
			expect(result.error?.description).toMatch(/^The response was not Intercom's JSON: 404 Not Found padding/);
			expect(result.error?.description?.length).toBeLessThan(600);
		} finally {
			await server.close();
		}
	});

	it('50 MB that is not JSON on a POST: one attempt, a clear error', async () => {
		const server = await scriptedServer([{ status: 200, raw: `{"type":"tag","name":"${'x'.repeat(FIFTY_MB)}` }]);
		try {
			const result = await runNode({ parameters: createTag('big'), credentials: credentialsFor(server.baseUrl, 'tok_big') });
			expect(result.error?.message).toMatch(/not valid JSON/);
			expect(server.requests).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});
