/**
 * Rate limiting (per-workspace fixed windows, headers, 429) and the OAuth
 * authorize + code exchange flow.
 */
import { RunningSandbox, SandboxClock, startSandbox } from '../../sandbox';
import { call } from './helpers';

describe('rate limits', () => {
	let sb: RunningSandbox;
	const clock = new SandboxClock();

	beforeAll(async () => {
		clock.freezeAt(1_800_000_003); // 3 s into a 10 s window
		sb = await startSandbox({
			port: 0,
			clock,
			rateLimit: { limit: 5, windowSeconds: 10 },
			seed: { contacts: 10, conversations: 2 },
			workspaces: [{ idCode: 'other', tokens: ['other-token'], seed: { contacts: 5, conversations: 0 } }],
		});
		sb.sandbox.auth.addToken(sb.workspace.idCode, 'second-client-token');
	});
	afterAll(async () => {
		await sb.close();
	});

	it('sends X-RateLimit headers, shares the budget per workspace and answers 429 when spent', async () => {
		const remaining: string[] = [];
		for (let i = 0; i < 3; i++) {
			const res = await call(sb, 'GET', '/me');
			expect(res.status).toBe(200);
			expect(res.headers.get('x-ratelimit-limit')).toBe('5');
			expect(res.headers.get('x-ratelimit-reset')).toBe('1800000010');
			remaining.push(res.headers.get('x-ratelimit-remaining') as string);
		}
		// A second client of the same workspace spends the same budget.
		for (let i = 0; i < 2; i++) {
			const res = await call({ baseUrl: sb.baseUrl, token: 'second-client-token' }, 'GET', '/admins');
			remaining.push(res.headers.get('x-ratelimit-remaining') as string);
		}
		expect(remaining).toEqual(['4', '3', '2', '1', '0']);
		const limited = await call(sb, 'GET', '/contacts');
		expect(limited.status).toBe(429);
		expect(limited.json).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] });
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(limited.headers.get('x-ratelimit-reset')).toBe('1800000010');
		// Another workspace has its own budget.
		const other = await call({ baseUrl: sb.baseUrl, token: 'other-token' }, 'GET', '/me');
		expect(other.status).toBe(200);
		expect(other.headers.get('x-ratelimit-remaining')).toBe('4');
	});

	it('refills when the window rolls over', async () => {
		clock.advanceSeconds(7); // 1800000010: next window
		const res = await call(sb, 'GET', '/me');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-ratelimit-remaining')).toBe('4');
		expect(res.headers.get('x-ratelimit-reset')).toBe('1800000020');
	});

	it('can be reconfigured or switched off', async () => {
		sb.setRateLimit({ limit: 1, windowSeconds: 60 });
		expect((await call(sb, 'GET', '/me')).status).toBe(200);
		expect((await call(sb, 'GET', '/me')).status).toBe(429);
		sb.settings.rateLimit = false;
		const res = await call(sb, 'GET', '/me');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-ratelimit-limit')).toBe('1');
		sb.settings.rateLimit = true;
	});

	it('answers 401 unauthorized for unknown tokens, without rate-limit headers', async () => {
		const res = await call({ baseUrl: sb.baseUrl, token: 'nope' }, 'GET', '/me');
		expect(res.status).toBe(401);
		expect(res.json).toMatchObject({ type: 'error.list', errors: [{ code: 'unauthorized' }] });
		expect(res.headers.get('x-ratelimit-limit')).toBeNull();
	});
});

describe('OAuth', () => {
	let sb: RunningSandbox;
	const redirectUri = 'https://n8n.example.com/rest/oauth2-credential/callback';

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 0 }, oauth: { clientId: 'cid', clientSecret: 'secret' } });
	});
	afterAll(async () => {
		await sb.close();
	});

	async function authorize(state: string): Promise<URL> {
		const page = await fetch(sb.oauth.authorizeUrl(redirectUri, state));
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Authorize access');
		expect(html).toContain('action="/oauth/authorize"');
		// Submit the form the way a browser would.
		const res = await fetch(`${sb.baseUrl}/oauth/authorize`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: 'cid', redirect_uri: redirectUri, state, decision: 'approve' }),
		});
		expect(res.status).toBe(302);
		return new URL(res.headers.get('location') as string);
	}

	it('redirects with code and state, exchanges the code for a working bearer token', async () => {
		const location = await authorize('xyz-123');
		expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
		expect(location.searchParams.get('state')).toBe('xyz-123');
		const code = location.searchParams.get('code') as string;
		const res = await fetch(sb.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ code, client_id: 'cid', client_secret: 'secret', grant_type: 'authorization_code', redirect_uri: redirectUri }),
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as { access_token: string };
		expect(body).toEqual({ token_type: 'bearer', access_token: expect.any(String), token: body.access_token, refresh_token: expect.stringMatching(/^ref_/) });
		const me = await call({ baseUrl: sb.baseUrl, token: body.access_token }, 'GET', '/me');
		expect(me.status).toBe(200);
		expect(me.json.app.id_code).toBe(sb.workspace.idCode);
		// Codes are single-use.
		const again = await fetch(sb.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ code, client_id: 'cid', client_secret: 'secret' }),
		});
		expect(again.status).toBe(400);
		expect(((await again.json()) as { errors: { code: string }[] }).errors[0].code).toBe('invalid_grant');
	});

	it('accepts a JSON token request and rejects a wrong client secret', async () => {
		const code = (await authorize('s2')).searchParams.get('code') as string;
		const wrong = await fetch(sb.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ code, client_id: 'cid', client_secret: 'bad' }),
		});
		expect(wrong.status).toBe(401);
		const code2 = (await authorize('s3')).searchParams.get('code') as string;
		const ok = await fetch(sb.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ code: code2, client_id: 'cid', client_secret: 'secret', grant_type: 'authorization_code' }),
		});
		expect(ok.status).toBe(200);
	});

	it('redirects with error=access_denied when the user cancels, and rejects unknown clients', async () => {
		const res = await fetch(`${sb.baseUrl}/oauth/authorize`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: 'cid', redirect_uri: redirectUri, state: 's', decision: 'deny' }),
		});
		const location = new URL(res.headers.get('location') as string);
		expect(location.searchParams.get('error')).toBe('access_denied');
		expect((await fetch(`${sb.baseUrl}/oauth?client_id=unknown&redirect_uri=${encodeURIComponent(redirectUri)}`)).status).toBe(400);
	});
});
