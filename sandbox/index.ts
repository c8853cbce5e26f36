/**
 * Intercom sandbox: an Intercom-compatible local API server (API 2.14, 2.15 and 2.16) for
 * tests and benchmarks. Dev tooling only — never import it from nodes/ or
 * credentials/.
 *
 * @example
 * ```ts
 * import { startSandbox } from '../../sandbox';
 *
 * const sb = await startSandbox({ port: 0, seed: { contacts: 500 } });
 * const res = await fetch(`${sb.baseUrl}/contacts?per_page=50`, {
 *   headers: { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': '2.14' },
 * });
 * expect(sb.log.nonConformant()).toEqual([]);
 * await sb.close();
 * ```
 */
import type { AddressInfo } from 'node:net';
import { createSandboxServer, type TlsOptions } from './server';
import { Sandbox, SandboxOptions } from './sandbox';
import type { ActivitySimulator } from './activity';
import type { SandboxClock } from './clock';
import type { FaultInjector } from './faults';
import type { RateLimitSettings } from './rate-limit';
import type { DuplicatePost, LoggedRequest } from './request-log';
import type { SandboxSettings } from './settings';
import type { Workspace } from './store/workspace';

export type { SandboxOptions, WorkspaceSpec } from './sandbox';
export type { TlsOptions } from './server';
export type { SeedOptions } from './seed';
export type { Fault, ScriptedFault, RandomFault } from './faults';
export type { LoggedRequest, ConformanceVerdict, DuplicatePost } from './request-log';
export type { ChangeEntry, ChangeKind } from './store/change-log';
export type { ActivityPlan, ActivityResult } from './activity';
export type { SandboxSettings } from './settings';
export { Sandbox } from './sandbox';
export { SandboxClock } from './clock';
export { Workspace } from './store/workspace';
export { validateSchema, formatProblems } from './schema-validator';
export type { Schema, SchemaProblem } from './schema-validator';
export { loadSpec, SpecRouter } from './spec';

export interface StartOptions extends SandboxOptions {
	/** Port to listen on; 0 (default) picks a free one. */
	port?: number;
	/** Interface to bind; default 127.0.0.1. */
	host?: string;
	/** Serve HTTPS with this certificate and key (PEM) instead of HTTP; the base URL becomes https://. */
	tls?: TlsOptions;
}

/** Read access to the API request log (control requests are not logged). */
export interface RequestLogAccess {
	/** Every API request answered so far, oldest first. */
	requests(): LoggedRequest[];
	/** Requests whose conformance verdict failed (expect `[]` from a well-behaved client). */
	nonConformant(): LoggedRequest[];
	/** POSTs seen more than once with identical method, path and body. */
	duplicatePosts(): DuplicatePost[];
	clear(): void;
}

export interface RunningSandbox {
	/** e.g. `http://127.0.0.1:4010` — use as the Intercom API base URL. */
	baseUrl: string;
	port: number;
	/** A valid Bearer access token for the default workspace. */
	token: string;
	/** The default workspace's store, for direct inspection or mutation (and `workspace.changes`). */
	workspace: Workspace;
	/** Any workspace by id_code. */
	workspaceById(idCode: string): Workspace;
	/** Request log with conformance verdicts. */
	log: RequestLogAccess;
	/** Fault injection: `faults.inject({method, path, fault, count})`, `faults.addRandom(...)`, `faults.clear()`. */
	faults: FaultInjector;
	/** Simulated customer/teammate activity: `activity.run({newContacts: 3, userReplies: 2, ...})`. */
	activity: ActivitySimulator;
	/** The registered OAuth client and helpers for the authorize/token endpoints. */
	oauth: { clientId: string; clientSecret: string; authorizeUrl(redirectUri: string, state?: string): string; tokenUrl: string };
	/** The sandbox clock (freeze, offset, advance). */
	clock: SandboxClock;
	/** Behaviour switches (conformance, strictVersion, rateLimit, faults, validateResponses). */
	settings: SandboxSettings;
	/** Reconfigures rate limiting (resets the current windows). */
	setRateLimit(settings: Partial<RateLimitSettings>): void;
	/** Seconds before newly created contacts become visible to search, for all workspaces. */
	setSearchDelay(seconds: number): void;
	/** Reseeds every workspace and clears logs, faults and rate windows. */
	reset(): void;
	/** The full sandbox state object (advanced use). */
	sandbox: Sandbox;
	/** TCP connections accepted since the sandbox started (a client that keeps its connection alive opens one). */
	connectionsOpened(): number;
	/** Stops listening and drops open connections (including hung ones). */
	close(): Promise<void>;
}

/**
 * Starts an in-process sandbox.
 *
 * Options: `port` (default 0), `seed` (sizes, PRNG seed; `false` for an empty
 * workspace), `rateLimit: {limit, windowSeconds}` (default 1000 per 10 s),
 * `searchDelaySeconds` (default 0), `timezone` (default America/New_York),
 * `strictVersion` (reject requests without Intercom-Version), `clock`
 * (a SandboxClock or a `() => epochMs` source), `token`, `workspaces`
 * (extra workspaces with their own tokens), `oauth: {clientId, clientSecret}`,
 * `settings` (behaviour switches).
 */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
	const sandbox = new Sandbox(options);
	const { server, sockets, connections } = createSandboxServer(sandbox, options.tls);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	server.keepAliveTimeout = 5000;
	const port = (server.address() as AddressInfo).port;
	const baseUrl = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
	return {
		baseUrl,
		port,
		token: sandbox.token,
		workspace: sandbox.workspace(),
		workspaceById: (idCode) => sandbox.workspace(idCode),
		log: {
			requests: () => sandbox.log.requests(),
			nonConformant: () => sandbox.log.nonConformant(),
			duplicatePosts: () => sandbox.log.duplicatePosts(),
			clear: () => sandbox.log.clear(),
		},
		faults: sandbox.faults,
		activity: sandbox.activity,
		oauth: {
			clientId: sandbox.oauthClient.clientId,
			clientSecret: sandbox.oauthClient.clientSecret,
			authorizeUrl: (redirectUri, state = '') =>
				`${baseUrl}/oauth?${new URLSearchParams({ client_id: sandbox.oauthClient.clientId, redirect_uri: redirectUri, state })}`,
			tokenUrl: `${baseUrl}/auth/eagle/token`,
		},
		clock: sandbox.clock,
		settings: sandbox.settings,
		setRateLimit: (s) => {
			sandbox.rateLimiter.configure(s);
			if (s.enabled !== undefined) sandbox.settings.rateLimit = s.enabled;
		},
		setSearchDelay: (seconds) => sandbox.setSearchDelay(seconds),
		reset: () => sandbox.reset(),
		sandbox,
		connectionsOpened: connections,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
				server.closeAllConnections?.();
			}),
	};
}
