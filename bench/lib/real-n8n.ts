/**
 * Section 0 of `npm run bench`: Return All inside a real n8n (the 2.40.7 the e2e suite installs),
 * the package installed as a community package, workflows run by `n8n start` from their
 * production webhooks, against sandboxes on loopback (HTTP, and HTTPS with a certificate made for
 * the run). Four clients side by side, interleaved, order rotated each round:
 *
 *   fetch    a plain fetch loop in a Node 24 process of its own (the wire's floor, outside n8n)
 *   floor    the bench's own minimal node (bench/floor-node): httpRequest + a fixed header
 *   floorCredential  the same, with the token and base URL read from a credential once
 *            (`getCredentials`: what every node with a credential pays once per execution)
 *   intercom the Intercom node, Contact → Get Many, Return All, access-token credential
 *   http     n8n's HTTP Request node 4.2 with cursor pagination + Split Out
 *
 * Time is the node's own execution time from n8n's run data (HTTP Request + Split Out summed);
 * requests and TCP connections are counted by the sandbox; peak RSS is the n8n process's VmHWM,
 * reset before each run. With `profile`, n8n runs once more under `--cpu-prof` and the samples
 * inside each node's execution window are broken down by where they were spent (cpu-profile.ts).
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { accessTokenCredential, writeJson, type WorkflowJson } from '../../e2e/runtime/fixtures';
import { N8nInstance } from '../../e2e/runtime/n8n';
import { installIntoUserFolder } from '../../e2e/runtime/package';
import { DEFAULT_N8N_VERSION, n8nBin, node24Bin, NODE24_VERSION, WORK_DIR } from '../../e2e/runtime/paths';
import { sleep } from '../../e2e/runtime/processes';
import { breakdown, type ProfileBreakdown, type Window } from './cpu-profile';
import { max, median } from './stats';

const execFileAsync = promisify(execFile);

export const REAL_CLIENTS = ['fetch', 'floor', 'floorCredential', 'intercom', 'http'] as const;
export type RealClient = (typeof REAL_CLIENTS)[number];
export type Protocol = 'http' | 'https';

export const REAL_CLIENT_LABEL: Record<RealClient, string> = {
	fetch: 'plain fetch loop (Node 24, outside n8n)',
	floor: 'floor node in n8n (httpRequest + fixed header)',
	floorCredential: 'floor node reading a credential (getCredentials once, then as the floor)',
	intercom: 'Intercom node (Return All)',
	http: 'HTTP Request node 4.2 + Split Out',
};

const PER_PAGE = 150;
const FLOOR_DIR = path.join(__dirname, '..', 'floor-node');
const FLOOR_TYPE = 'n8n-nodes-intercom-bench-floor.floorContacts';
const FLOOR_CREDENTIAL_TYPE = 'n8n-nodes-intercom-bench-floor.floorCredentialContacts';
/** Clients that run inside n8n (all but the fetch loop). */
const N8N_CLIENTS = REAL_CLIENTS.filter((c): c is Exclude<RealClient, 'fetch'> => c !== 'fetch');

export interface RealN8nConfig {
	version?: string;
	/** Jobs: contacts and protocol. */
	jobs: Array<{ size: number; protocol: Protocol; rounds: number }>;
	/** Run the CPU-profile pass at this size over HTTP (rounds per client). */
	profile?: { size: number; rounds: number };
	log: (message: string) => void;
}

export interface RealRun {
	round: number;
	/** The node's execution time from n8n's run data (fetch loop: its own time). */
	ms: number;
	/** Per node, for the HTTP Request chain. */
	nodeMs?: Record<string, number>;
	/**
	 * CPU time of the n8n process (user + system, all threads) while the node(s) ran; the fetch
	 * loop: its own process's over the loop. Other load on the machine disturbs it far less than
	 * wall time.
	 */
	cpuMs?: number;
	/** The same, n8n's main thread only (where the node's JavaScript runs). */
	mainThreadMs?: number;
	/** The machine's 1-minute load average when the run started. */
	load1?: number;
	/** n8n's `getNodeParameter` calls while the node(s) ran, their time (µs), and credential reads. */
	parameterReads?: number;
	parameterReadUs?: number;
	credentialReads?: number;
	/** The webhook call from the bench's side: n8n's whole execution, saving included. */
	wallMs: number;
	items: number;
	requests: number;
	connections: number;
	/** n8n process: peak resident set during the run (VmHWM after a reset), and RSS before it. */
	rssPeak?: number;
	rssBefore?: number;
}

export interface RealClientSummary {
	label: string;
	runs: RealRun[];
	median: {
		ms: number;
		wallMs: number;
		requests: number;
		connections: number;
		rssPeak?: number;
		rssPeakDelta?: number;
		cpuMs?: number;
		mainThreadMs?: number;
		parameterReads?: number;
		parameterReadUs?: number;
		credentialReads?: number;
	};
	/** Median of per-round ratios to the floor node and to the fetch loop (wall time). */
	vsFloor: number;
	vsFetch: number;
	vsFloorRange: [number, number];
	/** The same for CPU time. */
	cpuVsFloor?: number;
	cpuVsFloorRange?: [number, number];
	cpuVsFetch?: number;
}

export interface RealJob {
	size: number;
	protocol: Protocol;
	rounds: number;
	floorRequests: number;
	clients: Record<RealClient, RealClientSummary>;
	/** The machine's 1-minute load average over the job's runs: smallest and largest. */
	load1?: [number, number];
}

export interface RealN8nResults {
	n8nVersion: string;
	node: string;
	jobs: RealJob[];
	profile?: ProfileBreakdown;
	skipped?: string;
}

/** Why the real-n8n section cannot run here, or undefined when it can. */
export function realN8nUnavailable(version = DEFAULT_N8N_VERSION): string | undefined {
	const missing = [n8nBin(version), node24Bin()].filter((f) => !fs.existsSync(f));
	if (missing.length === 0) return undefined;
	return `the n8n ${version} runtime is not installed (missing ${missing.map((f) => path.relative(process.cwd(), f)).join(', ')}): run \`npm run n8n:install\` (or set E2E_CACHE_DIR to where it is) and run the bench again`;
}

/** A self-signed certificate for 127.0.0.1, made for this run (never stored in the repository). */
async function makeCertificate(dir: string): Promise<{ key: string; cert: string; certFile: string }> {
	const keyFile = path.join(dir, 'sandbox-key.pem');
	const certFile = path.join(dir, 'sandbox-cert.pem');
	await execFileAsync('openssl', [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
		'-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1',
		'-addext', 'subjectAltName=IP:127.0.0.1',
	]);
	return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile };
}

/** Bench-only: packs bench/floor-node and installs it next to the package in n8n's user folder. */
async function installFloorNode(userFolder: string): Promise<void> {
	const dest = path.join(WORK_DIR, 'pack-floor');
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	const { stdout } = await execFileAsync('npm', ['pack', FLOOR_DIR, '--json', '--pack-destination', dest]);
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
	await installIntoUserFolder(userFolder, path.join(dest, info.filename));
}

interface Target {
	size: number;
	protocol: Protocol;
	sb: RunningSandbox;
	credential: { id: string; name: string };
	/** The floor-with-credential node's credential (type floorContactsApi). */
	floorCredential: { id: string; name: string };
}

const key = (t: { size: number; protocol: Protocol }) => `${t.protocol}-${t.size}`;
const id16 = (prefix: string, t: { size: number; protocol: Protocol }) => `${prefix}${t.protocol === 'https' ? 'S' : 'P'}${String(t.size).padStart(16 - prefix.length - 1, '0')}`;
const webhookPath = (client: RealClient, t: { size: number; protocol: Protocol }) => `bench-${client}-${key(t)}`;
const ID_PREFIX: Record<Exclude<RealClient, 'fetch'>, string> = { floor: 'fl', floorCredential: 'fc', intercom: 'in', http: 'ht' };
const workflowId = (client: Exclude<RealClient, 'fetch'>, t: { size: number; protocol: Protocol }) => id16(`bn${ID_PREFIX[client]}`, t);

function workflow(client: Exclude<RealClient, 'fetch'>, t: Target): WorkflowJson {
	const webhookId = randomUUID();
	const chain: WorkflowJson['nodes'] =
		client === 'intercom'
			? [
					{
						name: 'Intercom',
						type: 'n8n-nodes-intercom.intercom',
						typeVersion: 1,
						parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
						credentials: { intercomAccessTokenApi: t.credential },
					},
				]
			: client === 'floor'
				? [{ name: 'Floor', type: FLOOR_TYPE, typeVersion: 1, parameters: { baseUrl: t.sb.baseUrl, token: t.sb.token } }]
				: client === 'floorCredential'
					? [{ name: 'Floor with Credential', type: FLOOR_CREDENTIAL_TYPE, typeVersion: 1, parameters: {}, credentials: { floorContactsApi: t.floorCredential } }]
					: [
						{
							name: 'HTTP Request',
							type: 'n8n-nodes-base.httpRequest',
							typeVersion: 4.2,
							parameters: {
								method: 'GET',
								url: `${t.sb.baseUrl}/contacts`,
								sendQuery: true,
								queryParameters: { parameters: [{ name: 'per_page', value: String(PER_PAGE) }] },
								sendHeaders: true,
								headerParameters: {
									parameters: [
										{ name: 'Authorization', value: `Bearer ${t.sb.token}` },
										{ name: 'Intercom-Version', value: '2.14' },
									],
								},
								options: {
									pagination: {
										pagination: {
											paginationMode: 'updateAParameterInEachRequest',
											parameters: { parameters: [{ type: 'qs', name: 'starting_after', value: '={{ $response.body.pages.next.starting_after }}' }] },
											paginationCompleteWhen: 'other',
											completeExpression: '={{ !$response.body.pages.next }}',
										},
									},
								},
							},
						},
						{ name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'data', include: 'noOtherFields', options: {} } },
					];
	const nodes: WorkflowJson['nodes'] = [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId,
			parameters: { path: webhookPath(client, t), httpMethod: 'GET', responseMode: 'lastNode', responseData: 'noData', options: {} },
		},
		...chain,
	].map((n, i) => ({ id: randomUUID(), position: [i * 220, 0], ...n }));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id: workflowId(client, t),
		name: `bench: ${REAL_CLIENT_LABEL[client]}, ${t.size} contacts over ${t.protocol}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
	};
}

/** The n8n process's memory (Linux): VmRSS and VmHWM in bytes; `reset` clears VmHWM to VmRSS. */
function processMemory(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return undefined;
	}
}

function resetPeak(pid: number): void {
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// not Linux, or not allowed: VmHWM then is the peak since start
	}
}

/** The plain fetch loop, in a Node 24 process of its own (as n8n's), timed inside after one warm-up request. */
const FETCH_LOOP = `
const [baseUrl, token] = process.argv.slice(-2);
const headers = { Authorization: 'Bearer ' + token, 'Intercom-Version': '2.14', Accept: 'application/json' };
(async () => {
	// Warm-up, not timed: fetch's first call loads undici, and opens the connection the loop keeps.
	await (await fetch(baseUrl + '/contacts?per_page=1', { headers })).arrayBuffer();
	const cpu = process.cpuUsage();
	const started = performance.now();
	const all = [];
	let cursor;
	do {
		const query = new URLSearchParams({ per_page: '150', ...(cursor ? { starting_after: cursor } : {}) });
		const res = await fetch(baseUrl + '/contacts?' + query, { headers });
		if (!res.ok) throw new Error('GET /contacts answered ' + res.status);
		const body = await res.json();
		for (const contact of body.data) all.push(contact);
		cursor = body.pages && body.pages.next ? body.pages.next.starting_after : undefined;
	} while (cursor);
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, items: all.length }));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

async function runFetchLoop(t: Target, certFile: string | undefined): Promise<{ ms: number; cpuMs: number; items: number }> {
	const child = spawn(node24Bin(), ['-e', FETCH_LOOP, '--', t.sb.baseUrl, t.sb.token], {
		env: { PATH: process.env.PATH, ...(certFile ? { NODE_EXTRA_CA_CERTS: certFile } : {}) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	let err = '';
	child.stdout.on('data', (c: Buffer) => (out += c.toString()));
	child.stderr.on('data', (c: Buffer) => (err += c.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	if (code !== 0) throw new Error(`fetch loop exited with ${code}: ${err.slice(-2000)}`);
	return JSON.parse(out) as { ms: number; cpuMs: number; items: number };
}

/**
 * An n8n external hook file (EXTERNAL_HOOK_FILES): after each execution, n8n hands it the run
 * data in-process; it appends each node's start, execution time and output item count to a file.
 * (n8n's REST API cuts large executions short, and reading 100,000 items back would cost more
 * than the run.)
 *
 * CPU time per node: the file is loaded inside n8n, so it also wraps n8n-core's
 * `WorkflowExecute.prototype.runNode` (resolved from n8n's own install: the instance n8n runs)
 * and reads the process's CPU time (`process.cpuUsage()`: user + system, every thread) and the
 * main thread's (`/proc/self/task/<pid>/schedstat`, ns on the CPU) before and after each node
 * runs. One execution at a time runs in the bench, so the difference is that node's CPU: time the
 * machine's other load cannot stretch the way it stretches wall time.
 */
function writeHookFile(dir: string, runLog: string, n8nPackageJson: string): string {
	const file = path.join(dir, 'bench-hooks.js');
	const source = [
		"const fs = require('node:fs');",
		"const { createRequire } = require('node:module');",
		`const { WorkflowExecute, ExecuteContext } = createRequire(${JSON.stringify(n8nPackageJson)})('n8n-core');`,
		'const schedstat = `/proc/self/task/${process.pid}/schedstat`;',
		// Parameter reads and credential reads per node run: how many, and the reads' time (synchronous,
		// so their wall time is main-thread time). One node runs at a time, so counters reset per node.
		'let reads = { parameter: 0, parameterUs: 0, credential: 0 };',
		'let owner = ExecuteContext.prototype;',
		"while (owner && !Object.prototype.hasOwnProperty.call(owner, '_getNodeParameter')) owner = Object.getPrototypeOf(owner);",
		'if (owner) {',
		'	const read = owner._getNodeParameter;',
		'	owner._getNodeParameter = function (...args) { const t = process.hrtime.bigint(); try { return read.apply(this, args); } finally { reads.parameter++; reads.parameterUs += Number(process.hrtime.bigint() - t) / 1000; } };',
		'	const getCredentials = owner._getCredentials;',
		'	if (getCredentials) owner._getCredentials = function (...args) { reads.credential++; return getCredentials.apply(this, args); };',
		'}',
		'const mainThreadUs = () => { try { return Number(fs.readFileSync(schedstat, "utf8").split(" ")[0]) / 1000; } catch { return NaN; } };',
		'const cpuByExecution = new Map();',
		'const runNode = WorkflowExecute.prototype.runNode;',
		'WorkflowExecute.prototype.runNode = async function (workflow, executionData, runExecutionData, runIndex, additionalData, ...rest) {',
		'	reads = { parameter: 0, parameterUs: 0, credential: 0 };',
		'	const cpu = process.cpuUsage();',
		'	const main = mainThreadUs();',
		'	try {',
		'		return await runNode.call(this, workflow, executionData, runExecutionData, runIndex, additionalData, ...rest);',
		'	} finally {',
		'		const used = process.cpuUsage(cpu);',
		'		const id = String(additionalData && additionalData.executionId);',
		'		const nodes = cpuByExecution.get(id) || {};',
		'		nodes[executionData.node.name] = { cpuMs: (used.user + used.system) / 1000, mainThreadMs: (mainThreadUs() - main) / 1000, parameterReads: reads.parameter, parameterReadUs: reads.parameterUs, credentialReads: reads.credential };',
		'		cpuByExecution.set(id, nodes);',
		'	}',
		'};',
		// Each execution starts from a collected heap: whether a major collection of an earlier run's
		// garbage falls inside a node's window would otherwise decide its CPU time more than the node does.
		"require('node:v8').setFlagsFromString('--expose-gc');",
		"const collect = require('node:vm').runInNewContext('gc');",
		'module.exports = { workflow: { preExecute: [async function () { collect(); }], postExecute: [async function (run, workflowData, executionId) {',
		'	const nodes = {};',
		'	const cpu = cpuByExecution.get(String(executionId)) || {};',
		'	cpuByExecution.delete(String(executionId));',
		'	const runData = (run && run.data && run.data.resultData && run.data.resultData.runData) || {};',
		'	for (const [name, tasks] of Object.entries(runData)) {',
		'		const task = tasks[0] || {};',
		'		const main = task.data && task.data.main && task.data.main[0];',
		'		nodes[name] = { startTime: task.startTime, executionTime: task.executionTime, items: main ? main.length : 0, error: task.error ? String(task.error.message) : undefined, ...(cpu[name] || {}) };',
		'	}',
		`	fs.appendFileSync(${JSON.stringify(runLog)}, JSON.stringify({ executionId, workflowId: workflowData.id, status: run.status, nodes }) + '\\n');`,
		'}] } };',
	];
	fs.writeFileSync(file, `${source.join('\n')}\n`);
	return file;
}

interface HookRecord {
	executionId: string;
	workflowId: string;
	status: string;
	nodes: Record<
		string,
		{ startTime: number; executionTime: number; items: number; error?: string; cpuMs?: number; mainThreadMs?: number; parameterReads?: number; parameterReadUs?: number; credentialReads?: number }
	>;
}

/** Execution records written by the hook file, in order. */
function hookRecords(runLog: string): HookRecord[] {
	if (!fs.existsSync(runLog)) return [];
	return fs
		.readFileSync(runLog, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as HookRecord);
}

/** Calls a workflow's webhook and waits until its execution is saved; returns its record. */
async function runWorkflow(
	n8n: N8nInstance,
	runLog: string,
	client: Exclude<RealClient, 'fetch'>,
	t: Target,
): Promise<{ wallMs: number; record: HookRecord; rss?: { before: number; peak: number } }> {
	const pid = n8n.pid;
	if (pid !== undefined) resetPeak(pid);
	const before = pid !== undefined ? processMemory(pid) : undefined;
	const seen = hookRecords(runLog).length;
	const started = performance.now();
	const res = await fetch(`${n8n.apiUrl}/webhook/${webhookPath(client, t)}`, { signal: AbortSignal.timeout(600_000) });
	await res.arrayBuffer();
	const wallMs = performance.now() - started;
	if (!res.ok) throw new Error(`webhook ${webhookPath(client, t)} answered ${res.status}\n${n8n.logTail(40)}`);
	const id = workflowId(client, t);
	for (let tries = 0; ; tries++) {
		const record = hookRecords(runLog).slice(seen).find((r) => r.workflowId === id);
		const [latest] = record ? await n8n.listExecutions(id, 1) : [];
		// Saved: the peak includes writing the execution to the database.
		if (record && latest && String(latest.id) === String(record.executionId) && latest.status !== 'running' && latest.status !== 'new') {
			const after = pid !== undefined ? processMemory(pid) : undefined;
			if (record.status !== 'success') throw new Error(`execution ${record.executionId} of ${id} ended ${record.status}: ${JSON.stringify(record.nodes).slice(0, 2000)}`);
			return { wallMs, record, rss: before && after ? { before: before.rss, peak: after.hwm } : undefined };
		}
		if (tries > 2400) throw new Error(`no finished execution of ${id} after 10 minutes`);
		await sleep(250);
	}
}

const CHAIN: Record<Exclude<RealClient, 'fetch'>, string[]> = {
	intercom: ['Intercom'],
	floor: ['Floor'],
	floorCredential: ['Floor with Credential'],
	http: ['HTTP Request', 'Split Out'],
};

/** One measured run of one client on one target. */
async function measureOnce(
	n8n: N8nInstance,
	client: RealClient,
	t: Target,
	certFile: string | undefined,
	runLog: string,
	round: number,
): Promise<RealRun & { windows: Window[] }> {
	t.sb.log.clear();
	const connectionsBefore = t.sb.connectionsOpened();
	const load1 = Number(os.loadavg()[0].toFixed(2));
	if (client === 'fetch') {
		const r = await runFetchLoop(t, certFile);
		const requests = t.sb.log.requests().length - 1;
		return { round, ms: r.ms, wallMs: r.ms, cpuMs: r.cpuMs, load1, items: r.items, requests, connections: t.sb.connectionsOpened() - connectionsBefore, windows: [] };
	}
	const { wallMs, record, rss } = await runWorkflow(n8n, runLog, client, t);
	const tasks = CHAIN[client].map((name) => {
		const task = record.nodes[name];
		if (!task) throw new Error(`node ${name} did not run in execution ${record.executionId}`);
		return { name, task };
	});
	const sum = (values: Array<number | undefined>) => (values.every((v) => typeof v === 'number') ? (values as number[]).reduce((a, b) => a + b, 0) : undefined);
	return {
		round,
		ms: tasks.reduce((total, x) => total + x.task.executionTime, 0),
		cpuMs: sum(tasks.map((x) => x.task.cpuMs)),
		mainThreadMs: sum(tasks.map((x) => x.task.mainThreadMs)),
		parameterReads: sum(tasks.map((x) => x.task.parameterReads)),
		parameterReadUs: sum(tasks.map((x) => x.task.parameterReadUs)),
		credentialReads: sum(tasks.map((x) => x.task.credentialReads)),
		load1,
		nodeMs: client === 'http' ? Object.fromEntries(tasks.map((x) => [x.name, x.task.executionTime])) : undefined,
		wallMs,
		items: tasks[tasks.length - 1].task.items,
		requests: t.sb.log.requests().length,
		connections: t.sb.connectionsOpened() - connectionsBefore,
		rssPeak: rss?.peak,
		rssBefore: rss?.before,
		windows: tasks.map((x) => ({ startMs: x.task.startTime, endMs: x.task.startTime + x.task.executionTime })),
	};
}

async function startN8n(n8n: N8nInstance, workflowIds: string[], log: (m: string) => void): Promise<void> {
	const started = Date.now();
	await n8n.start();
	await n8n.setupOwner();
	for (const id of workflowIds) await n8n.activateViaRest(id);
	log(`  n8n ${n8n.version} answers on ${n8n.apiUrl} (pid ${n8n.pid}), ${workflowIds.length} workflows active, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function waitForWebhooks(n8n: N8nInstance, targets: Target[]): Promise<void> {
	for (const t of targets) for (const client of N8N_CLIENTS) await n8n.waitForWebhook(webhookPath(client, t), 'GET');
}

/** `{ [field]: median }` over the runs that have the field, or nothing. */
function medianOf(runs: RealRun[], field: 'parameterReads' | 'parameterReadUs' | 'credentialReads'): Partial<Record<typeof field, number>> {
	const values = runs.map((r) => r[field]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	return values.length ? { [field]: median(values) } : {};
}

function summarize(size: number, protocol: Protocol, rounds: number, runs: Map<RealClient, RealRun[]>): RealJob {
	const byRound = (client: RealClient, round: number) => runs.get(client)!.find((r) => r.round === round);
	const clients = Object.fromEntries(
		REAL_CLIENTS.map((client) => {
			const rs = runs.get(client)!;
			const ratio = (to: RealClient) => rs.map((r) => r.ms / (byRound(to, r.round)?.ms ?? NaN));
			const cpuRatio = (to: RealClient) => rs.map((r) => (r.cpuMs ?? NaN) / (byRound(to, r.round)?.cpuMs ?? NaN)).filter(Number.isFinite);
			const cpuVsFloor = cpuRatio('floor');
			const cpu = rs.map((r) => r.cpuMs).filter((v): v is number => typeof v === 'number');
			const mainThread = rs.map((r) => r.mainThreadMs).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
			const withRss = rs.filter((r) => r.rssPeak !== undefined && r.rssBefore !== undefined);
			const vsFloor = ratio('floor');
			return [
				client,
				{
					label: REAL_CLIENT_LABEL[client],
					runs: rs,
					median: {
						ms: median(rs.map((r) => r.ms)),
						wallMs: median(rs.map((r) => r.wallMs)),
						requests: median(rs.map((r) => r.requests)),
						connections: median(rs.map((r) => r.connections)),
						rssPeak: withRss.length ? max(withRss.map((r) => r.rssPeak!)) : undefined,
						rssPeakDelta: withRss.length ? max(withRss.map((r) => r.rssPeak! - r.rssBefore!)) : undefined,
						cpuMs: cpu.length ? median(cpu) : undefined,
						mainThreadMs: mainThread.length ? median(mainThread) : undefined,
						...medianOf(rs, 'parameterReads'),
						...medianOf(rs, 'parameterReadUs'),
						...medianOf(rs, 'credentialReads'),
					},
					vsFloor: median(vsFloor),
					vsFloorRange: [Math.min(...vsFloor), Math.max(...vsFloor)],
					vsFetch: median(ratio('fetch')),
					cpuVsFloor: cpuVsFloor.length ? median(cpuVsFloor) : undefined,
					cpuVsFloorRange: cpuVsFloor.length ? [Math.min(...cpuVsFloor), Math.max(...cpuVsFloor)] : undefined,
					cpuVsFetch: cpuRatio('fetch').length ? median(cpuRatio('fetch')) : undefined,
				} satisfies RealClientSummary,
			];
		}),
	) as Record<RealClient, RealClientSummary>;
	const loads = [...runs.values()].flat().map((r) => r.load1).filter((v): v is number => typeof v === 'number');
	return { size, protocol, rounds, floorRequests: Math.ceil(size / PER_PAGE), clients, load1: loads.length ? [Math.min(...loads), Math.max(...loads)] : undefined };
}

/** Runs the real-n8n section. Throws on any failure; the caller decides whether it was skippable. */
export async function benchRealN8n(config: RealN8nConfig): Promise<RealN8nResults> {
	const version = config.version ?? DEFAULT_N8N_VERSION;
	const log = config.log;
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-bench-'));
	const sandboxes: RunningSandbox[] = [];
	const instances: N8nInstance[] = [];
	try {
		const needsTls = config.jobs.some((j) => j.protocol === 'https');
		const tls = needsTls ? await makeCertificate(tmp) : undefined;
		// One sandbox per (size, protocol): seeding 100,000 contacts once, not once per client.
		const targets: Target[] = [];
		const specs = [...config.jobs, ...(config.profile ? [{ size: config.profile.size, protocol: 'http' as const }] : [])];
		for (const spec of specs) {
			if (targets.some((t) => key(t) === key(spec))) continue;
			const sb = await startSandbox({
				port: 0,
				seed: { contacts: spec.size, conversations: 0, articles: 0, companies: 0 },
				// Rate limiting off, headers included: the limiter's X-RateLimit-Remaining counts every
				// client's requests in the window, and the Intercom node (alone) paces by it.
				settings: { rateLimit: false },
				rateLimit: { enabled: false },
				tls: spec.protocol === 'https' ? { key: tls!.key, cert: tls!.cert } : undefined,
			});
			sandboxes.push(sb);
			const id = id16('bnCr', spec);
			targets.push({
				size: spec.size,
				protocol: spec.protocol,
				sb,
				credential: { id, name: `bench sandbox ${key(spec)}` },
				floorCredential: { id: id16('bnFc', spec), name: `bench floor ${key(spec)}` },
			});
		}
		const target = (spec: { size: number; protocol: Protocol }) => targets.find((t) => key(t) === key(spec))!;

		log(`  preparing n8n ${version}: package and floor node installed as community packages`);
		const runLog = path.join(tmp, 'executions.jsonl');
		const hooks = writeHookFile(tmp, runLog, path.join(path.dirname(path.dirname(n8nBin(version))), 'package.json'));
		const n8n = await N8nInstance.create({ version, name: 'bench', env: { EXTERNAL_HOOK_FILES: hooks, ...(tls ? { NODE_EXTRA_CA_CERTS: tls.certFile } : {}) } });
		instances.push(n8n);
		await installFloorNode(n8n.userFolder);
		const credentials = targets.flatMap((t) => [
			accessTokenCredential(t.sb.baseUrl, t.sb.token, t.credential.id, t.credential.name),
			{ ...t.floorCredential, type: 'floorContactsApi', data: { baseUrl: t.sb.baseUrl, accessToken: t.sb.token } },
		]);
		await n8n.importCredentials(writeJson(path.join(n8n.userFolder, 'bench-credentials.json'), credentials));
		const workflowsDir = path.join(n8n.userFolder, 'bench-workflows');
		const ids: string[] = [];
		for (const t of targets) {
			for (const client of N8N_CLIENTS) {
				const wf = workflow(client, t);
				writeJson(path.join(workflowsDir, `${wf.id}.json`), wf);
				ids.push(wf.id);
			}
		}
		await n8n.importWorkflows(workflowsDir);
		await startN8n(n8n, ids, log);
		await waitForWebhooks(n8n, targets);

		// Warm-up: each workflow once on the smallest target of each protocol (code loaded and compiled).
		for (const protocol of [...new Set(config.jobs.map((j) => j.protocol))]) {
			const smallest = target(config.jobs.filter((j) => j.protocol === protocol).sort((a, b) => a.size - b.size)[0]);
			for (const client of REAL_CLIENTS) await measureOnce(n8n, client, smallest, tls?.certFile, runLog, -1);
		}
		const jobs: RealJob[] = [];
		for (const job of config.jobs) {
			const t = target(job);
			const runs = new Map<RealClient, RealRun[]>(REAL_CLIENTS.map((c) => [c, []]));
			for (let round = 0; round < job.rounds; round++) {
				const order = REAL_CLIENTS.map((_, i) => REAL_CLIENTS[(i + round) % REAL_CLIENTS.length]);
				for (const client of order) {
					const { windows: _windows, ...r } = await measureOnce(n8n, client, t, tls?.certFile, runLog, round);
					if (r.items !== job.size) throw new Error(`${client} returned ${r.items} contacts of ${job.size} (${key(job)})`);
					runs.get(client)!.push(r);
					log(
						`  ${job.size.toLocaleString('en-US')} over ${job.protocol}, round ${round + 1}/${job.rounds}, ${client}: ${r.ms.toFixed(0)} ms, CPU ${r.cpuMs?.toFixed(0) ?? '?'} ms, main thread ${r.mainThreadMs?.toFixed(1) ?? '?'} ms${r.parameterReads !== undefined ? `, ${r.parameterReads} parameter reads (${r.parameterReadUs?.toFixed(0)} µs)` : ''} (webhook ${r.wallMs.toFixed(0)} ms, load ${r.load1}), ${r.requests} requests, ${r.connections} connections${r.rssPeak ? `, peak RSS ${(r.rssPeak / 1048576).toFixed(0)} MB` : ''}`,
					);
				}
			}
			jobs.push(summarize(job.size, job.protocol, job.rounds, runs));
		}
		const rejected = sandboxes.reduce((n, sb) => n + sb.log.nonConformant().length, 0);
		if (rejected > 0) throw new Error(`the sandbox saw ${rejected} non-conformant requests`);
		await n8n.stop();

		let profile: ProfileBreakdown | undefined;
		if (config.profile) profile = await profilePass(n8n, runLog, target({ size: config.profile.size, protocol: 'http' }), config.profile.rounds, ids, tmp, log);
		return { n8nVersion: version, node: NODE24_VERSION, jobs, profile };
	} finally {
		for (const n8n of instances) await n8n.stop().catch(() => undefined);
		for (const sb of sandboxes) await sb.close();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * n8n once more, on the same user folder, under `--cpu-prof`: each node client runs `rounds`
 * times at one size; the profile's samples inside each node's execution window are broken down.
 */
async function profilePass(first: N8nInstance, runLog: string, t: Target, rounds: number, ids: string[], tmp: string, log: (m: string) => void): Promise<ProfileBreakdown> {
	const profileDir = path.join(tmp, 'cpu-prof');
	fs.mkdirSync(profileDir, { recursive: true });
	log(`  CPU profile: n8n under --cpu-prof, ${rounds} runs per node at ${t.size.toLocaleString('en-US')} contacts`);
	const n8n = await N8nInstance.create({
		version: first.version,
		name: 'bench',
		userFolder: first.userFolder,
		skipPackage: true,
		env: { EXTERNAL_HOOK_FILES: path.join(tmp, 'bench-hooks.js'), NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=250` },
	});
	const windows = new Map<string, Window[]>();
	const requests = new Map<string, number>();
	let pid: number | undefined;
	try {
		await startN8n(n8n, ids, log);
		pid = n8n.pid;
		await waitForWebhooks(n8n, [t]);
		const clients = N8N_CLIENTS;
		for (const client of clients) await measureOnce(n8n, client, t, undefined, runLog, -1);
		for (let round = 0; round < rounds; round++) {
			for (const client of clients) {
				const r = await measureOnce(n8n, client, t, undefined, runLog, round);
				windows.set(client, [...(windows.get(client) ?? []), ...r.windows]);
				requests.set(client, (requests.get(client) ?? 0) + r.requests);
			}
		}
	} finally {
		await n8n.stop();
	}
	const file = fs.readdirSync(profileDir).find((f) => f.includes(`.${pid}.`) && f.endsWith('.cpuprofile'));
	if (!file) throw new Error(`n8n (pid ${pid}) wrote no CPU profile to ${profileDir}: ${fs.readdirSync(profileDir).join(', ')}`);
	// n8n's run data times are wall-clock ms, the profile's monotonic µs (CLOCK_MONOTONIC on Linux, as
	// process.hrtime here): the same machine, so one offset maps one onto the other.
	const monotonicOffsetUs = Number(process.hrtime.bigint() / 1000n) - Date.now() * 1000;
	// Kept for a closer look (Chrome DevTools → Performance → load profile); bench/out is not committed.
	const kept = path.join(__dirname, '..', 'out', `n8n-${first.version}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.cpuprofile`);
	fs.mkdirSync(path.dirname(kept), { recursive: true });
	fs.copyFileSync(path.join(profileDir, file), kept);
	log(`  CPU profile kept in ${path.relative(process.cwd(), kept)}`);
	return breakdown(path.join(profileDir, file), { size: t.size, rounds, windows, requests, monotonicOffsetUs });
}
