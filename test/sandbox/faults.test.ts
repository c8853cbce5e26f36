/**
 * Fault injection: scripted queues and seeded probabilities, for every
 * fault type (status codes, reset, latency, truncation, HTML, empty, hang).
 */
import { RunningSandbox, startSandbox } from '../../sandbox';
import { call } from './helpers';

describe('fault injection', () => {
	let sb: RunningSandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: { contacts: 20, conversations: 2 } });
	});
	afterAll(async () => {
		await sb.close();
	});
	afterEach(() => sb.faults.clear());

	it('answers the next N matching requests with an Intercom error status, then recovers', async () => {
		sb.faults.inject({ method: 'GET', path: '/contacts', fault: { type: 'status', status: 429 }, count: 2 });
		sb.faults.inject({ path: '/admins*', fault: { type: 'status', status: 503 } });
		expect((await call(sb, 'GET', '/me')).status).toBe(200); // does not match
		const first = await call(sb, 'GET', '/contacts');
		expect(first.status).toBe(429);
		expect(first.json).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] });
		expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
		expect((await call(sb, 'GET', '/contacts')).status).toBe(429);
		expect((await call(sb, 'GET', '/contacts')).status).toBe(200);
		const unavailable = await call(sb, 'GET', '/admins/1');
		expect(unavailable.status).toBe(503);
		expect(unavailable.json.type).toBe('error.list');
		for (const status of [500, 502]) {
			sb.faults.inject({ fault: { type: 'status', status } });
			expect((await call(sb, 'GET', '/me')).status).toBe(status);
		}
	});

	it('resets the connection', async () => {
		sb.faults.inject({ path: '/me', fault: { type: 'reset' } });
		await expect(call(sb, 'GET', '/me')).rejects.toThrow();
		expect((await call(sb, 'GET', '/me')).status).toBe(200);
		expect(sb.log.requests().some((r) => r.fault === 'reset')).toBe(true);
	});

	it('delays an answer (latency) and still answers normally', async () => {
		sb.faults.inject({ path: '/me', fault: { type: 'latency', ms: 50 } });
		const res = await call(sb, 'GET', '/me');
		expect(res.status).toBe(200);
		expect(res.json.type).toBe('admin');
		expect(sb.log.requests().slice(-1)[0].fault).toBe('latency');
	});

	it('truncates a JSON body (clean end and premature close)', async () => {
		sb.faults.inject({ path: '/contacts', fault: { type: 'truncate' } });
		const res = await call(sb, 'GET', '/contacts');
		expect(res.status).toBe(200);
		expect(res.text.length).toBeGreaterThan(10);
		expect(() => JSON.parse(res.text)).toThrow();
		sb.faults.inject({ path: '/contacts', fault: { type: 'truncate', prematureClose: true } });
		await expect(call(sb, 'GET', '/contacts')).rejects.toThrow();
	});

	it('sends an HTML error page and an empty body', async () => {
		sb.faults.inject({ fault: { type: 'html', status: 502 } });
		const html = await call(sb, 'GET', '/me');
		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toContain('text/html');
		expect(html.text).toContain('<html>');
		sb.faults.inject({ fault: { type: 'empty' } });
		const empty = await call(sb, 'GET', '/me');
		expect(empty.status).toBe(200);
		expect(empty.text).toBe('');
	});

	it('never answers a hung request (until the client gives up)', async () => {
		sb.faults.inject({ path: '/me', fault: { type: 'hang' } });
		const controller = new AbortController();
		const pending = fetch(`${sb.baseUrl}/me`, { headers: { Authorization: `Bearer ${sb.token}` }, signal: controller.signal });
		setTimeout(() => controller.abort(), 100);
		await expect(pending).rejects.toThrow();
		expect((await call(sb, 'GET', '/me')).status).toBe(200);
	});

	it('injects faults by seeded probability, reproducibly', async () => {
		const run = async () => {
			sb.faults.clear();
			sb.faults.seed(123);
			sb.faults.addRandom({ method: 'GET', path: '/me', probability: 0.3, fault: { type: 'status', status: 500 } });
			const statuses: number[] = [];
			for (let i = 0; i < 30; i++) statuses.push((await call(sb, 'GET', '/me')).status);
			return statuses;
		};
		const first = await run();
		const second = await run();
		expect(first).toEqual(second);
		const failures = first.filter((s) => s === 500).length;
		expect(failures).toBeGreaterThan(0);
		expect(failures).toBeLessThan(30);
	});

	it('counts duplicate POSTs (same method, path and body)', async () => {
		sb.log.clear();
		const contact = sb.workspace.contacts.all()[0];
		const body = { body: '<p>dup</p>', admin_id: sb.workspace.meAdmin().id };
		await call(sb, 'POST', `/contacts/${contact.id}/notes`, body);
		await call(sb, 'POST', `/contacts/${contact.id}/notes`, body);
		await call(sb, 'POST', `/contacts/${contact.id}/notes`, { ...body, body: '<p>other</p>' });
		expect(sb.log.duplicatePosts()).toEqual([{ method: 'POST', path: `/contacts/${contact.id}/notes`, body: JSON.stringify(body), count: 2 }]);
	});
});
