/**
 * Secrets never leave through a failure. Against a server that repeats every secret in every
 * answer, on every failure path (401, 403, 404, 422, a 429 storm, 5xx, a reset, a timeout, an HTML
 * page, a cut-off or empty body), with either credential, through the action node (stopping, or
 * continuing on fail) and the trigger: the access token, the OAuth client secret and the OAuth
 * tokens appear in no error (message, description, stack, anything it holds), no output item, no
 * static data, and no line logged through n8n's LoggerProxy or the console.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { IntercomTrigger } from '../../nodes/IntercomTrigger/IntercomTrigger.node';
import { DEFAULT_RETRY_POLICY } from '../../nodes/shared/transport/client';
import { poll, registerNodeType, runNode } from '../helpers/n8n';
import { recordWaits } from '../helpers/requests';
import { leakyServer, type LeakyMode } from './leaky-server';

const TRIGGER = 'n8n-nodes-intercom.intercomTrigger';
registerNodeType(TRIGGER, new IntercomTrigger());

// Shaped like real ones: base64 alphabets, with the characters JSON and URLs escape.
const ACCESS_TOKEN = 'dG9rOjE2Nzg5+secret/AcCeSs=';
const CLIENT_SECRET = 'cs_9f8e7d6c5b4a+secret/ClIeNt';
const OAUTH_ACCESS_TOKEN = 'oat_4c3b2a19+secret/OaUtH=';
const REFRESH_TOKEN = 'ort_0a9b8c7d+secret/ReFrEsH';
const SECRETS = [ACCESS_TOKEN, CLIENT_SECRET, OAUTH_ACCESS_TOKEN, REFRESH_TOKEN];
/** What each credential holds: the server repeats these. */
const HELD: Record<string, string[]> = { 'access token': [ACCESS_TOKEN], OAuth2: [CLIENT_SECRET, OAUTH_ACCESS_TOKEN, REFRESH_TOKEN] };

let server: Awaited<ReturnType<typeof leakyServer>>;
let waits: ReturnType<typeof recordWaits>;
const logged: string[] = [];
const defaults = { ...DEFAULT_RETRY_POLICY };

beforeAll(async () => {
	nock.restore(); // only the loopback server is called
	server = await leakyServer();
	const record =
		(level: string) =>
		(message: string, meta: object = {}) =>
			logged.push(`${level} ${message} ${everything(meta)}`);
	LoggerProxy.init({ error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') });
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(`console.${method} ${everything(args)}`));
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await server.close();
});
beforeEach(() => {
	waits = recordWaits(0.5);
	Object.assign(DEFAULT_RETRY_POLICY, { maxTotalWaitMs: 300 });
});
afterEach(() => {
	waits.restore();
	Object.assign(DEFAULT_RETRY_POLICY, defaults);
});

/** Every string reachable from a value: own properties (message and stack included), nested, once each. */
function everything(value: unknown, seen = new WeakSet<object>(), depth = 0): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (typeof value === 'function' || seen.has(value as object) || depth > 12) return '';
	seen.add(value as object);
	if (Buffer.isBuffer(value)) return value.toString('utf8');
	return Object.getOwnPropertyNames(value)
		.map((key) => `${key}=${everything((value as Record<string, unknown>)[key], seen, depth + 1)}`)
		.join(' ');
}

/** A secret in any encoding a server can send it back in: raw, JSON-escaped, URL-encoded, base64 (also inside a longer base64 text). */
function encodings(secret: string): string[] {
	const b64 = (s: string) => Buffer.from(s).toString('base64');
	return [
		secret,
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
		b64(secret).replace(/=+$/, ''),
		Buffer.from(secret).toString('base64url'),
		// "client-1:" is 9 bytes: the secret starts on a base64 group boundary, its encoding is whole inside.
		b64(`client-1:${secret}`).slice(12, 12 + Math.floor(secret.length / 3) * 4),
	];
}

function leaks(text: string): string[] {
	return SECRETS.filter((secret) => encodings(secret).some((form) => text.includes(form)));
}

const CREDENTIALS: Record<string, () => Record<string, ICredentialDataDecryptedObject>> = {
	'access token': () => ({ intercomAccessTokenApi: { region: 'custom', baseUrl: server.baseUrl, accessToken: ACCESS_TOKEN, apiVersion: '2.14', timeoutSeconds: 0.2 } }),
	OAuth2: () => ({
		intercomOAuth2Api: {
			region: 'custom',
			baseUrl: server.baseUrl,
			apiVersion: '2.14',
			timeoutSeconds: 0.2,
			clientId: 'client-1',
			clientSecret: CLIENT_SECRET,
			grantType: 'authorizationCode',
			authentication: 'body',
			authUrl: `${server.baseUrl}/oauth`,
			accessTokenUrl: `${server.baseUrl}/auth/eagle/token`,
			scope: '',
			oauthTokenData: { token_type: 'bearer', access_token: OAUTH_ACCESS_TOKEN, refresh_token: REFRESH_TOKEN },
		},
	}),
};

const MODES: LeakyMode[] = [401, 403, 404, 422, 429, 500, 503, 'reset', 'hang', 'html', 'truncated', 'empty'];
const CASES = Object.keys(CREDENTIALS).flatMap((credential) => MODES.map((mode) => [credential, mode] as const));

const auth = (credential: string) => (credential === 'OAuth2' ? 'oAuth2' : 'accessToken');

describe.each(CASES)('%s, %s', (credential, mode) => {
	beforeEach(() => {
		server.set(mode, HELD[credential]);
		logged.length = 0;
	});

	it.each([
		['a GET', { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '6762f0d51bb69f9f2193bb7f' } }],
		['a POST', { resource: 'tag', operation: 'create', name: 'vip' }],
	])('the action node, %s: stopped and continuing on fail, nothing leaks', async (_what, parameters) => {
		for (const continueOnFail of [false, true]) {
			const result = await runNode({ parameters: { authentication: auth(credential), ...parameters }, credentials: CREDENTIALS[credential](), continueOnFail });
			const failure = continueOnFail ? result.items[0]?.json : result.error;
			expect(everything(failure)).toMatch(/Intercom|JSON|credential|rate-limited|not found|Rejected/);
			expect(server.requests()).toBeGreaterThan(0);
			expect(leaks(everything(result.error))).toEqual([]);
			expect(leaks(everything(result.items))).toEqual([]);
			expect(leaks(everything(result.run))).toEqual([]);
		}
		expect(leaks(logged.join('\n'))).toEqual([]);
	});

	it('the trigger: the poll fails, nothing leaks, the static data holds no secret', async () => {
		const staticData: IDataObject = {};
		let error: unknown;
		try {
			await poll({ nodeType: TRIGGER, parameters: { authentication: auth(credential), event: 'conversation.created' }, credentials: CREDENTIALS[credential](), staticData });
		} catch (e) {
			error = e;
		}
		expect(error).toBeDefined();
		expect(leaks(everything(error))).toEqual([]);
		expect(leaks(JSON.stringify(staticData))).toEqual([]);
		expect(leaks(logged.join('\n'))).toEqual([]);
	});
});

describe('the check itself', () => {
	it('finds a secret in a nested, non-enumerable place, raw or JSON-escaped', () => {
		const error = new Error('boom');
		Object.defineProperty(error, 'hidden', { value: { config: { headers: { Authorization: `Bearer ${ACCESS_TOKEN}` } } }, enumerable: false });
		expect(leaks(everything(error))).toEqual([ACCESS_TOKEN]);
		expect(leaks(JSON.stringify({ s: CLIENT_SECRET.replace('/', '\\/') }))).toEqual([]);
		expect(leaks(JSON.stringify({ s: `a"${REFRESH_TOKEN}` }))).toEqual([REFRESH_TOKEN]);
		expect(leaks(`x=${encodeURIComponent(ACCESS_TOKEN)}`)).toEqual([ACCESS_TOKEN]);
		expect(leaks(`Basic ${Buffer.from(`client-1:${CLIENT_SECRET}`).toString('base64')}`)).toEqual([CLIENT_SECRET]);
		expect(leaks(Buffer.from(OAUTH_ACCESS_TOKEN).toString('base64'))).toEqual([OAUTH_ACCESS_TOKEN]);
	});
});
