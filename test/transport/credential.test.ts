/**
 * The credential is read once per execution and each request carries the header its
 * `authenticate` block would set; OAuth2 keeps n8n's refresh: a 401 → n8n refreshes the token
 * (stored in the credential) → the request is sent once more with the new token, and the
 * requests after it carry that token without another refresh.
 */
import { ExecuteContext } from 'n8n-core';
import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';
import { unmatchedRequests } from '../helpers/requests';

const BASE = 'http://intercom.test';
const US = 'https://api.intercom.io';

function page(from: number, count: number, next?: string) {
	return {
		type: 'list',
		data: Array.from({ length: count }, (_, i) => ({ type: 'contact', id: `c${from + i}` })),
		total_count: 9,
		pages: { type: 'pages', per_page: 150, ...(next ? { next: { per_page: 150, starting_after: next } } : {}) },
	};
}

function oauth2(tokenData: Record<string, unknown>) {
	return {
		intercomOAuth2Api: {
			region: 'us',
			apiVersion: '2.14',
			clientId: 'client-1',
			clientSecret: 'client-secret-xyz',
			grantType: 'authorizationCode',
			authentication: 'body',
			authUrl: 'https://app.intercom.com/oauth',
			accessTokenUrl: `${US}/auth/eagle/token`,
			scope: '',
			oauthTokenData: { token_type: 'bearer', ...tokenData },
		},
	};
}

const RETURN_ALL = { resource: 'contact', operation: 'getMany', returnAll: true };

describe('credential: read once per execution, header set by the transport', () => {
	let reads: jest.SpyInstance;
	let unmatched: ReturnType<typeof unmatchedRequests>;

	beforeEach(() => {
		reads = jest.spyOn(ExecuteContext.prototype, 'getCredentials');
		unmatched = unmatchedRequests();
	});

	afterEach(() => {
		reads.mockRestore();
		unmatched.stop();
		nock.cleanAll();
	});

	it('access token: three pages, one credential read, every request with its Authorization header', async () => {
		const scope = nock(BASE, { reqheaders: { authorization: 'Bearer tok_secret_123', 'intercom-version': '2.14' } })
			.get('/contacts')
			.query({ per_page: '150' })
			.reply(200, page(0, 3, 'cur-1'))
			.get('/contacts')
			.query({ per_page: '150', starting_after: 'cur-1' })
			.reply(200, page(3, 3, 'cur-2'))
			.get('/contacts')
			.query({ per_page: '150', starting_after: 'cur-2' })
			.reply(200, page(6, 3));
		const result = await runNode({ parameters: RETURN_ALL, credentials: credentialsFor(BASE, 'tok_secret_123') });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']);
		expect(scope.isDone()).toBe(true);
		expect(unmatched.count()).toBe(0);
		expect(reads.mock.calls.map((call) => call[0])).toEqual(['intercomAccessTokenApi']);
	});

	it('access token: a 401 is the answer (no refresh, sent once), its error names the status without the token', async () => {
		const scope = nock(BASE)
			.get('/contacts')
			.query({ per_page: '150' })
			.reply(401, { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] });
		const result = await runNode({ parameters: RETURN_ALL, credentials: credentialsFor(BASE, 'tok_secret_123') });
		expect(result.error?.message).toMatch(/401|unauthori[sz]ed|Access Token Invalid/i);
		expect(JSON.stringify(result.error)).not.toContain('tok_secret_123');
		expect(scope.isDone()).toBe(true);
		expect(unmatched.count()).toBe(0);
		expect(reads).toHaveBeenCalledTimes(1);
	});

	it('OAuth2: 401 → n8n refreshes the token → the request is sent once more; the next page carries the new token', async () => {
		const old = nock(US, { reqheaders: { authorization: 'Bearer oauth_old' } })
			.get('/contacts')
			.query({ per_page: '150' })
			.reply(401, { type: 'error.list', errors: [{ code: 'token_expired', message: 'Token expired' }] });
		let refreshBody = '';
		const token = nock(US)
			.post('/auth/eagle/token', (body: Record<string, string>) => {
				refreshBody = new URLSearchParams(body).toString();
				return body.grant_type === 'refresh_token' && body.refresh_token === 'refresh_1';
			})
			.reply(200, { access_token: 'oauth_new', refresh_token: 'refresh_2', token_type: 'bearer' });
		const fresh = nock(US, { reqheaders: { authorization: 'Bearer oauth_new', 'intercom-version': '2.14' } })
			.get('/contacts')
			.query({ per_page: '150' })
			.reply(200, page(0, 2, 'cur-1'))
			.get('/contacts')
			.query({ per_page: '150', starting_after: 'cur-1' })
			.reply(200, page(2, 2));
		const result = await runNode({
			parameters: { authentication: 'oAuth2', ...RETURN_ALL },
			credentials: oauth2({ access_token: 'oauth_old', refresh_token: 'refresh_1' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
		expect(old.isDone()).toBe(true);
		expect(token.isDone()).toBe(true);
		expect(refreshBody).toContain('grant_type=refresh_token');
		expect(fresh.isDone()).toBe(true);
		expect(unmatched.count()).toBe(0);
	});

	it('OAuth2: still 401 with the refreshed token → one refresh, the request sent twice, a 401 error without any token', async () => {
		const unauthorized = { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] };
		const api = nock(US)
			.get('/contacts')
			.query({ per_page: '150' })
			.matchHeader('authorization', 'Bearer oauth_old')
			.reply(401, unauthorized)
			.get('/contacts')
			.query({ per_page: '150' })
			.matchHeader('authorization', 'Bearer oauth_new')
			.reply(401, unauthorized);
		const token = nock(US).post('/auth/eagle/token').once().reply(200, { access_token: 'oauth_new', refresh_token: 'refresh_2', token_type: 'bearer' });
		const result = await runNode({
			parameters: { authentication: 'oAuth2', ...RETURN_ALL },
			credentials: oauth2({ access_token: 'oauth_old', refresh_token: 'refresh_1' }),
		});
		expect(result.error?.message).toMatch(/401|unauthori[sz]ed|Access Token Invalid/i);
		const shown = JSON.stringify({ message: result.error?.message, description: result.error?.description, context: result.error?.context });
		for (const secret of ['oauth_old', 'oauth_new', 'refresh_1', 'refresh_2', 'client-secret-xyz']) expect(shown).not.toContain(secret);
		expect(api.isDone()).toBe(true);
		expect(token.isDone()).toBe(true);
		expect(unmatched.count()).toBe(0);
	});
});
