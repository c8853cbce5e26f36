/**
 * One real n8n instance for the demo and the e2e suite: its own user folder (SQLite database,
 * encryption key, community packages in `.n8n/nodes`), started with the cached Node 24, with
 * everything that would call out to the internet switched off.
 *
 *   const n8n = await N8nInstance.create({ version: '2.40.7', name: 'suite' });
 *   await n8n.cli(['import:credentials', `--input=${file}`]);
 *   await n8n.start();               // waits until the REST API answers
 *   await n8n.setupOwner(); await n8n.login();
 *   const types = await n8n.rest('GET', '/types/nodes.json');
 *   await n8n.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { ensureRuntime } from './install';
import { buildAndPack, installIntoUserFolder } from './package';
import { n8nDir, WORK_DIR } from './paths';
import { freePort, isRunning, sleep, stopProcess, track } from './processes';

export interface N8nCreateOptions {
	version: string;
	/** Folder name under `.e2e/` (made unique with a timestamp unless `userFolder` is given). */
	name: string;
	/** Use this folder as N8N_USER_FOLDER (kept between runs, as the demo does). */
	userFolder?: string;
	/** Editor/REST port; a free one by default. */
	port?: number;
	/** Extra environment for every n8n process of this instance. */
	env?: Record<string, string>;
	/** Skip installing the package (an already prepared user folder). */
	skipPackage?: boolean;
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'Intercom-e2e-1',
	firstName: 'Demo',
	lastName: 'Owner',
};

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	/** What n8n's logger wrote, one message a line. */
	messages: string[];
}

export class N8nError extends Error {}

export class N8nInstance {
	/** The editor's URL, as people (and the browser) use it. */
	readonly baseUrl: string;

	/** The same server by IP, for the suite's own HTTP calls (n8n listens on 127.0.0.1 only). */
	readonly apiUrl: string;

	readonly logFile: string;

	private server: ChildProcess | undefined;

	private cookie: string | undefined;

	private readonly browserId = `e2e-${randomBytes(8).toString('hex')}`;

	private constructor(
		readonly version: string,
		readonly userFolder: string,
		readonly port: number,
		private readonly nodeBin: string,
		private readonly n8nBin: string,
		private readonly extraEnv: Record<string, string>,
	) {
		this.baseUrl = `http://localhost:${port}`;
		this.apiUrl = `http://127.0.0.1:${port}`;
		this.logFile = path.join(userFolder, 'n8n.log');
	}

	static async create(options: N8nCreateOptions): Promise<N8nInstance> {
		const runtime = await ensureRuntime(options.version);
		const userFolder =
			options.userFolder ?? path.join(WORK_DIR, `${options.name}-${options.version}-${Date.now().toString(36)}`);
		fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
		if (!options.skipPackage) {
			const tarball = await buildAndPack();
			await installIntoUserFolder(userFolder, tarball);
		}
		const port = options.port ?? (await freePort());
		return new N8nInstance(options.version, userFolder, port, runtime.node, runtime.n8n, options.env ?? {});
	}

	get major(): number {
		return Number(this.version.split('.')[0]);
	}

	/** The environment of every n8n process of this instance. */
	async env(): Promise<NodeJS.ProcessEnv> {
		const env: NodeJS.ProcessEnv = {};
		// Only what n8n needs from the parent: no npm_* of the project, no stray N8N_* of the machine.
		for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS']) {
			if (process.env[key] !== undefined) env[key] = process.env[key];
		}
		env.PATH = `${path.dirname(this.nodeBin)}${path.delimiter}${env.PATH ?? ''}`;
		Object.assign(env, {
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			GENERIC_TIMEZONE: 'UTC',
			DB_TYPE: 'sqlite',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// Each n8n process runs its own task broker: give it a free port so that the CLI can run
			// while the server is up, and several instances side by side.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			// Nothing may call home: this machine (and CI) has no network but the npm registry.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ONBOARDING_FLOW_DISABLED: 'true',
			N8N_AI_ENABLED: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL ?? 'info',
			N8N_LOG_FORMAT: 'text',
			NODE_ENV: 'production',
		});
		if (this.major >= 2) {
			env.N8N_WEBHOOK_URL = `${this.baseUrl}/`;
			// The MCP server registry is fetched from n8n's API at startup (no network here).
			env.N8N_DISABLED_MODULES = 'mcp-registry';
		} else {
			env.WEBHOOK_URL = `${this.baseUrl}/`;
			// 1.x runs Code nodes in-process unless task runners are switched on (2.x always uses them).
			env.N8N_RUNNERS_ENABLED = 'true';
			env.N8N_RUNNERS_MODE = 'internal';
		}
		Object.assign(env, this.extraEnv);
		return env;
	}

	/** Appends a marked line to the instance's log, so that the log reads as a story of the run. */
	note(message: string): void {
		fs.appendFileSync(this.logFile, `\n===== [e2e ${new Date().toISOString()}] ${message}\n`);
	}

	/** The last `lines` lines of n8n's log (server and CLI output). */
	logTail(lines = 80): string {
		try {
			const text = fs.readFileSync(this.logFile, 'utf8');
			return text.split('\n').slice(-lines).join('\n');
		} catch {
			return '(no n8n log yet)';
		}
	}

	/**
	 * Runs an n8n CLI command (`import:workflow`, `execute`, …) to completion. Its output also goes to
	 * the instance log. Rejects with the output when it exits non-zero, unless `allowFailure`.
	 */
	async cli(args: string[], options: { allowFailure?: boolean; timeoutMs?: number } = {}): Promise<CliResult> {
		const env = await this.env();
		// Logger output goes to the log file only, so that stdout is the command's own output (JSON).
		env.N8N_LOG_OUTPUT = 'file';
		env.N8N_LOG_FILE_LOCATION = path.join(this.userFolder, 'n8n-cli.log');
		this.note(`n8n ${args.join(' ')}`);
		const child = track(
			spawn(this.nodeBin, [this.n8nBin, ...args], { cwd: this.userFolder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
		);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		const timeoutMs = options.timeoutMs ?? 180_000;
		const timer = setTimeout(() => void stopProcess(child, 2_000), timeoutMs);
		const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
		clearTimeout(timer);
		fs.appendFileSync(this.logFile, `${stdout}${stderr ? `\n[stderr]\n${stderr}` : ''}\n`);
		// Also keep the CLI's logger output in the one log (one JSON object a line).
		let logged = '';
		try {
			logged = fs.readFileSync(env.N8N_LOG_FILE_LOCATION, 'utf8');
			fs.rmSync(env.N8N_LOG_FILE_LOCATION);
		} catch {
			// no logger output
		}
		const messages = logged
			.split('\n')
			.filter(Boolean)
			.map((line) => {
				try {
					return String((JSON.parse(line) as { message?: unknown }).message ?? '');
				} catch {
					return line;
				}
			});
		fs.appendFileSync(this.logFile, messages.map((m) => (m.length > 4000 ? `${m.slice(0, 4000)}…` : m)).join('\n') + '\n');
		const result = { code, stdout, stderr, messages };
		if (code !== 0 && !options.allowFailure) {
			throw new N8nError(
				`n8n ${args.join(' ')} exited with ${code}${code === null ? ` (killed after ${timeoutMs} ms)` : ''}\n` +
					`--- stdout (tail)\n${stdout.split('\n').slice(-40).join('\n')}\n--- stderr (tail)\n${stderr.split('\n').slice(-40).join('\n')}\n` +
					`--- n8n log (tail)\n${messages.slice(-30).map((m) => m.slice(0, 3000)).join('\n')}`,
			);
		}
		return result;
	}

	/** Imports a file (or an array) of credentials; `data` may be plain JSON, n8n encrypts it. */
	async importCredentials(file: string): Promise<void> {
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows from a file, or every *.json of a folder. `activeState: fromJson` (2.x) keeps `active`. */
	async importWorkflows(fileOrDir: string): Promise<void> {
		const separate = fs.statSync(fileOrDir).isDirectory();
		await this.cli(['import:workflow', `--input=${fileOrDir}`, ...(separate ? ['--separate'] : [])]);
	}

	/** Activates (2.x: publishes) a workflow from the CLI; takes effect at the next `start`. */
	async activateWorkflow(id: string): Promise<void> {
		if (this.major >= 2) await this.cli(['publish:workflow', `--id=${id}`]);
		else await this.cli(['update:workflow', `--id=${id}`, '--active=true']);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		if (this.major >= 2) await this.cli(['unpublish:workflow', `--id=${id}`]);
		else await this.cli(['update:workflow', `--id=${id}`, '--active=false']);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`: runs a workflow from its Manual Trigger in a CLI process and
	 * returns n8n's run data (IRun). Rejects, with n8n's output, when the execution failed.
	 */
	async execute(id: string): Promise<ExecutionRun> {
		const { stdout, messages } = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		// n8n 1.x prints the run on stdout; 2.x hands it to its logger (the CLI log file here).
		const candidates = [stdout.slice(Math.max(0, stdout.indexOf('{'))), ...messages.filter((m) => m.startsWith('{')).reverse()];
		for (const text of candidates) {
			try {
				const run = JSON.parse(text) as ExecutionRun;
				if (run?.data?.resultData) return run;
			} catch {
				// not the run
			}
		}
		throw new N8nError(`n8n execute --id=${id} reported no run data:\n${stdout.slice(-2000)}\n${messages.slice(-20).join('\n')}`);
	}

	/** The process id of `n8n start` while it runs (the bench reads its memory and CPU profile). */
	get pid(): number | undefined {
		return this.running ? this.server?.pid : undefined;
	}

	get running(): boolean {
		return this.server !== undefined && isRunning(this.server);
	}

	/** Activates (2.x: publishes) a workflow through the REST API, as the editor's toggle does. */
	async activateViaRest(id: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string; active: boolean }>('GET', `/rest/workflows/${id}`);
		await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
	}

	/**
	 * Waits until a production webhook answers (n8n registers them shortly after activation).
	 * Probes with a CORS preflight (OPTIONS), which n8n answers for a registered path without running
	 * the workflow.
	 */
	async waitForWebhook(webhookPath: string, method = 'POST', timeoutMs = 30_000): Promise<void> {
		const started = Date.now();
		let status = 0;
		while (Date.now() - started < timeoutMs) {
			const res = await fetch(`${this.apiUrl}/webhook/${webhookPath}`, {
				method: 'OPTIONS',
				headers: { origin: this.baseUrl, 'access-control-request-method': method },
				signal: AbortSignal.timeout(5_000),
			}).catch(() => undefined);
			status = res?.status ?? 0;
			await res?.arrayBuffer().catch(() => undefined);
			// 204 once registered; 404 or 500 before.
			if (status >= 200 && status < 300) return;
			await sleep(500);
		}
		throw new N8nError(`the webhook /webhook/${webhookPath} was not registered within ${timeoutMs} ms (last status ${status})`);
	}

	/** Whether n8n has the workflow active right now (REST). */
	async isActive(id: string): Promise<boolean> {
		const ids = await this.rest<string[]>('GET', '/rest/active-workflows');
		return ids.includes(id);
	}

	/** `n8n start`; resolves when the REST API answers, rejects (with the log tail) if n8n exits first. */
	async start(timeoutMs = 180_000): Promise<void> {
		if (this.running) return;
		const env = await this.env();
		env.N8N_LOG_OUTPUT = 'console';
		this.note(`n8n start (port ${this.port})`);
		const out = fs.openSync(this.logFile, 'a');
		const child = track(
			spawn(this.nodeBin, [this.n8nBin, 'start'], { cwd: this.userFolder, env, detached: true, stdio: ['ignore', out, out] }),
		);
		fs.closeSync(out);
		this.server = child;
		this.cookie = undefined;
		const started = Date.now();
		while (Date.now() - started < timeoutMs) {
			if (!isRunning(child)) {
				throw new N8nError(`n8n exited while starting (code ${child.exitCode})\n--- n8n log (tail)\n${this.logTail()}`);
			}
			try {
				// Until its REST routes are mounted, n8n answers /rest/* with 404 or the editor's HTML.
				const res = await fetch(`${this.apiUrl}/rest/settings`, { signal: AbortSignal.timeout(2_000) });
				if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
					this.note(`n8n answers after ${((Date.now() - started) / 1000).toFixed(1)}s`);
					return;
				}
			} catch {
				// not listening yet
			}
			await sleep(500);
		}
		throw new N8nError(`n8n did not answer within ${timeoutMs} ms\n--- n8n log (tail)\n${this.logTail()}`);
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.note('stopping n8n');
		await stopProcess(this.server);
		this.server = undefined;
		this.cookie = undefined;
	}

	/** A REST call on the editor's API (`/rest/…`, `/types/…`), with the owner's session if logged in. */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const res = await this.fetchRaw(method, urlPath, body);
		const text = await res.text();
		if (!res.ok) throw new N8nError(`${method} ${urlPath} → ${res.status}: ${text.slice(0, 2000)}`);
		const json = text ? (JSON.parse(text) as unknown) : undefined;
		// n8n wraps REST answers in { data }, but not the static /types files.
		if (json && typeof json === 'object' && !Array.isArray(json) && 'data' in json && urlPath.startsWith('/rest/')) {
			return (json as { data: T }).data;
		}
		return json as T;
	}

	async fetchRaw(method: string, urlPath: string, body?: unknown): Promise<Response> {
		const headers: Record<string, string> = { 'browser-id': this.browserId, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const res = await fetch(`${this.apiUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		return res;
	}

	/** Creates the owner account on a fresh instance (no-op if it exists), then logs in. */
	async setupOwner(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const settings = await this.rest<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
		if (settings.userManagement?.showSetupOnFirstLoad !== false) {
			await this.rest('POST', '/rest/owner/setup', {
				email: owner.email,
				password: owner.password,
				firstName: owner.firstName,
				lastName: owner.lastName,
			});
		}
		await this.login(owner);
	}

	async login(owner: Owner = DEFAULT_OWNER): Promise<void> {
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
	}

	/** The node and credential type names this running n8n offers in its editor. */
	async listTypes(): Promise<{ nodes: string[]; credentials: string[] }> {
		const nodes = await this.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
		const credentials = await this.rest<Array<{ name: string }>>('GET', '/types/credentials.json');
		return { nodes: [...new Set(nodes.map((n) => n.name))], credentials: credentials.map((c) => c.name) };
	}

	/** Executions of a workflow, newest first (summaries). */
	async listExecutions(workflowId: string, limit = 250): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.rest<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
		return data.results;
	}

	/** One execution with its run data, decoded from n8n's `flatted` storage format. */
	async getExecution(id: string): Promise<{ id: string; status: string; mode: string; data: ExecutionRun['data'] }> {
		const raw = await this.rest<{ id: string; status: string; mode: string; data: string }>('GET', `/rest/executions/${id}`);
		// n8n stores run data in the `flatted` format; read it with n8n's own copy of the library.
		const requireFromN8n = createRequire(path.join(n8nDir(this.version), 'node_modules', 'n8n', 'package.json'));
		const flatted = requireFromN8n('flatted') as { parse(text: string): unknown };
		return { ...raw, data: flatted.parse(raw.data) as ExecutionRun['data'] };
	}
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt?: string;
	workflowId: string;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string; description?: string };
	executionStatus?: string;
}

export interface ExecutionRun {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
	status?: string;
	finished?: boolean;
}

/** The JSON items a node output (first run, first output unless told). */
export function nodeOutput(run: ExecutionRun['data'], nodeName: string, output = 0, runIndex = 0): Array<Record<string, unknown>> {
	const runs = run.resultData.runData[nodeName];
	if (!runs) {
		throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(run.resultData.runData).join(', ')}`);
	}
	const nodeRun = runs[runIndex];
	if (nodeRun?.error) throw new Error(`node "${nodeName}" failed: ${nodeRun.error.message} ${nodeRun.error.description ?? ''}`);
	return (nodeRun?.data?.main?.[output] ?? []).map((item) => item.json);
}
