/**
 * OAuth2 token refresh through n8n-core's own OAuth2 helper: a 401 on an OAuth2 credential that
 * holds a refresh token goes to the token endpoint (the sandbox's `/auth/eagle/token`), and the
 * request is sent once more with the new token. The transport lets n8n see that 401 (every
 * other status is still answered to the node, not thrown).
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { IntercomTrigger } from '../../nodes/IntercomTrigger/IntercomTrigger.node';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { poll, registerNodeType, runLoadOptions, runNode } from '../helpers/n8n';

// The trigger polls through n8n-core like the action node runs.
registerNodeType('n8n-nodes-intercom.intercomTrigger', new IntercomTrigger());

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

let sb: RunningSandbox;
beforeAll(async () => {
	nock.restore(); // the sandbox and its token endpoint are on loopback
	sb = await startSandbox({ port: 0, seed: { contacts: 2, conversations: 0, articles: 0, companies: 0 } });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.log.clear());

const STALE = 'dG9rOjstale-token-the-sandbox-never-issued';

function oauthCredentials(tokenData: IDataObject): Record<string, ICredentialDataDecryptedObject> {
	return {
		intercomOAuth2Api: {
			region: 'custom',
			baseUrl: sb.baseUrl,
			apiVersion: '2.14',
			clientId: sb.oauth.clientId,
			clientSecret: sb.oauth.clientSecret,
			grantType: 'authorizationCode',
			authentication: 'body',
			authUrl: `${sb.baseUrl}/oauth`,
			accessTokenUrl: sb.oauth.tokenUrl,
			scope: '',
			oauthTokenData: { token_type: 'bearer', ...tokenData },
		},
	};
}

const whoAmI = { authentication: 'oAuth2', resource: 'admin', operation: 'getCurrent' };
const tokenCalls = () => sb.log.requests().filter((r) => r.kind === 'oauth' && r.path === '/auth/eagle/token');
const meCalls = () => sb.log.requests().filter((r) => r.kind === 'api' && r.method === 'GET' && r.path === '/me');

describe('OAuth2 token refresh', () => {
	it('a 401 with a refresh token: n8n refreshes, the request is sent once more with the new token, the credential keeps it', async () => {
		const refreshToken = sb.sandbox.auth.issueRefreshToken(sb.oauth.clientId, sb.sandbox.defaultWorkspaceId);
		const credentials = oauthCredentials({ access_token: STALE, refresh_token: refreshToken });
		const result = await runNode({ parameters: whoAmI, credentials });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.type)).toEqual(['admin']);

		expect(tokenCalls()).toHaveLength(1);
		expect(tokenCalls()[0].body).toMatchObject({ grant_type: 'refresh_token', client_id: sb.oauth.clientId });
		const calls = meCalls();
		expect(calls.map((c) => c.status)).toEqual([401, 200]);
		expect(calls[0].headers.authorization).toBe(`Bearer ${STALE}`);
		const renewed = calls[1].headers.authorization?.replace(/^Bearer /, '');
		expect(renewed).not.toBe(STALE);
		expect(sb.sandbox.auth.tokensFor(sb.sandbox.defaultWorkspaceId)).toContain(renewed);

		// The next execution uses the stored new token straight away: no 401, no refresh.
		sb.log.clear();
		const again = await runNode({ parameters: whoAmI, credentials });
		expect(again.error).toBeUndefined();
		expect(tokenCalls()).toHaveLength(0);
		expect(meCalls().map((c) => c.status)).toEqual([200]);
	});

	it('a 401 without a refresh token: no token call, a clear 401 error about the credential', async () => {
		const result = await runNode({ parameters: whoAmI, credentials: oauthCredentials({ access_token: STALE }) });
		expect(tokenCalls()).toHaveLength(0);
		expect(meCalls().map((c) => c.status)).toEqual([401]);
		expect(result.error?.message).toBe('Intercom rejected the credential (401 unauthorized): check the token and the region');
		expect(result.error?.description).toMatch(/n8n could not refresh the OAuth2 token: .*no refresh token/);
		expect(JSON.stringify(result.error)).not.toContain(STALE);
	});

	it('a refresh the token endpoint refuses: one token call, the request is not sent again, a clear 401 error', async () => {
		const result = await runNode({ parameters: whoAmI, credentials: oauthCredentials({ access_token: STALE, refresh_token: 'ref_revoked' }) });
		expect(tokenCalls()).toHaveLength(1);
		expect(meCalls().map((c) => c.status)).toEqual([401]);
		expect(result.error?.message).toBe('Intercom rejected the credential (401 unauthorized): check the token and the region');
		expect(result.error?.description).toMatch(/n8n could not refresh the OAuth2 token/);
		expect(JSON.stringify(result.error)).not.toContain('ref_revoked');
	});

	it('a 401 for the new token too: sent twice in all, then the 401 error', async () => {
		const refreshToken = sb.sandbox.auth.issueRefreshToken(sb.oauth.clientId, sb.sandbox.defaultWorkspaceId);
		// Every token the sandbox issues from now on is revoked as soon as it is issued.
		const addToken = sb.sandbox.auth.addToken.bind(sb.sandbox.auth);
		const spy = jest.spyOn(sb.sandbox.auth, 'addToken').mockImplementation((workspace: string, token?: string) => {
			const issued = addToken(workspace, token);
			sb.sandbox.auth.revokeToken(issued);
			return issued;
		});
		try {
			const result = await runNode({ parameters: whoAmI, credentials: oauthCredentials({ access_token: STALE, refresh_token: refreshToken }) });
			expect(tokenCalls()).toHaveLength(1);
			expect(meCalls().map((c) => c.status)).toEqual([401, 401]);
			expect(result.error?.message).toBe('Intercom rejected the credential (401 unauthorized): check the token and the region');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('OAuth2 outside an action node', () => {
	// A trigger and an editor list have no input item: they read the node's Authentication choice
	// without one. With only an OAuth2 credential given, reading the other type would fail.
	it('a trigger poll and an editor list send the OAuth2 credential\'s token when Authentication is OAuth2', async () => {
		const token = sb.sandbox.auth.tokensFor(sb.sandbox.defaultWorkspaceId)[0];
		const credentials = oauthCredentials({ access_token: token });
		const emitted = await poll({
			nodeType: 'n8n-nodes-intercom.intercomTrigger',
			parameters: { authentication: 'oAuth2', event: 'contact.created' },
			credentials,
			staticData: {},
			pollBudgetMs: 60_000,
		});
		// The first activation reads from now: nothing to emit, and the cursor is saved.
		expect(emitted).toBeNull();
		const admins = await runLoadOptions('getAdmins', { credentials, parameters: { authentication: 'oAuth2', resource: 'conversation', operation: 'assign' } });
		expect(admins.length).toBeGreaterThan(0);
		const sent = sb.log.requests().filter((r) => r.kind === 'api');
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me', 'POST /contacts/search', 'GET /admins']);
		expect(sent.map((r) => [r.status, r.headers.authorization])).toEqual(sent.map(() => [200, `Bearer ${token}`]));
	});
});
