import nock from 'nock';

import { runNode } from '../helpers/n8n';
import { unmatchedRequests } from '../helpers/requests';

const ME = { type: 'admin', id: '991267708', email: 'ops@example.com' };

function accessToken(extra: Record<string, unknown>) {
	return { intercomAccessTokenApi: { accessToken: 'tok_secret_123', apiVersion: '2.14', ...extra } };
}

function oauth2(extra: Record<string, unknown>) {
	return {
		intercomOAuth2Api: {
			apiVersion: '2.14',
			clientId: 'client-1',
			clientSecret: 'client-secret-xyz',
			grantType: 'authorizationCode',
			authentication: 'body',
			authUrl: 'https://app.intercom.com/oauth',
			accessTokenUrl: 'https://api.intercom.io/auth/eagle/token',
			scope: '',
			oauthTokenData: { token_type: 'bearer', access_token: 'oauth_access_456' },
			...extra,
		},
	};
}

const cases: Array<{ label: string; region: string; baseUrl?: string; host: string; prefix?: string }> = [
	{ label: 'US', region: 'us', host: 'https://api.intercom.io' },
	{ label: 'EU', region: 'eu', host: 'https://api.eu.intercom.io' },
	{ label: 'AU', region: 'au', host: 'https://api.au.intercom.io' },
	{ label: 'custom base URL with a path prefix', region: 'custom', baseUrl: 'http://proxy.test:8080/intercom/', host: 'http://proxy.test:8080', prefix: '/intercom' },
];

describe('every request carries Authorization, Intercom-Version and Accept', () => {
	afterEach(() => nock.cleanAll());

	for (const c of cases) {
		it(`access token, ${c.label}`, async () => {
			const scope = nock(c.host, {
				reqheaders: { authorization: 'Bearer tok_secret_123', 'intercom-version': '2.14', accept: 'application/json' },
			})
				.get(`${c.prefix ?? ''}/me`)
				.reply(200, ME);
			const result = await runNode({
				parameters: { resource: 'admin', operation: 'getCurrent' },
				credentials: accessToken({ region: c.region, baseUrl: c.baseUrl }),
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([ME]);
			expect(scope.isDone()).toBe(true);
		});

		it(`OAuth2, ${c.label}`, async () => {
			const scope = nock(c.host, {
				reqheaders: { authorization: 'Bearer oauth_access_456', 'intercom-version': '2.14', accept: 'application/json' },
			})
				.get(`${c.prefix ?? ''}/me`)
				.reply(200, ME);
			const result = await runNode({
				parameters: { authentication: 'oAuth2', resource: 'admin', operation: 'getCurrent' },
				credentials: oauth2({ region: c.region, baseUrl: c.baseUrl }),
			});
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([ME]);
			expect(scope.isDone()).toBe(true);
		});
	}

	it('sends the API version the credential names', async () => {
		const scope = nock('https://api.intercom.io', { reqheaders: { 'intercom-version': '2.13' } }).get('/me').reply(200, ME);
		const result = await runNode({
			parameters: { resource: 'admin', operation: 'getCurrent' },
			credentials: accessToken({ region: 'us', apiVersion: '2.13' }),
		});
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('refuses a custom base URL that is not http(s), sending nothing', async () => {
		const unmatched = unmatchedRequests();
		const result = await runNode({
			parameters: { resource: 'admin', operation: 'getCurrent' },
			credentials: accessToken({ region: 'custom', baseUrl: 'ftp://proxy.test' }),
		});
		expect(result.error?.message).toContain('Base URL');
		expect(unmatched.count()).toBe(0);
		unmatched.stop();
	});
});
