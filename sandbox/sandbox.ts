/**
 * The sandbox's state: workspaces, tokens, OAuth clients, behaviours
 * (rate limits, faults, conformance), the request log, and the route table.
 * The HTTP layer (server.ts) is a thin pipeline over this object.
 */
import { ActivitySimulator } from './activity';
import { AuthRegistry, OAuthClient } from './auth';
import { SandboxClock } from './clock';
import { ConformanceChecker } from './conformance';
import { FaultInjector } from './faults';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import { routes } from './api/routes';
import { seedWorkspace, SeedOptions } from './seed';
import { DEFAULT_SETTINGS, SandboxSettings } from './settings';
import { BASE_SPEC_VERSION, isSpecVersion, loadSpec, SPEC_VERSIONS, SpecRouter, type SpecVersion } from './spec';
import { assertTimeZone } from './timezone';
import { Workspace } from './store/workspace';
import { WebhookDispatcher } from './webhooks';
import type { RouteTable } from './api/context';

export interface WorkspaceSpec {
	/** Short id (`id_code`). */
	idCode: string;
	name?: string;
	timezone?: string;
	/** Access tokens bound to this workspace (one is generated if omitted). */
	tokens?: string[];
	seed?: SeedOptions | false;
}

export interface SandboxOptions {
	seed?: SeedOptions | false;
	rateLimit?: { limit?: number; windowSeconds?: number; enabled?: boolean };
	searchDelaySeconds?: number;
	timezone?: string;
	strictVersion?: boolean;
	clock?: SandboxClock | (() => number);
	/** Token for the default workspace (generated if omitted). */
	token?: string;
	/** Extra workspaces besides the default one. */
	workspaces?: WorkspaceSpec[];
	oauth?: { clientId?: string; clientSecret?: string };
	settings?: Partial<SandboxSettings>;
	/** Seed for probabilistic faults. */
	faultSeed?: number;
}

export const DEFAULT_WORKSPACE_ID = 'sbx0main';
export const DEFAULT_TOKEN = 'sandbox-token-main';

export class Sandbox {
	readonly clock: SandboxClock;
	readonly settings: SandboxSettings;
	readonly workspaces = new Map<string, Workspace>();
	readonly auth = new AuthRegistry();
	readonly rateLimiter: RateLimiter;
	readonly faults = new FaultInjector();
	readonly log = new RequestLog();
	/** The 2.14 description (the package's default version). */
	readonly spec = new SpecRouter();
	readonly conformance = new ConformanceChecker(this.spec);
	/** One route table and checker per API version the sandbox holds a description of. */
	private readonly versions = new Map<SpecVersion, { spec: SpecRouter; conformance: ConformanceChecker }>([
		[BASE_SPEC_VERSION, { spec: this.spec, conformance: this.conformance }],
	]);
	readonly routes: RouteTable = routes;
	readonly activity: ActivitySimulator;
	readonly webhooks: WebhookDispatcher;
	readonly defaultWorkspaceId: string;
	readonly token: string;
	readonly oauthClient: OAuthClient;
	private readonly workspaceSeeds = new Map<string, SeedOptions | false>();

	constructor(readonly options: SandboxOptions = {}) {
		this.clock = options.clock instanceof SandboxClock ? options.clock : new SandboxClock(options.clock);
		this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
		if (options.strictVersion !== undefined) this.settings.strictVersion = options.strictVersion;
		this.rateLimiter = new RateLimiter(options.rateLimit ?? {});
		if (options.faultSeed !== undefined) this.faults.seed(options.faultSeed);
		if (options.timezone) assertTimeZone(options.timezone);
		this.defaultWorkspaceId = DEFAULT_WORKSPACE_ID;
		this.webhooks = new WebhookDispatcher(this.clock, (idCode) => this.workspace(idCode));
		this.token = options.token ?? DEFAULT_TOKEN;
		this.addWorkspace({ idCode: DEFAULT_WORKSPACE_ID, name: 'Sandbox Workspace', timezone: options.timezone, tokens: [this.token], seed: options.seed });
		for (const spec of options.workspaces ?? []) this.addWorkspace(spec);
		this.oauthClient = this.auth.addClient({
			clientId: options.oauth?.clientId ?? 'sandbox-client-id',
			clientSecret: options.oauth?.clientSecret ?? 'sandbox-client-secret',
			workspace: DEFAULT_WORKSPACE_ID,
		});
		this.activity = new ActivitySimulator(() => this.workspace());
	}

	/** Adds (and seeds) a workspace; returns it. */
	addWorkspace(spec: WorkspaceSpec): Workspace {
		if (spec.timezone) assertTimeZone(spec.timezone);
		const ws = new Workspace({
			idCode: spec.idCode,
			name: spec.name,
			timezone: spec.timezone,
			clock: this.clock,
			searchDelaySeconds: this.options.searchDelaySeconds ?? 0,
		});
		this.workspaces.set(ws.idCode, ws);
		this.webhooks.watch(ws);
		const tokens = spec.tokens && spec.tokens.length > 0 ? spec.tokens : [undefined];
		for (const token of tokens) this.auth.addToken(ws.idCode, token);
		this.workspaceSeeds.set(ws.idCode, spec.seed ?? {});
		if (spec.seed !== false) seedWorkspace(ws, spec.seed ?? {});
		return ws;
	}

	/** A workspace by id_code (default: the main one). */
	workspace(idCode: string = this.defaultWorkspaceId): Workspace {
		const ws = this.workspaces.get(idCode);
		if (!ws) throw new Error(`no workspace ${idCode}`);
		return ws;
	}

	/** Empties a workspace and seeds it again (with new options if given). */
	reseed(idCode: string = this.defaultWorkspaceId, seed?: SeedOptions | false): Workspace {
		const ws = this.workspace(idCode);
		ws.clear();
		const options = seed === undefined ? this.workspaceSeeds.get(idCode) ?? {} : seed;
		this.workspaceSeeds.set(idCode, options);
		if (options !== false) seedWorkspace(ws, options);
		return ws;
	}

	/** Back to a freshly started state: reseeded workspaces, empty logs, no faults, fresh rate windows. */
	reset(): void {
		for (const id of this.workspaces.keys()) this.reseed(id);
		this.log.clear();
		this.faults.clear();
		this.rateLimiter.reset();
		this.webhooks.clear();
	}

	/**
	 * The description a request is checked against, by its Intercom-Version header: 2.15 and 2.16
	 * their own; anything else 2.14's, whose enum accepts the versions up to 2.14 (Intercom serves
	 * them) and refuses the rest (Intercom answers 400 intercom_version_invalid).
	 */
	forVersion(header: string | undefined): { version: SpecVersion; spec: SpecRouter; conformance: ConformanceChecker } {
		const version = header !== undefined && isSpecVersion(header) ? header : BASE_SPEC_VERSION;
		let entry = this.versions.get(version);
		if (!entry) {
			const spec = new SpecRouter(loadSpec(version));
			entry = { spec, conformance: new ConformanceChecker(spec) };
			this.versions.set(version, entry);
		}
		return { version, ...entry };
	}

	static readonly versions = SPEC_VERSIONS;

	setSearchDelay(seconds: number): void {
		for (const ws of this.workspaces.values()) ws.searchDelaySeconds = seconds;
	}
}
