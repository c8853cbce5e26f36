/**
 * `npm run test:e2e:queue`: the package in n8n queue mode — one main instance and two workers of
 * the pinned n8n, PostgreSQL and Redis on loopback — against the Intercom sandbox.
 *
 *   0. audit: no module-level mutable state in nodes/ or credentials/ (nothing a node keeps in
 *      process memory that the next execution, on another worker, would need);
 *   1. installs what is missing (redis-server and postgresql with apt-get as root; Node 24 and n8n
 *      in the runtime cache), starts Redis and a throwaway PostgreSQL cluster in a temp folder;
 *   2. main (`n8n start`) + 2 workers (`n8n worker`), the package installed in each user folder;
 *   3. two Intercom Triggers active on the main: their executions run on the workers (worker logs),
 *      their cursors persist in PostgreSQL (workflow_entity.staticData), and across a restart of the
 *      main with sandbox activity in between, the events emitted equal the sandbox's change log:
 *      nothing lost, nothing repeated;
 *   4. shared rate limit: two webhook workflows on the two workers get one contact per item from one
 *      workspace limited to 50 requests per 1-second window: every item done, no failed execution,
 *      429s under 2% of requests, throughput at least 85% of the limit (the sandbox's request log);
 * then stops every process it started and removes its temp folder, also on failure or Ctrl-C.
 *
 *   npm run test:e2e:queue
 *   E2E_SKIP_BUILD=1 npm run test:e2e:queue        # reuse dist/ (CI has just built it)
 *   E2E_QUEUE_ITEMS=600 E2E_QUEUE_RATE_LIMIT=50 E2E_QUEUE_WINDOW_SECONDS=1 npm run test:e2e:queue
 *
 * Ends with one line: `e2e-queue: passed` or `e2e-queue: failed (<step>)`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSandbox, type LoggedRequest, type RunningSandbox } from '../../sandbox';
import { accessTokenCredential, writeJson } from '../runtime/fixtures';
import { ensureRuntime } from '../runtime/install';
import { nodeOutput, type N8nInstance } from '../runtime/n8n';
import { buildAndPack, declaredTypes } from '../runtime/package';
import { resolveN8nVersion, WORK_DIR } from '../runtime/paths';
import { handleSignals, sleep, stopAll, waitFor } from '../runtime/processes';
import { auditModuleState, formatAudit } from './audit';
import { QueueCluster } from './cluster';
import { ensureServices, makeTempDir, removeTempDir, startPostgres, startRedis, type Postgres, type Service } from './services';
import { GET_CONTACT_NODE, hammerWorkflow, IDS, LOAD_CREDENTIAL, newConversationsWorkflow, newPartsWorkflow, TRIGGER_NODE } from './workflows';

const MINUTE = 60_000;
const ITEMS = Number(process.env.E2E_QUEUE_ITEMS ?? 600);
const RATE_LIMIT = Number(process.env.E2E_QUEUE_RATE_LIMIT ?? 50);
const WINDOW_SECONDS = Number(process.env.E2E_QUEUE_WINDOW_SECONDS ?? 1);
const GOALS = { max429Share: 0.02, minThroughputShare: 0.85 };
/** E2E_QUEUE_STEPS=trigger or =load runs only that part (the setup and the audit always run). */
const RUN = { trigger: process.env.E2E_QUEUE_STEPS !== 'load', load: process.env.E2E_QUEUE_STEPS !== 'trigger' };

function say(message: string): void {
	process.stdout.write(`${message.split('\n').map((line) => `[queue] ${line}`).join('\n')}\n`);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/** What a failure report shows: the logs of whatever is running at the time. */
interface Context {
	cluster?: QueueCluster;
	redis?: Service;
	postgres?: Postgres;
	tempDir?: string;
	runDir?: string;
	triggerSandbox?: RunningSandbox;
	loadSandbox?: RunningSandbox;
}

class StepFailure extends Error {
	constructor(
		readonly step: string,
		message: string,
	) {
		super(message);
	}
}

const timings: Array<[string, number]> = [];

function logsOf(ctx: Context): string {
	const parts: string[] = [];
	if (ctx.cluster) parts.push(ctx.cluster.logTails(60));
	if (ctx.redis) parts.push(`----- redis log (last 20 lines: ${ctx.redis.logFile}) -----\n${ctx.redis.logTail(20)}`);
	if (ctx.postgres) parts.push(`----- postgres log (last 30 lines: ${ctx.postgres.logFile}) -----\n${ctx.postgres.logTail(30)}`);
	return parts.join('\n');
}

/** Runs one step, timed; a failure carries the step's name and the tails of every log. */
async function step<T>(ctx: Context, name: string, fn: () => Promise<T>): Promise<T> {
	const started = Date.now();
	say(`── ${name}`);
	try {
		const result = await fn();
		timings.push([name, Date.now() - started]);
		return result;
	} catch (error) {
		timings.push([`${name} (FAILED)`, Date.now() - started]);
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		throw new StepFailure(name, `${message}\n${logsOf(ctx)}\n----- end of logs -----`);
	}
}

// ---------------------------------------------------------------------------------------------
// Trigger events, as n8n stored them

interface Emitted {
	/** Event identities (conversation id or part id), in execution order, repeats kept. */
	ids: string[];
	executions: Array<{ id: string; status: string; mode: string; items: number }>;
}

/** Reads every finished execution of a trigger workflow once (a cache keeps the ones already read). */
class EmittedEvents {
	private readonly seen = new Map<string, { status: string; mode: string; ids: string[] }>();

	constructor(
		private readonly n8n: N8nInstance,
		private readonly workflowId: string,
		private readonly nodeName: string,
		private readonly identity: (item: Record<string, unknown>) => string,
	) {}

	async read(): Promise<Emitted> {
		const list = await this.n8n.listExecutions(this.workflowId);
		for (const summary of list) {
			if (this.seen.has(summary.id) || ['new', 'running', 'waiting', 'unknown'].includes(summary.status)) continue;
			const execution = await this.n8n.getExecution(summary.id);
			const ids = execution.status === 'success' ? nodeOutput(execution.data, this.nodeName).map(this.identity) : [];
			this.seen.set(summary.id, { status: execution.status, mode: execution.mode, ids });
		}
		const ordered = [...this.seen.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
		return {
			ids: ordered.flatMap(([, e]) => e.ids),
			executions: ordered.map(([id, e]) => ({ id, status: e.status, mode: e.mode, items: e.ids.length })),
		};
	}

	/** Executions of the workflow that are queued or still running. */
	async pending(): Promise<number> {
		const list = await this.n8n.listExecutions(this.workflowId);
		return list.filter((s) => ['new', 'running', 'waiting'].includes(s.status)).length;
	}
}

function duplicates(ids: string[]): string[] {
	const counts = new Map<string, number>();
	for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id}×${n}`);
}

/** Deactivates (2.x: unpublishes) a workflow through the REST API, as the editor's toggle does. */
async function deactivateViaRest(n8n: N8nInstance, id: string): Promise<void> {
	await n8n.rest('POST', `/rest/workflows/${id}/deactivate`, {});
}

const sorted = (ids: string[]): string[] => [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

interface CursorRow {
	id: string;
	staticData: unknown;
}

interface StoredCursor {
	watermark: { ts: number; id: string };
	settled: number;
	recent: Record<string, string[]>;
}

/** The trigger node's cursor as PostgreSQL holds it (workflow_entity."staticData"). */
async function storedCursor(pg: Postgres, workflowId: string, nodeName: string): Promise<StoredCursor | undefined> {
	const rows = await pg.query<CursorRow>('SELECT id, "staticData" FROM workflow_entity WHERE id = $1', [workflowId]);
	const raw = rows[0]?.staticData;
	const data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, { cursor?: StoredCursor }> | null;
	return data?.[`node:${nodeName}`]?.cursor;
}

function describeCursor(c: StoredCursor | undefined): string {
	if (!c) return '(none)';
	const recent = Object.values(c.recent).reduce((n, ids) => n + ids.length, 0);
	return `watermark ${new Date(c.watermark.ts * 1000).toISOString()} #${c.watermark.id || '-'}, settled ${new Date(c.settled * 1000).toISOString()}, ${recent} recent ids`;
}

// ---------------------------------------------------------------------------------------------
// Rate-limit figures, from the sandbox's request log

export interface LoadFigures {
	requests: number;
	ok: number;
	limited: number;
	other: number;
	limitedShare: number;
	firstAt: number;
	lastAt: number;
	/** ok requests / (last − first) seconds. */
	overallPerSecond: number;
	/** Mean ok requests per second over the full windows (the first and last, partial, left out). */
	steadyPerSecond: number;
	/** Same, over the full windows in which both workflows were sending. */
	bothActivePerSecond: number;
	fullWindows: number;
	okPerWindow: number[];
	byWorkflow: Record<string, { requests: number; limited: number; firstAt: number; lastAt: number }>;
}

export function loadFigures(requests: LoggedRequest[], windowSeconds: number, workflowOf: (r: LoggedRequest) => string): LoadFigures {
	const api = requests.filter((r) => r.kind === 'api').sort((a, b) => a.at - b.at);
	const windowMs = windowSeconds * 1000;
	const ok = api.filter((r) => r.status < 400).length;
	const limited = api.filter((r) => r.status === 429).length;
	const firstAt = api[0]?.at ?? 0;
	const lastAt = api[api.length - 1]?.at ?? 0;
	const byWindow = new Map<number, number>();
	for (const r of api) if (r.status < 400) byWindow.set(Math.floor(r.at / windowMs), (byWindow.get(Math.floor(r.at / windowMs)) ?? 0) + 1);
	const firstWindow = Math.floor(firstAt / windowMs);
	const lastWindow = Math.floor(lastAt / windowMs);
	const okPerWindow: number[] = [];
	for (let w = firstWindow; w <= lastWindow; w++) okPerWindow.push(byWindow.get(w) ?? 0);
	const full = okPerWindow.slice(1, -1);
	const byWorkflow: LoadFigures['byWorkflow'] = {};
	for (const r of api) {
		const name = workflowOf(r);
		const entry = (byWorkflow[name] ??= { requests: 0, limited: 0, firstAt: r.at, lastAt: r.at });
		entry.requests++;
		if (r.status === 429) entry.limited++;
		entry.lastAt = r.at;
	}
	const flows = Object.values(byWorkflow);
	const bothFrom = Math.max(...flows.map((f) => f.firstAt));
	const bothTo = Math.min(...flows.map((f) => f.lastAt));
	const both: number[] = [];
	for (let w = Math.floor(bothFrom / windowMs) + 1; w < Math.floor(bothTo / windowMs); w++) both.push(byWindow.get(w) ?? 0);
	const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
	return {
		requests: api.length,
		ok,
		limited,
		other: api.length - ok - limited,
		limitedShare: api.length ? limited / api.length : 0,
		firstAt,
		lastAt,
		overallPerSecond: lastAt > firstAt ? ok / ((lastAt - firstAt) / 1000) : 0,
		steadyPerSecond: mean(full) / windowSeconds,
		bothActivePerSecond: mean(both) / windowSeconds,
		fullWindows: full.length,
		okPerWindow,
		byWorkflow,
	};
}

function formatFigures(f: LoadFigures, limitPerSecond: number): string {
	const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
	const lines = [
		`requests ${f.requests}: ${f.ok} answered, ${f.limited} × 429 (${pct(f.limitedShare)}), ${f.other} other errors; over ${seconds(f.lastAt - f.firstAt)}`,
		`throughput (limit ${limitPerSecond}/s): steady ${f.steadyPerSecond.toFixed(1)}/s = ${pct(f.steadyPerSecond / limitPerSecond)} over ${f.fullWindows} full windows; ` +
			`both workflows sending ${f.bothActivePerSecond.toFixed(1)}/s = ${pct(f.bothActivePerSecond / limitPerSecond)}; first→last request ${f.overallPerSecond.toFixed(1)}/s`,
		`answered per window: ${f.okPerWindow.join(' ')}`,
		...Object.entries(f.byWorkflow).map(
			([name, w]) => `  ${name}: ${w.requests} requests (${w.limited} × 429) from +${seconds(w.firstAt - f.firstAt)} to +${seconds(w.lastAt - f.firstAt)}`,
		),
	];
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const started = Date.now();
	const version = resolveN8nVersion(process.env.N8N_VERSION);
	const ctx: Context = {};
	let failed: StepFailure | undefined;
	const figures: { load?: LoadFigures; install?: { apt: number; aptInstalled: string[]; runtime: number; pack: number } } = {};

	let cleaning: Promise<void> | undefined;
	const cleanup = (): Promise<void> =>
		(cleaning ??= (async () => {
			const t = Date.now();
			await ctx.cluster?.stop().catch((e: unknown) => say(`stopping n8n: ${String(e)}`));
			await ctx.triggerSandbox?.close().catch(() => undefined);
			await ctx.loadSandbox?.close().catch(() => undefined);
			await ctx.redis?.stop().catch((e: unknown) => say(`stopping redis: ${String(e)}`));
			await ctx.postgres?.stop().catch((e: unknown) => say(`stopping postgres: ${String(e)}`));
			await stopAll();
			if (ctx.tempDir) {
				// Keep the service logs next to the n8n logs of the run, then drop the temp folder.
				if (ctx.runDir) {
					for (const service of [ctx.redis, ctx.postgres]) {
						if (service && fs.existsSync(service.logFile)) fs.copyFileSync(service.logFile, path.join(ctx.runDir, path.basename(service.logFile)));
					}
				}
				removeTempDir(ctx.tempDir);
			}
			say(`stopped n8n, workers, sandboxes, Redis and PostgreSQL; removed ${ctx.tempDir ?? '(no temp folder)'} in ${seconds(Date.now() - t)}`);
		})());
	handleSignals((signal) => {
		say(`${signal}: stopping everything`);
		void cleanup().finally(() => {
			process.stdout.write(`e2e-queue: failed (interrupted by ${signal})\n`);
			process.exit(130);
		});
	});

	try {
		// ---- 0. audit
		await step(ctx, '0. audit: module-level state in nodes/ and credentials/', async () => {
			const report = auditModuleState();
			say(formatAudit(report));
			assert.deepEqual(report.findings, [], 'module-level mutable state would not be shared across workers');
		});

		// ---- 1. installs and services
		await step(ctx, '1. installs (apt, Node 24 + n8n), start Redis and PostgreSQL', async () => {
			let t = Date.now();
			const bins = await ensureServices(say);
			const apt = Date.now() - t;
			say(bins.installed.length ? `apt-get installed ${bins.installed.join(', ')} in ${seconds(apt)}` : `redis-server and postgresql present (checked in ${seconds(apt)})`);
			t = Date.now();
			await ensureRuntime(version);
			const runtime = Date.now() - t;
			t = Date.now();
			await buildAndPack();
			const pack = Date.now() - t;
			figures.install = { apt: apt / 1000, aptInstalled: bins.installed, runtime: runtime / 1000, pack: pack / 1000 };

			fs.mkdirSync(WORK_DIR, { recursive: true });
			for (const entry of fs.readdirSync(WORK_DIR)) {
				if (entry.startsWith('queue-')) fs.rmSync(path.join(WORK_DIR, entry), { recursive: true, force: true });
			}
			ctx.runDir = path.join(WORK_DIR, `queue-${version}-${Date.now().toString(36)}`);
			fs.mkdirSync(ctx.runDir, { recursive: true });
			ctx.tempDir = makeTempDir('n8n-intercom-queue-');
			t = Date.now();
			const [redis, postgres] = await Promise.all([
				startRedis(bins.redisServer, path.join(ctx.tempDir, 'redis')),
				startPostgres(bins.pgBin, path.join(ctx.tempDir, 'pg'), version, say),
			]);
			ctx.redis = redis;
			ctx.postgres = postgres;
			say(`Redis on 127.0.0.1:${redis.port}, PostgreSQL ${bins.pgBin.split('/').slice(-2, -1)[0]} on 127.0.0.1:${postgres.port} (data in ${ctx.tempDir}), up in ${seconds(Date.now() - t)}`);
		});

		// ---- 2. n8n main + workers
		const triggerSb = (ctx.triggerSandbox = await startSandbox({ port: 0, seed: { seed: 42 } }));
		const loadSb = (ctx.loadSandbox = await startSandbox({
			port: 0,
			seed: { seed: 7, contacts: 300 },
			rateLimit: { limit: RATE_LIMIT, windowSeconds: WINDOW_SECONDS },
		}));
		const cluster = await step(ctx, '2. n8n queue mode: main + 2 workers, the package in each', async () => {
			const { redis, postgres, runDir } = ctx as Required<Context>;
			let t = Date.now();
			const c = (ctx.cluster = await QueueCluster.create({ version, runDir, redis, postgres, workers: 2, concurrency: 1 }));
			say(`package installed into 3 user folders in ${seconds(Date.now() - t)}`);
			t = Date.now();
			const main = c.main;
			await main.importCredentials(
				writeJson(path.join(runDir, 'import', 'credentials.json'), [
					accessTokenCredential(triggerSb.baseUrl, triggerSb.token),
					accessTokenCredential(loadSb.baseUrl, loadSb.token, LOAD_CREDENTIAL.id, LOAD_CREDENTIAL.name),
				]),
			);
			const dir = path.join(runDir, 'import', 'workflows');
			const triggerCredential = { id: 'IntercomSandbox1', name: 'Intercom sandbox' };
			for (const workflow of [
				newConversationsWorkflow(),
				newPartsWorkflow(triggerCredential),
				hammerWorkflow(IDS.hammerA, 'queue-hammer-a', '5b0a2c1e-9d3f-4e7a-8c21-00000000a001'),
				hammerWorkflow(IDS.hammerB, 'queue-hammer-b', '5b0a2c1e-9d3f-4e7a-8c21-00000000b001'),
			]) {
				writeJson(path.join(dir, `${workflow.id}.json`), workflow);
			}
			await main.importWorkflows(dir);
			say(`credentials and workflows imported into PostgreSQL (n8n's migrations included) in ${seconds(Date.now() - t)}`);
			t = Date.now();
			const timed = async (fn: () => Promise<void>): Promise<number> => {
				const from = Date.now();
				await fn();
				return Date.now() - from;
			};
			const [mainMs, workersMs] = await Promise.all([timed(async () => main.start()), timed(async () => c.startWorkers())]);
			await main.setupOwner();
			say(
				`main (n8n start, EXECUTIONS_MODE=queue) answers on ${main.baseUrl} after ${seconds(mainMs)}; ` +
					`${c.workers.map((w) => w.name).join(' and ')} (n8n worker --concurrency=1) ready after ${seconds(workersMs)} (started together)`,
			);
			const types = await main.listTypes();
			for (const node of declaredTypes().nodes) assert.ok(types.nodes.includes(node), `the main lists ${node}`);
			for (const w of c.workers) {
				const log = fs.readFileSync(w.logFile, 'utf8');
				assert.ok(!/Error loading package|Could not load/i.test(log), `${w.name} loaded the community package without errors`);
			}
			return c;
		});
		const main = cluster.main;

		// ---- 3. the trigger in queue mode
		const conversations = new EmittedEvents(main, IDS.newConversations, TRIGGER_NODE.newConversations, (item) =>
			String((item.conversation as Record<string, unknown>).id),
		);
		const parts = new EmittedEvents(main, IDS.newParts, TRIGGER_NODE.newParts, (item) => String((item.part as Record<string, unknown>).id));
		const changes = triggerSb.workspace.changes;
		const changeMark = changes.list().at(-1)?.seq ?? 0;
		const expected = (): { conversations: string[]; parts: string[] } => ({
			conversations: changes.list({ afterSeq: changeMark, kinds: ['conversation.created'] }).map((e) => e.id),
			parts: changes.list({ afterSeq: changeMark, kinds: ['conversation.part.created'] }).map((e) => String(e.detail?.part_id)),
		});
		const triggerIds = [IDS.newConversations, IDS.newParts];
		const checkWorkers = async (): Promise<string> => {
			const byWorker = cluster.executionsByWorker();
			const runs: string[] = [];
			for (const events of [conversations, parts]) {
				const { executions } = await events.read();
				for (const e of executions) {
					assert.equal(e.status, 'success', `execution ${e.id} succeeded`);
					assert.equal(e.mode, 'trigger', `execution ${e.id} came from the trigger`);
					const worker = byWorker.get(e.id);
					assert.ok(worker, `execution ${e.id} ran on a worker (no "Worker started execution ${e.id}" in any worker log)`);
					runs.push(`#${e.id}→${worker}`);
				}
			}
			assert.ok(!/Worker started execution/.test(fs.readFileSync(main.logFile, 'utf8')), 'the main ran no execution itself');
			return runs.join(', ');
		};
		const checkEvents = async (label: string): Promise<{ conversations: string[]; parts: string[] }> => {
			const want = expected();
			const got = { conversations: (await conversations.read()).ids, parts: (await parts.read()).ids };
			assert.deepEqual(duplicates(got.conversations), [], `${label}: no conversation emitted twice`);
			assert.deepEqual(duplicates(got.parts), [], `${label}: no part emitted twice`);
			assert.deepEqual(sorted(got.conversations), sorted(want.conversations), `${label}: new conversations = the change log's conversation.created`);
			assert.deepEqual(sorted(got.parts), sorted(want.parts), `${label}: new parts = the change log's conversation.part.created`);
			return got;
		};
		const waitForEvents = async (label: string): Promise<void> => {
			const want = expected();
			await waitFor(
				`${label}: ${want.conversations.length} new conversations and ${want.parts.length} new parts emitted`,
				async () => {
					const c = await conversations.read();
					const p = await parts.read();
					return c.ids.length >= want.conversations.length && p.ids.length >= want.parts.length && (await conversations.pending()) + (await parts.pending()) === 0;
				},
				{ timeoutMs: 3 * MINUTE, intervalMs: 3_000 },
			);
		};
		const cursorsInDb = async (): Promise<Record<string, StoredCursor | undefined>> => ({
			[IDS.newConversations]: await storedCursor(ctx.postgres as Postgres, IDS.newConversations, TRIGGER_NODE.newConversations),
			[IDS.newParts]: await storedCursor(ctx.postgres as Postgres, IDS.newParts, TRIGGER_NODE.newParts),
		});
		const sayCursors = (label: string, cursors: Record<string, StoredCursor | undefined>): void => {
			for (const [id, c] of Object.entries(cursors)) say(`  ${label} PostgreSQL cursor of ${id}: ${describeCursor(c)}`);
		};
		/** The cursor in the database covers every event emitted so far (a worker never wrote back an older copy). */
		const assertCursorCovers = async (label: string): Promise<void> => {
			const cursors = await cursorsInDb();
			sayCursors(label, cursors);
			const lastKey = (items: Array<{ ts: number; id: string }>): { ts: number; id: string } | undefined =>
				items.sort((a, b) => a.ts - b.ts || a.id.localeCompare(b.id, 'en', { numeric: true })).at(-1);
			const lastConversation = lastKey(changes.list({ afterSeq: changeMark, kinds: ['conversation.created'] }).map((e) => ({ ts: e.at, id: e.id })));
			const lastPart = lastKey(changes.list({ afterSeq: changeMark, kinds: ['conversation.part.created'] }).map((e) => ({ ts: e.at, id: String(e.detail?.part_id) })));
			for (const [id, last] of [
				[IDS.newConversations, lastConversation],
				[IDS.newParts, lastPart],
			] as const) {
				const c = cursors[id];
				assert.ok(c, `${label}: workflow ${id} has its cursor in PostgreSQL`);
				if (last) assert.ok(c.watermark.ts >= last.ts, `${label}: the stored watermark of ${id} (${c.watermark.ts}) covers the last event (${last.ts})`);
			}
		};

		if (RUN.trigger) await step(ctx, '3a. trigger: 2 triggers active on the main, executions on workers', async () => {
			const before = triggerSb.log.requests().at(-1)?.seq ?? 0;
			for (const id of triggerIds) await main.activateViaRest(id);
			for (const id of triggerIds) assert.ok(await main.isActive(id), `${id} is active`);
			// n8n activates in the background: wait for both activation polls and their stored cursors.
			const cursors = await waitFor(
				'the activation polls of both triggers and their cursors in PostgreSQL',
				async () => {
					const polls = triggerSb.log.requests().filter((r) => r.seq > before && r.path === '/conversations/search').length;
					const c = await cursorsInDb();
					return polls >= 2 && triggerIds.every((id) => c[id]) ? c : undefined;
				},
				{ timeoutMs: MINUTE, intervalMs: 500 },
			);
			sayCursors('after activation,', cursors);
			await sleep(1_100);
			const activity = triggerSb.activity.run({ newConversations: 3, userReplies: 2, adminReplies: 2, newContacts: 1 });
			say(`activity: conversations ${activity.conversations.join(', ')}; replies on ${[...activity.userReplies, ...activity.adminReplies].join(', ')}; waiting for the next scheduled poll (every minute)`);
			await waitForEvents('before the restart');
			const got = await checkEvents('before the restart');
			say(`emitted ${got.conversations.length} new conversations and ${got.parts.length} new parts, each once, = the change log`);
			say(`executions: ${await checkWorkers()}`);
			await assertCursorCovers('after the first events,');
		});

		if (RUN.trigger) await step(ctx, '3b. trigger: main restarted, activity between: nothing lost/repeated', async () => {
			await main.stop();
			const activity = triggerSb.activity.run({ newConversations: 2, adminReplies: 2, userReplies: 1, closes: 1 });
			say(`main stopped (workers keep running); activity: conversations ${activity.conversations.join(', ')}, replies and a close`);
			const t = Date.now();
			await main.start();
			await main.login();
			say(`main up again after ${seconds(Date.now() - t)}; its activation polls resume from the cursors in PostgreSQL`);
			await waitForEvents('after the restart');
			const got = await checkEvents('after the restart');
			say(`in all ${got.conversations.length} new conversations and ${got.parts.length} new parts, each once, = the change log`);
			say(`executions: ${await checkWorkers()}`);
			await assertCursorCovers('after the restart,');
		});
		const pollMark = triggerSb.log.requests().at(-1)?.seq ?? 0;
		const eventsAfterRestart = { conversations: (await conversations.read()).ids.length, parts: (await parts.read()).ids.length };

		// ---- 4. shared rate limit (runs while the triggers wait for their next scheduled poll)
		if (RUN.load) await step(ctx, `4. shared rate limit: 2 × ${ITEMS} items on 2 workers, ${RATE_LIMIT} per ${WINDOW_SECONDS}s`, async () => {
			await main.activateViaRest(IDS.hammerA);
			await main.activateViaRest(IDS.hammerB);
			await main.waitForWebhook('queue-hammer-a');
			await main.waitForWebhook('queue-hammer-b');
			const contacts = loadSb.workspace.contacts.all().map((c) => String((c as unknown as { id: string }).id));
			const half = Math.floor(contacts.length / 2);
			const idsA = Array.from({ length: ITEMS }, (_, i) => contacts[i % half]);
			const idsB = Array.from({ length: ITEMS }, (_, i) => contacts[half + (i % half)]);
			const setA = new Set(idsA);
			loadSb.log.clear();
			loadSb.setRateLimit({ limit: RATE_LIMIT, windowSeconds: WINDOW_SECONDS });
			const t = Date.now();
			const fire = async (webhookPath: string, ids: string[]): Promise<void> => {
				const res = await fetch(`${main.baseUrl}/webhook/${webhookPath}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ ids }),
				});
				assert.equal(res.status, 200, `${webhookPath}: ${await res.text()}`);
			};
			await Promise.all([fire('queue-hammer-a', idsA), fire('queue-hammer-b', idsB)]);
			const expectedSeconds = (2 * ITEMS) / (RATE_LIMIT / WINDOW_SECONDS);
			say(`both webhooks answered; ${2 * ITEMS} requests at ${RATE_LIMIT}/${WINDOW_SECONDS}s take at least ${expectedSeconds.toFixed(0)}s`);
			const finished = async (id: string): Promise<{ id: string; status: string } | undefined> => {
				const list = await main.listExecutions(id);
				const done = list.find((e) => !['new', 'running', 'waiting'].includes(e.status));
				return done ? { id: done.id, status: done.status } : undefined;
			};
			const [a, b] = await waitFor(
				'both hammer executions to finish',
				async () => {
					const both = [await finished(IDS.hammerA), await finished(IDS.hammerB)];
					return both.every(Boolean) ? (both as Array<{ id: string; status: string }>) : undefined;
				},
				{ timeoutMs: (expectedSeconds * 4 + 120) * 1000, intervalMs: 1_000 },
			);
			const wall = Date.now() - t;
			const byWorker = cluster.executionsByWorker();
			for (const [name, e, ids] of [
				['A', a, idsA],
				['B', b, idsB],
			] as const) {
				const execution = await main.getExecution(e.id);
				const error = execution.data.resultData.error;
				assert.equal(execution.status, 'success', `workflow ${name} (execution ${e.id}) succeeded: ${error?.message ?? ''} ${error?.description ?? ''}`);
				const out = nodeOutput(execution.data, GET_CONTACT_NODE);
				assert.equal(out.length, ids.length, `workflow ${name} got every item`);
				assert.deepEqual(out.map((c) => String(c.id)), ids, `workflow ${name} got the contacts it asked for, in order`);
				assert.ok(byWorker.get(e.id), `workflow ${name} (execution ${e.id}) ran on a worker`);
			}
			assert.notEqual(byWorker.get(a.id), byWorker.get(b.id), 'the two workflows ran on two different workers');
			say(`workflow A: execution ${a.id} on ${byWorker.get(a.id)}; workflow B: execution ${b.id} on ${byWorker.get(b.id)}; all ${2 * ITEMS} items done in ${seconds(wall)}`);

			const f = (figures.load = loadFigures(loadSb.log.requests(), WINDOW_SECONDS, (r) => (setA.has(r.path.split('/').pop() ?? '') ? 'workflow A' : 'workflow B')));
			say(formatFigures(f, RATE_LIMIT / WINDOW_SECONDS));
			assert.equal(f.ok, 2 * ITEMS, 'one answered request per item (retries of 429s aside)');
			assert.equal(f.other, 0, 'no error other than 429');
			assert.ok(f.limitedShare < GOALS.max429Share, `429s are ${(f.limitedShare * 100).toFixed(2)}% of requests (goal: under ${GOALS.max429Share * 100}%)`);
			assert.ok(
				f.steadyPerSecond >= GOALS.minThroughputShare * (RATE_LIMIT / WINDOW_SECONDS),
				`throughput ${f.steadyPerSecond.toFixed(1)}/s is at least ${GOALS.minThroughputShare * 100}% of the limit ${RATE_LIMIT / WINDOW_SECONDS}/s`,
			);
			await deactivateViaRest(main, IDS.hammerA).catch(() => undefined);
			await deactivateViaRest(main, IDS.hammerB).catch(() => undefined);
		});

		// ---- 3c. one more scheduled poll after the restart emits nothing new
		if (RUN.trigger) await step(ctx, '3c. trigger: the next scheduled poll repeats nothing', async () => {
			// New conversations search by created_at, new parts by updated_at: one poll of each after the restart's.
			const searchedFields = (): Set<string> =>
				new Set(
					triggerSb.log
						.requests()
						.filter((r) => r.seq > pollMark && r.method === 'POST' && r.path === '/conversations/search')
						.map((r) => String((r.body as { query?: { field?: unknown } } | undefined)?.query?.field)),
				);
			await waitFor('the next scheduled poll of both triggers', async () => searchedFields().has('created_at') && searchedFields().has('updated_at'), { timeoutMs: 2 * MINUTE, intervalMs: 2_000 });
			await sleep(5_000);
			const got = await checkEvents('after one more poll');
			assert.equal(got.conversations.length, eventsAfterRestart.conversations, 'no new conversation event');
			assert.equal(got.parts.length, eventsAfterRestart.parts, 'no new part event');
			say(`executions of the triggers, all on workers: ${await checkWorkers()}`);
			await assertCursorCovers('at the end,');
			const pollerState = await (ctx.postgres as Postgres)
				.query<{ n: string }>('SELECT count(*)::text AS n FROM poller_state')
				.catch(() => [{ n: '(no poller_state table)' }]);
			say(`  n8n's durable poll cursors are off by default: poller_state rows ${pollerState[0]?.n}; the cursor is the workflow's static data`);
			for (const id of triggerIds) await deactivateViaRest(main, id).catch(() => undefined);
		});

		await step(ctx, '5. every request conformed to the 2.14 spec', async () => {
			const all = triggerSb.log.requests().concat(loadSb.log.requests()).filter((r) => r.kind === 'api');
			const problems = triggerSb.log.nonConformant().concat(loadSb.log.nonConformant());
			assert.deepEqual(problems.map((r) => `#${r.seq} ${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`), [], 'every request conformed to the 2.14 spec');
			const versions = new Set(all.map((r) => r.intercomVersion));
			assert.deepEqual([...versions], all.length ? ['2.14'] : [], 'every request carried Intercom-Version: 2.14');
			say(`${all.length} requests logged (the load log was cleared before step 4), all conformant, all Intercom-Version 2.14`);
		});
	} catch (error) {
		failed = error instanceof StepFailure ? error : new StepFailure('setup', error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.stderr.write(`\n[queue] FAILED in step "${failed.step}":\n${failed.message}\n${failed.step === 'setup' ? logsOf(ctx) : ''}\n`);
	} finally {
		await cleanup();
	}

	say('timings:');
	if (figures.install) {
		const i = figures.install;
		say(`  ${'apt-get (redis-server, postgresql)'.padEnd(72)} ${i.apt.toFixed(1)}s${i.aptInstalled.length ? ` (installed ${i.aptInstalled.join(', ')})` : ' (present)'}`);
		say(`  ${'runtime Node 24 + n8n (install or cache check)'.padEnd(72)} ${i.runtime.toFixed(1)}s`);
		say(`  ${'build and pack'.padEnd(72)} ${i.pack.toFixed(1)}s`);
	}
	for (const [label, ms] of timings) say(`  ${label.slice(0, 72).padEnd(72)} ${seconds(ms)}`);
	say(`  ${'total'.padEnd(72)} ${seconds(Date.now() - started)}`);
	if (ctx.runDir) say(`logs: ${path.relative(process.cwd(), ctx.runDir)}/{main,worker-1,worker-2}/n8n.log, redis.log, postgres.log`);
	process.stdout.write(failed ? `e2e-queue: failed (${failed.step})\n` : 'e2e-queue: passed\n');
	return failed ? 1 : 0;
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error: unknown) => {
			process.stderr.write(`[queue] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.stdout.write('e2e-queue: failed (runner)\n');
			process.exit(1);
		},
	);
}
