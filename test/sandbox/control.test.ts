/**
 * The /__sandbox/ control API, as an out-of-process client would use it.
 */
import { RunningSandbox, startSandbox } from '../../sandbox';
import { call } from './helpers';

describe('control API', () => {
	let sb: RunningSandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: { contacts: 25, conversations: 5 } });
	});
	afterAll(async () => {
		await sb.close();
	});

	async function control(method: string, name: string, body?: unknown) {
		const res = await fetch(`${sb.baseUrl}/__sandbox/${name}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		return { status: res.status, json: (await res.json()) as any };
	}

	it('lists routes and describes the sandbox', async () => {
		const index = await control('GET', '');
		expect(index.json.routes).toEqual(expect.arrayContaining(['POST /__sandbox/reset', 'GET /__sandbox/changes', 'POST /__sandbox/faults']));
		const info = await control('GET', 'info');
		expect(info.json).toMatchObject({ token: sb.token, oauth: { client_id: sb.oauth.clientId }, workspaces: [{ counts: { contacts: 25 } }] });
		expect((await control('GET', 'nope')).status).toBe(404);
	});

	it('reseeds, simulates activity and exposes the change log', async () => {
		expect((await control('POST', 'seed', { contacts: 60, conversations: 8, seed: 3 })).json).toMatchObject({ contacts: 60, conversations: 8 });
		const activity = await control('POST', 'activity', { newContacts: 2, newConversations: 1, adminReplies: 1, closes: 1, articlePublishes: 1 });
		expect(activity.json.contacts).toHaveLength(2);
		const changes = await control('GET', 'changes?kind=contact.created');
		expect(changes.json.changes.map((c: { id: string }) => c.id)).toEqual(activity.json.contacts);
		const since = await control('GET', `changes?after=${changes.json.last_seq - 1}`);
		expect(since.json.changes).toHaveLength(1);
		await control('DELETE', 'changes');
		expect((await control('GET', 'changes')).json.changes).toEqual([]);
	});

	it('reads and clears the request log, and counts duplicates', async () => {
		await control('DELETE', 'requests');
		await call(sb, 'GET', '/me');
		await call(sb, 'GET', '/nope');
		const all = await control('GET', 'requests');
		expect(all.json.requests.map((r: { path: string }) => r.path)).toEqual(['/me', '/nope']);
		const bad = await control('GET', 'requests?nonConformant=1');
		expect(bad.json.requests.map((r: { path: string }) => r.path)).toEqual(['/nope']);
		await call(sb, 'POST', '/tags', { name: 'twice' });
		await call(sb, 'POST', '/tags', { name: 'twice' });
		expect((await control('GET', 'duplicates')).json.duplicates).toEqual([{ method: 'POST', path: '/tags', body: '{"name":"twice"}', count: 2 }]);
		await control('POST', 'requests/clear');
		expect((await control('GET', 'requests')).json.requests).toEqual([]);
	});

	it('sets faults, rate limits, search delay, clock, settings and time zone', async () => {
		await control('POST', 'faults', { method: 'GET', path: '/me', fault: { type: 'status', status: 500 }, count: 1 });
		expect((await control('GET', 'faults')).json.scripted).toHaveLength(1);
		expect((await call(sb, 'GET', '/me')).status).toBe(500);
		expect((await control('POST', 'faults', { fault: { type: 'bogus' } })).status).toBe(400);
		await control('DELETE', 'faults');

		await control('POST', 'rate-limit', { limit: 2, windowSeconds: 60 });
		expect((await call(sb, 'GET', '/me')).headers.get('x-ratelimit-limit')).toBe('2');
		await control('POST', 'rate-limit', { limit: 1000, windowSeconds: 10 });

		expect((await control('POST', 'search-delay', { seconds: 12 })).json.seconds).toBe(12);
		expect(sb.workspace.searchDelaySeconds).toBe(12);
		await control('POST', 'search-delay', { seconds: 0 });

		const clock = await control('POST', 'clock', { offsetSeconds: 3600 });
		expect(clock.json.offset_seconds).toBe(3600);
		const contact = await call(sb, 'POST', '/contacts', { email: 'future@example.com' });
		expect(contact.json.created_at).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 3590);
		await control('POST', 'clock', { offsetSeconds: 0 });

		await control('POST', 'settings', { strictVersion: true });
		expect((await fetch(`${sb.baseUrl}/me`, { headers: { Authorization: `Bearer ${sb.token}` } })).status).toBe(400);
		await control('POST', 'settings', { strictVersion: false });

		await control('POST', 'timezone', { timezone: 'Asia/Tokyo' });
		expect((await call(sb, 'GET', '/me')).json.app.timezone).toBe('Asia/Tokyo');
		expect((await control('POST', 'timezone', { timezone: 'Mars/Olympus' })).status).toBe(400);
	});

	it('adds tokens and workspaces, and resets everything', async () => {
		const { json } = await control('POST', 'tokens', {});
		expect((await call({ baseUrl: sb.baseUrl, token: json.token }, 'GET', '/me')).status).toBe(200);
		const added = await control('POST', 'workspaces', { idCode: 'second', tokens: ['second-token'], seed: { contacts: 3, conversations: 0 } });
		expect(added.json.tokens).toEqual(['second-token']);
		const me = await call({ baseUrl: sb.baseUrl, token: 'second-token' }, 'GET', '/contacts');
		expect(me.json.total_count).toBe(3);
		const reset = await control('POST', 'reset');
		expect(reset.json.workspaces[0].counts.contacts).toBe(60);
		expect(sb.log.requests()).toEqual([]);
	});
});
