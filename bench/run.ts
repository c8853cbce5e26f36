/**
 * `npm run bench`: the package's cost, measured side by side in one run on this machine, against
 * the sandbox on loopback. Not a test: nothing here passes or fails on timing.
 *
 *   npm run bench               full run (~10 min): writes bench/results.json, results.md, pacing.svg
 *   npm run bench -- --smoke    small sizes, one run each (seconds): proves the bench still runs;
 *                               writes bench/out/smoke-results.* instead
 *
 * The sandbox runs in this process; every client (a plain fetch loop, the Intercom node, n8n's
 * HTTP Request node, the trigger) runs in a child process of its own (bench/lib/worker.ts), so
 * its time and memory are its own. Figures are medians over several runs; ratios are taken
 * between runs of the same round, clients interleaved, and their median reported.
 *
 * 0. Return All inside a real n8n 2.40.7 (bench/lib/real-n8n.ts): the Intercom node, n8n's HTTP
 *    Request node + Split Out, a plain fetch loop and the bench's floor nodes (bench/floor-node:
 *    without and with a credential read),
 *    over HTTP and HTTPS, with a CPU profile of n8n broken down by where the time goes. Skipped,
 *    with a line saying so, only when the n8n runtime is not installed.
 * 1. Return All contacts at 1,000 / 10,000 / 100,000 contacts, through n8n-core alone.
 * 2. Pacing: 3,000 contact GETs under a scaled-down limit; pacing on, pacing off (429 retries
 *    only), and no 429 handling at all; a per-100-ms timeline for the chart.
 * 3. Two such jobs sharing one workspace from two processes.
 * 4. Trigger cost: idle polls and polls after changes, at each workspace size.
 * 5. Growth, in a sentence, from 1 and 4.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type LoggedRequest, type RunningSandbox } from '../sandbox';
import { updateContact } from '../sandbox/store/contact-ops';
import { MAX_RECENT_IDS } from '../nodes/IntercomTrigger/poll';
import { pacingChart, type TimelineBucket } from './lib/chart';
import { benchTriggerBursts, burstsMarkdown, extractLegacy, type BurstsResult } from './trigger-bursts';
import { ClientPool, type ClientProcess } from './lib/client-process';
import { baseNodesDir, HTTP_REQUEST_VERSION } from './lib/engine-paths';
import type { GetsResult, GetsVariant, ListClient, PollResult, ReturnAllResult, Target } from './lib/protocol';
import { benchRealN8n, realN8nUnavailable, type RealN8nConfig, type RealN8nResults } from './lib/real-n8n';
import { realN8nMarkdown, type RealN8nBaseline } from './lib/real-n8n-report';
import { max, median, quantile, sum } from './lib/stats';

const PER_PAGE = 150;
const BUCKET_MS = 100;
/**
 * The long-lived client processes: `a` runs the trigger and the node's jobs (pacing on and off),
 * `b` the plain fetch loops and the second shared job; in a smoke run they also walk the lists.
 */
const JOB_A = 'job-a';
const JOB_B = 'job-b';

interface Config {
	name: 'full' | 'smoke';
	sizes: number[];
	/** Rounds of Return All per size. */
	rounds: (size: number) => number;
	/** A fresh process per client and size (clean memory figures), or one per client for the whole run. */
	freshListProcesses: boolean;
	pacing: { gets: number; limit: number; windowSeconds: number; rounds: number };
	sharing: { getsPerJob: number; variants: Array<{ variant: GetsVariant; rounds: number }> };
	trigger: { changes: number[]; idlePolls: number; changeRounds: (size: number, changes: number) => number; sameSecondChanges: number };
	/** Bursts of changes, current trigger and the design before it, at the largest size (bench/trigger-bursts.ts). */
	bursts: number[];
	/** Section 0, inside a real n8n. */
	realN8n: Omit<RealN8nConfig, 'log'>;
}

const FULL: Config = {
	name: 'full',
	sizes: [1_000, 10_000, 100_000],
	rounds: () => 5,
	freshListProcesses: true,
	pacing: { gets: 3_000, limit: 100, windowSeconds: 1, rounds: 3 },
	sharing: {
		getsPerJob: 1_500,
		variants: [
			{ variant: 'paced', rounds: 2 },
			{ variant: 'unpaced', rounds: 1 },
		],
	},
	trigger: { changes: [1_000, 10_000], idlePolls: 5, changeRounds: (_size, changes) => (changes >= 10_000 ? 2 : 3), sameSecondChanges: 1_000 },
	bursts: [1_000, 10_000, 50_000],
	realN8n: {
		jobs: [
			// Rounds are cheap at the small sizes (under a second a client): more of them there.
			{ size: 1_000, protocol: 'http', rounds: 15 },
			{ size: 10_000, protocol: 'http', rounds: 9 },
			{ size: 100_000, protocol: 'http', rounds: 3 },
			{ size: 1_000, protocol: 'https', rounds: 9 },
			{ size: 10_000, protocol: 'https', rounds: 5 },
		],
		profile: { size: 1_000, rounds: 30 },
	},
};

const SMOKE: Config = {
	name: 'smoke',
	sizes: [300, 1_500],
	rounds: () => 1,
	freshListProcesses: false,
	pacing: { gets: 250, limit: 100, windowSeconds: 1, rounds: 1 },
	sharing: { getsPerJob: 100, variants: [{ variant: 'paced', rounds: 1 }] },
	trigger: { changes: [200], idlePolls: 1, changeRounds: () => 1, sameSecondChanges: 200 },
	bursts: [200, 1_000],
	realN8n: {
		jobs: [
			{ size: 300, protocol: 'http', rounds: 1 },
			{ size: 300, protocol: 'https', rounds: 1 },
		],
	},
};

const CLIENT_LABEL: Record<ListClient, string> = {
	fetch: 'plain fetch loop',
	node: 'Intercom node (Return All)',
	http: `HTTP Request node ${HTTP_REQUEST_VERSION} + Split Out`,
};

const VARIANT_LABEL: Record<GetsVariant, string> = {
	paced: 'Intercom node, pacing on',
	unpaced: 'Intercom node, pacing off (429 retries only)',
	plain: 'plain fetch loop, no 429 handling',
};

function log(message: string): void {
	process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const mb = (bytes: number) => `${fmt(bytes / 1048576, 1)} MB`;
const ms = (value: number) => (value >= 10_000 ? `${fmt(value / 1000, 1)} s` : `${fmt(value, value < 100 ? 1 : 0)} ms`);

function packageVersion(name: string): string {
	try {
		return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		cores: cpus.length,
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
		loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
		loadAverageAtEnd: [] as number[],
	};
}

/** Requests the sandbox answered since its log was last cleared, and the time it spent on them. */
function served(sb: RunningSandbox): { requests: LoggedRequest[]; count: number; serverMs: number; status429: number } {
	const requests = sb.log.requests();
	return {
		requests,
		count: requests.length,
		serverMs: sum(requests.map((r) => r.durationMs)),
		status429: requests.filter((r) => r.status === 429).length,
	};
}

// ---------------------------------------------------------------------------------------------
// 1. Return All

interface ListRun {
	round: number;
	ms: number;
	cpuMs: number;
	connections: number;
	items: number;
	requests: number;
	serverMs: number;
	heapPeakDelta: number;
	rssPeakDelta: number;
	nodeTimes?: Record<string, number>;
}

interface ListClientSummary {
	label: string;
	skipped?: string;
	runs: ListRun[];
	median?: { ms: number; cpuMs: number; connections: number; itemsPerSecond: number; requests: number; heapPeakDelta: number; rssPeakDelta: number; serverMsPerRequest: number };
	/** Median over rounds of (this client's time / the fetch loop's time in the same round). */
	ratioToFetch?: number;
	/** The smallest and largest of those per-round ratios. */
	ratioRange?: [number, number];
	/** The same for the client process's CPU time (user + system), less sensitive to other load. */
	cpuRatioToFetch?: number;
}

interface ReturnAllSize {
	size: number;
	floor: number;
	clients: Record<ListClient, ListClientSummary>;
	/** Server-side time per GET /contacts?per_page=150, over every page every client asked for. */
	sandboxPage: { medianMs: number; p95Ms: number; samples: number };
	/** Round trip per page of the plain fetch loop (its time over its requests), median over rounds. */
	fetchRoundTripMs: number;
	/** 'off': the sandbox's limiter was off, headers included (runs before 2026-12-01 left its headers on). */
	sandboxLimiter?: 'off';
}

/** Process and client pairs that ran their warm-up already. */
const warmed = new Set<string>();

async function benchReturnAll(sb: RunningSandbox, size: number, config: Config, pool: ClientPool, httpSkip: string | undefined): Promise<ReturnAllSize> {
	const target: Target = { baseUrl: sb.baseUrl, token: sb.token };
	const clients: ListClient[] = ['fetch', 'node', 'http'];
	const active = clients.filter((c) => !(c === 'http' && httpSkip));
	// A fresh process per client and size, for clean memory figures (the smoke run reuses them).
	const label = (client: ListClient) => (config.freshListProcesses ? `${client}@${size}` : client === 'fetch' ? JOB_B : JOB_A);
	const started = await pool.start(...active.map(label));
	const processes = new Map<ListClient, ClientProcess>(active.map((c, i) => [c, started[i]]));
	const warmUp = (client: ListClient) => `${label(client)}:${client}`;
	const summaries = Object.fromEntries(
		clients.map((c) => [c, { label: CLIENT_LABEL[c], runs: [], skipped: c === 'http' ? httpSkip : undefined } as ListClientSummary]),
	) as Record<ListClient, ListClientSummary>;
	const pageTimes: number[] = [];
	try {
		for (const [client, p] of processes) {
			if (warmed.has(warmUp(client))) continue;
			// Warm-up: modules loaded, code compiled, sockets open; not measured.
			await p.run({ kind: 'returnAll', target, client, maxItems: Math.min(size, 1_500) });
			warmed.add(warmUp(client));
		}
		const rounds = config.rounds(size);
		for (let round = 0; round < rounds; round++) {
			// Rotate the order so that no client always goes first (or right after another one).
			const order = active.map((_, i) => active[(i + round) % active.length]);
			for (const client of order) {
				sb.log.clear();
				const r = await processes.get(client)!.run<ReturnAllResult>({ kind: 'returnAll', target, client });
				const s = served(sb);
				if (r.items !== size) throw new Error(`${client} returned ${r.items} contacts of ${size}`);
				pageTimes.push(...s.requests.map((q) => q.durationMs));
				summaries[client].runs.push({ round, ms: r.ms, cpuMs: r.cpuMs, connections: r.connections, items: r.items, requests: s.count, serverMs: s.serverMs, heapPeakDelta: r.heapPeakDelta, rssPeakDelta: r.rssPeakDelta, nodeTimes: r.nodeTimes });
				log(`  ${fmt(size)} contacts, round ${round + 1}/${rounds}, ${client}: ${ms(r.ms)} (CPU ${ms(r.cpuMs)}), ${s.count} requests, heap +${mb(r.heapPeakDelta)}`);
			}
		}
	} finally {
		if (config.freshListProcesses) await pool.close(...active.map(label));
	}
	const fetchRuns = summaries.fetch.runs;
	for (const client of active) {
		const runs = summaries[client].runs;
		summaries[client].median = {
			ms: median(runs.map((r) => r.ms)),
			cpuMs: median(runs.map((r) => r.cpuMs)),
			connections: median(runs.map((r) => r.connections)),
			itemsPerSecond: median(runs.map((r) => r.items / (r.ms / 1000))),
			requests: median(runs.map((r) => r.requests)),
			heapPeakDelta: median(runs.map((r) => r.heapPeakDelta)),
			rssPeakDelta: max(runs.map((r) => r.rssPeakDelta)),
			serverMsPerRequest: median(runs.map((r) => r.serverMs / r.requests)),
		};
		const fetchOf = (r: ListRun) => fetchRuns.find((f) => f.round === r.round);
		const ratios = runs.map((r) => r.ms / (fetchOf(r)?.ms ?? NaN));
		summaries[client].ratioToFetch = median(ratios);
		summaries[client].ratioRange = [Math.min(...ratios), Math.max(...ratios)];
		summaries[client].cpuRatioToFetch = median(runs.map((r) => r.cpuMs / (fetchOf(r)?.cpuMs ?? NaN)));
	}
	return {
		size,
		floor: Math.ceil(size / PER_PAGE),
		clients: summaries,
		sandboxPage: { medianMs: median(pageTimes), p95Ms: quantile(pageTimes, 0.95), samples: pageTimes.length },
		fetchRoundTripMs: median(fetchRuns.map((r) => r.ms / r.requests)),
		sandboxLimiter: 'off',
	};
}

// ---------------------------------------------------------------------------------------------
// 4. Trigger

const POLL_INTERVAL_SECONDS = 60;
/** The trigger's default late-arrival window: changes are re-read until it has passed. */
const LATE_ARRIVAL_MINUTES = 10;

interface PollFigure {
	label: string;
	changes: number;
	polls: number;
	events: number[];
	requests: number[];
	ms: number[];
	serverMs: number[];
	errors: string[];
	median: { events: number; requests: number; ms: number; serverMs: number };
}

/** Every poll from a burst of changes until the trigger is idle again, summed. */
interface Episode {
	changes: number;
	rounds: Array<{ polls: number; events: number; requests: number; ms: number; serverMs: number }>;
	median: { polls: number; events: number; requests: number; ms: number; serverMs: number };
}

interface TriggerSize {
	size: number;
	event: string;
	polls: PollFigure[];
	episodes: Episode[];
}

async function benchTrigger(sb: RunningSandbox, size: number, config: Config, p: ClientProcess): Promise<TriggerSize> {
	const target: Target = { baseUrl: sb.baseUrl, token: sb.token };
	const parameters = { event: 'contact.updated', contactRole: 'any', options: { maxEventsPerPoll: 10_000 } };
	const figures = new Map<string, PollFigure>();
	const record = (label: string, changes: number, r: PollResult, s: ReturnType<typeof served>) => {
		let f = figures.get(label);
		if (!f) {
			f = { label, changes, polls: 0, events: [], requests: [], ms: [], serverMs: [], errors: [], median: { events: 0, requests: 0, ms: 0, serverMs: 0 } };
			figures.set(label, f);
		}
		f.polls++;
		f.events.push(r.events);
		f.requests.push(s.count);
		f.ms.push(r.ms);
		f.serverMs.push(s.serverMs);
		if (r.error) f.errors.push(r.error);
	};
	const pollNow = async (resetState = false) => {
		sb.log.clear();
		const r = await p.run<PollResult>({ kind: 'poll', target, parameters, offsetMs: sb.clock.offsetSeconds() * 1000, resetState });
		return { r, s: served(sb) };
	};
	const advance = (seconds: number) => sb.clock.advanceSeconds(seconds);
	const idle = 'idle poll (no change in the last 10 min)';

	// Activation: the cursor starts now (GET /me for the time zone, one search).
	let { r, s } = await pollNow(true);
	record('first poll (activation)', 0, r, s);
	for (let i = 0; i < config.trigger.idlePolls; i++) {
		advance(POLL_INTERVAL_SECONDS);
		({ r, s } = await pollNow());
		record(idle, 0, r, s);
	}
	const contacts = sb.workspace.contacts.all().map((c) => c.id);
	let next = 0;
	/** Updates `count` distinct contacts "now", as the API would (updated_at, change log). */
	const update = (count: number, round: number) => {
		for (let i = 0; i < count; i++) {
			updateContact(sb.workspace, contacts[next % contacts.length], { custom_attributes: { bench_round: round + 1 } });
			next++;
		}
	};
	const episodes: Episode[] = [];
	for (const changes of config.trigger.changes.filter((c) => c <= size)) {
		const episode: Episode = { changes, rounds: [], median: { polls: 0, events: 0, requests: 0, ms: 0, serverMs: 0 } };
		const rounds = config.trigger.changeRounds(size, changes);
		for (let round = 0; round < rounds; round++) {
			// The changes come in over the minute before the poll, a second at a time.
			for (let second = 0; second < POLL_INTERVAL_SECONDS; second++) {
				update(Math.floor((changes * (second + 1)) / POLL_INTERVAL_SECONDS) - Math.floor((changes * second) / POLL_INTERVAL_SECONDS), round);
				advance(1);
			}
			const total = { polls: 0, events: 0, requests: 0, ms: 0, serverMs: 0 };
			// A poll a minute until every change is emitted and the late-arrival window has passed.
			for (let minute = 1; ; minute++) {
				if (minute > 1) advance(POLL_INTERVAL_SECONDS);
				({ r, s } = await pollNow());
				record(
					minute === 1
						? `1 min after the first of ${fmt(changes)} changes made over that minute`
						: `2–${LATE_ARRIVAL_MINUTES + 1} min after the ${fmt(changes)} changes, until they have settled (one of these polls reads them again)`,
					changes,
					r,
					s,
				);
				total.polls++;
				total.events += r.events;
				total.requests += s.count;
				total.ms += r.ms;
				total.serverMs += s.serverMs;
				if (r.error) throw new Error(`poll failed: ${r.error}`);
				if (total.events >= changes && minute > LATE_ARRIVAL_MINUTES) break;
				if (minute > LATE_ARRIVAL_MINUTES + 5) throw new Error(`${changes - total.events} of ${changes} changes still not emitted after ${minute} polls`);
			}
			advance(POLL_INTERVAL_SECONDS);
			({ r, s } = await pollNow());
			record('next poll, nothing new', 0, r, s);
			episode.rounds.push(total);
			log(`  trigger at ${fmt(size)} contacts, ${fmt(changes)} changes, round ${round + 1}/${rounds}: ${total.events} events over ${total.polls} polls, ${total.requests} requests, ${ms(total.ms)} (sandbox ${ms(total.serverMs)}); next idle poll ${s.count} request(s)`);
			if (total.events !== changes) throw new Error(`the trigger emitted ${total.events} events for ${changes} changes`);
		}
		const rs = episode.rounds;
		episode.median = {
			polls: median(rs.map((x) => x.polls)),
			events: median(rs.map((x) => x.events)),
			requests: median(rs.map((x) => x.requests)),
			ms: median(rs.map((x) => x.ms)),
			serverMs: median(rs.map((x) => x.serverMs)),
		};
		episodes.push(episode);
	}

	// Many changes within one second: the cursor's watermark sits on that second, and reads start
	// there (a record of the same second with a higher id could still appear), until a newer change.
	const sameSecond = Math.min(config.trigger.sameSecondChanges, size);
	advance(POLL_INTERVAL_SECONDS);
	update(sameSecond, 99);
	advance(POLL_INTERVAL_SECONDS);
	({ r, s } = await pollNow());
	let emitted = r.events;
	advance((LATE_ARRIVAL_MINUTES + 1) * 60);
	({ r, s } = await pollNow());
	emitted += r.events;
	if (emitted !== sameSecond) throw new Error(`the trigger emitted ${emitted} events for ${sameSecond} changes in one second`);
	for (let i = 0; i < 2; i++) {
		advance(POLL_INTERVAL_SECONDS);
		({ r, s } = await pollNow());
		record(`idle poll after ${fmt(sameSecond)} changes made in one second (no newer change yet)`, 0, r, s);
	}
	const polls = [...figures.values()];
	for (const f of polls) {
		f.median = { events: median(f.events), requests: median(f.requests), ms: median(f.ms), serverMs: median(f.serverMs) };
	}
	return { size, event: 'contact.updated', polls, episodes };
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Pacing

interface GetsRun {
	round: number;
	ms: number;
	requests: number;
	status429: number;
	ok: number;
	failures: number;
	firstFailure?: string;
	throughput: number;
	ratioToAllowed: number;
}

interface GetsSummary {
	label: string;
	runs: GetsRun[];
	median: { ms: number; requests: number; status429: number; share429: number; failures: number; throughput: number; ratioToAllowed: number };
	/** The timeline of the run with the median time, per 100 ms from the job's start. */
	timeline: TimelineBucket[];
}

function timeline(requests: LoggedRequest[], startedAt: number, endedAt: number): TimelineBucket[] {
	const buckets: TimelineBucket[] = Array.from({ length: Math.max(1, Math.ceil((endedAt - startedAt) / BUCKET_MS)) }, () => ({ ok: 0, r429: 0 }));
	for (const r of requests) {
		const i = Math.min(buckets.length - 1, Math.max(0, Math.floor((r.at - startedAt) / BUCKET_MS)));
		if (r.status === 429) buckets[i].r429++;
		else buckets[i].ok++;
	}
	return buckets;
}

function summarizeGets(label: string, runs: Array<GetsRun & { timeline: TimelineBucket[] }>): GetsSummary {
	const byTime = [...runs].sort((a, b) => a.ms - b.ms);
	const mid = byTime[Math.floor((byTime.length - 1) / 2)];
	return {
		label,
		runs: runs.map(({ timeline: _t, ...run }) => run),
		median: {
			ms: median(runs.map((r) => r.ms)),
			requests: median(runs.map((r) => r.requests)),
			status429: median(runs.map((r) => r.status429)),
			share429: median(runs.map((r) => r.status429 / r.requests)),
			failures: median(runs.map((r) => r.failures)),
			throughput: median(runs.map((r) => r.throughput)),
			ratioToAllowed: median(runs.map((r) => r.ratioToAllowed)),
		},
		timeline: mid.timeline,
	};
}

interface PacingResult {
	limit: number;
	windowSeconds: number;
	allowedPerSecond: number;
	gets: number;
	variants: Record<GetsVariant, GetsSummary>;
	/** Pacing on, with Intercom's (the sandbox's) clock set ahead or behind the client's. */
	clockDifference?: Array<GetsSummary & { offsetSeconds: number; ratioToSame: number }>;
}

/** The server's clock against the client's, in the clock-difference rows: 10 minutes ahead and behind. */
const CLOCK_OFFSETS = [600, -600];


async function benchPacing(config: Config, pool: ClientPool): Promise<PacingResult> {
	const { gets, limit, windowSeconds, rounds } = config.pacing;
	const sb = await startSandbox({ port: 0, seed: { contacts: gets, conversations: 0, articles: 0, companies: 0 }, rateLimit: { limit, windowSeconds } });
	const target: Target = { baseUrl: sb.baseUrl, token: sb.token };
	const ids = sb.workspace.contacts.all().slice(0, gets).map((c) => c.id);
	const allowed = limit / windowSeconds;
	const variants: GetsVariant[] = ['paced', 'unpaced', 'plain'];
	const [a, b] = await pool.start(JOB_A, JOB_B);
	const processes = new Map<GetsVariant, ClientProcess>([
		['paced', a],
		['unpaced', a],
		['plain', b],
	]);
	const runs = new Map<GetsVariant, Array<GetsRun & { timeline: TimelineBucket[] }>>(variants.map((v) => [v, []]));
	const skewed = new Map<number, Array<GetsRun & { timeline: TimelineBucket[] }>>(CLOCK_OFFSETS.map((o) => [o, []]));
	const measureGets = async (round: number, variant: GetsVariant) => {
		sb.setRateLimit({}); // fresh windows
		await settle(windowSeconds);
		sb.log.clear();
		const r = await processes.get(variant)!.run<GetsResult>({ kind: 'gets', target, variant, ids });
		const s = served(sb);
		const throughput = r.ok / (r.ms / 1000);
		const run = {
			round,
			ms: r.ms,
			requests: s.count,
			status429: s.status429,
			ok: r.ok,
			failures: r.failures,
			firstFailure: r.firstFailure,
			throughput,
			ratioToAllowed: throughput / allowed,
			// The sandbox logs arrival in its own clock; the job's start and end are the client's.
			timeline: timeline(s.requests.map((q) => ({ ...q, at: q.at - sb.clock.offsetSeconds() * 1000 })), r.startedAt, r.endedAt),
		};
		log(`  pacing round ${round + 1}/${rounds}, ${variant}${sb.clock.offsetSeconds() ? `, server clock ${sb.clock.offsetSeconds() > 0 ? '+' : ''}${sb.clock.offsetSeconds()} s` : ''}: ${ms(r.ms)}, ${s.count} requests, ${s.status429} × 429, ${r.failures} failures, ${fmt(throughput, 1)}/s of ${allowed}/s`);
		return run;
	};
	try {
		sb.setRateLimit({ enabled: false });
		for (const [variant, p] of processes) await p.run({ kind: 'gets', target, variant, ids: ids.slice(0, 50) });
		sb.setRateLimit({ enabled: true });
		for (let round = 0; round < rounds; round++) {
			for (const variant of variants) runs.get(variant)!.push(await measureGets(round, variant));
			for (const offset of CLOCK_OFFSETS) {
				sb.clock.setOffsetSeconds(offset);
				try {
					skewed.get(offset)!.push(await measureGets(round, 'paced'));
				} finally {
					sb.clock.setOffsetSeconds(0);
				}
			}
		}
	} finally {
		await sb.close();
	}
	return {
		limit,
		windowSeconds,
		allowedPerSecond: allowed,
		gets,
		variants: Object.fromEntries(variants.map((v) => [v, summarizeGets(VARIANT_LABEL[v], runs.get(v)!)])) as Record<GetsVariant, GetsSummary>,
		clockDifference: CLOCK_OFFSETS.map((offset) => {
			const label = `${VARIANT_LABEL.paced}, Intercom's clock ${Math.abs(offset) / 60} min ${offset > 0 ? 'ahead' : 'behind'}`;
			// Per round, against the no-difference run of the same round.
			const ratios = skewed.get(offset)!.map((r, i) => r.ms / runs.get('paced')![i].ms);
			return { ...summarizeGets(label, skewed.get(offset)!), offsetSeconds: offset, ratioToSame: median(ratios) };
		}),
	};
}

/** Waits for the next rate-limit window to begin, so every run starts on a fresh one. */
async function settle(windowSeconds: number): Promise<void> {
	const windowMs = windowSeconds * 1000;
	await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 5));
}

interface SharingRun {
	round: number;
	wallMs: number;
	requests: number;
	status429: number;
	ok: number;
	failures: number;
	throughput: number;
	ratioToAllowed: number;
	jobs: Array<{ ms: number; ok: number; failures: number }>;
}

interface SharingResult {
	getsPerJob: number;
	allowedPerSecond: number;
	variants: Array<{ variant: GetsVariant; label: string; rounds: number; runs: SharingRun[]; median: { wallMs: number; requests: number; status429: number; share429: number; failures: number; throughput: number; ratioToAllowed: number } }>;
}

async function benchSharing(config: Config, pool: ClientPool): Promise<SharingResult> {
	const { limit, windowSeconds } = config.pacing;
	const { getsPerJob } = config.sharing;
	const sb = await startSandbox({ port: 0, seed: { contacts: getsPerJob * 2, conversations: 0, articles: 0, companies: 0 }, rateLimit: { limit, windowSeconds } });
	const target: Target = { baseUrl: sb.baseUrl, token: sb.token };
	const ids = sb.workspace.contacts.all().map((c) => c.id);
	const jobs = [ids.slice(0, getsPerJob), ids.slice(getsPerJob, getsPerJob * 2)];
	const allowed = limit / windowSeconds;
	const result: SharingResult = { getsPerJob, allowedPerSecond: allowed, variants: [] };
	const processes = await pool.start(JOB_A, JOB_B);
	try {
		sb.setRateLimit({ enabled: false });
		for (const p of processes) await p.run({ kind: 'gets', target, variant: 'paced', ids: ids.slice(0, 50) });
		sb.setRateLimit({ enabled: true });
		for (const { variant, rounds } of config.sharing.variants) {
			const runs: SharingRun[] = [];
			for (let round = 0; round < rounds; round++) {
				sb.setRateLimit({});
				await settle(windowSeconds);
				sb.log.clear();
				const rs = await Promise.all(processes.map((p, i) => p.run<GetsResult>({ kind: 'gets', target, variant, ids: jobs[i] })));
				const s = served(sb);
				const wallMs = Math.max(...rs.map((r) => r.endedAt)) - Math.min(...rs.map((r) => r.startedAt));
				const ok = sum(rs.map((r) => r.ok));
				const throughput = ok / (wallMs / 1000);
				runs.push({
					round,
					wallMs,
					requests: s.count,
					status429: s.status429,
					ok,
					failures: sum(rs.map((r) => r.failures)),
					throughput,
					ratioToAllowed: throughput / allowed,
					jobs: rs.map((r) => ({ ms: r.ms, ok: r.ok, failures: r.failures })),
				});
				log(`  two jobs, ${variant}, round ${round + 1}/${rounds}: ${ms(wallMs)}, ${s.count} requests, ${s.status429} × 429, ${sum(rs.map((r) => r.failures))} failures, ${fmt(throughput, 1)}/s of ${allowed}/s`);
			}
			result.variants.push({
				variant,
				label: `two processes, ${variant === 'paced' ? 'pacing on' : 'pacing off (429 retries only)'}`,
				rounds,
				runs,
				median: {
					wallMs: median(runs.map((r) => r.wallMs)),
					requests: median(runs.map((r) => r.requests)),
					status429: median(runs.map((r) => r.status429)),
					share429: median(runs.map((r) => r.status429 / r.requests)),
					failures: median(runs.map((r) => r.failures)),
					throughput: median(runs.map((r) => r.throughput)),
					ratioToAllowed: median(runs.map((r) => r.ratioToAllowed)),
				},
			});
		}
	} finally {
		await sb.close();
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Report

interface Results {
	date: string;
	command: string;
	/** With --only: the run the other sections come from (`why`: set by hand, said in the report). */
	keptFrom?: { date: string; command: string; why?: string };
	machine: ReturnType<typeof machine>;
	versions: Record<string, string>;
	config: { name: string; sizes: number[]; rounds: number[]; pacing: Config['pacing']; sharing: Config['sharing']; trigger: { changes: number[]; idlePolls: number } };
	durationSeconds: number;
	returnAll: ReturnAllSize[];
	trigger: TriggerSize[];
	pacing: PacingResult;
	sharing: SharingResult;
	triggerBursts?: BurstsResult;
	/** Section 0: inside a real n8n (or why it was skipped). */
	realN8n: RealN8nResults | { skipped: string };
	growth: string;
	goals: Array<{ goal: string; target: string; measured: string; met: boolean }>;
}

function growthSentence(returnAll: ReturnAllSize[], trigger: TriggerSize[]): string {
	const parts: string[] = [];
	const sized = returnAll.filter((r) => r.clients.node.median && r.clients.fetch.median);
	const perContact = (r: ReturnAllSize, c: ListClient) => `${fmt((r.clients[c].median!.ms * 1000) / r.size, 0)} µs`;
	parts.push(
		`Return All grows linearly with the workspace, as it must: requests are ceil(N/150) (${sized.map((r) => `${fmt(r.clients.node.median!.requests)} at ${fmt(r.size)}`).join(', ')}) and the time per contact stays in one range (${sized.map((r) => `${perContact(r, 'node')} at ${fmt(r.size)}`).join(', ')}; the plain fetch loop ${sized.map((r) => perContact(r, 'fetch')).join(', ')}).`,
	);
	const idle = trigger.map((t) => ({ size: t.size, f: t.polls.find((p) => p.label.startsWith('idle')) })).filter((i) => i.f);
	if (idle.length > 0) {
		const idleRequests = [...new Set(idle.map((i) => i.f!.median.requests))];
		parts.push(
			`The trigger's cost does not grow with the workspace but with what changed: an idle poll is ${idleRequests.map((n) => fmt(n)).join(' or ')} request${idleRequests.length === 1 && idleRequests[0] === 1 ? '' : 's'} at every size (${idle.map((i) => `${ms(i.f!.median.ms)} at ${fmt(i.size)}`).join(', ')}),`,
		);
		const bursts = trigger.flatMap((t) => t.episodes.map((e) => ({ size: t.size, e })));
		if (bursts.length > 0) {
			parts.push(
				`and a burst of K changes costs ${[...new Set(bursts.map((b) => fmt(b.e.median.requests / Math.ceil(b.e.changes / 150), 0)))].join(' to ')} times the floor ceil(K/150) in total over the polls until it has settled (one request a poll included), the same at every size (${bursts.map((b) => `${fmt(b.e.changes)} changes at ${fmt(b.size)}: ${fmt(b.e.median.requests)} requests over ${fmt(b.e.median.polls)} polls`).join('; ')}).`,
				`Its time grows with the workspace only through the sandbox's own search, which scans every contact for each page where Intercom's is indexed (sandbox share of the burst's time: ${bursts.map((b) => `${fmt((100 * b.e.median.serverMs) / b.e.median.ms)}% at ${fmt(b.size)} for ${fmt(b.e.changes)}`).join(', ')}).`,
			);
		}
	}
	return parts.join(' ');
}

function goals(results: Omit<Results, 'goals' | 'growth'>): Results['goals'] {
	const out: Results['goals'] = [];
	for (const r of results.returnAll) {
		const n = r.clients.node;
		if (!n.median) continue;
		out.push({ goal: `Return All ${fmt(r.size)}: requests = floor`, target: `${fmt(r.floor)}`, measured: fmt(n.median.requests), met: n.median.requests === r.floor });
		out.push({ goal: `Return All ${fmt(r.size)}: time vs plain fetch loop`, target: '≤ 1.15×', measured: `${fmt(n.ratioToFetch ?? NaN, 2)}× (per round ${fmt(n.ratioRange?.[0] ?? NaN, 2)}–${fmt(n.ratioRange?.[1] ?? NaN, 2)}; CPU time ${fmt(n.cpuRatioToFetch ?? NaN, 2)}×)`, met: (n.ratioToFetch ?? Infinity) <= 1.15 });
	}
	const paced = results.pacing.variants.paced.median;
	out.push({ goal: 'Pacing: throughput / allowed rate', target: '≥ 0.90', measured: fmt(paced.ratioToAllowed, 3), met: paced.ratioToAllowed >= 0.9 });
	out.push({ goal: 'Pacing: 429s', target: '< 1% of requests', measured: `${fmt(paced.status429)} (${fmt(paced.share429 * 100, 2)}%)`, met: paced.share429 < 0.01 });
	out.push({ goal: 'Pacing: failures', target: '0', measured: fmt(paced.failures), met: paced.failures === 0 });
	for (const skew of results.pacing.clockDifference ?? []) {
		const when = `${Math.abs(skew.offsetSeconds) / 60} min ${skew.offsetSeconds > 0 ? 'ahead' : 'behind'}`;
		out.push({ goal: `Pacing, Intercom's clock ${when}: time vs no difference`, target: '≤ 1.1×', measured: `${fmt(skew.ratioToSame, 3)}×`, met: skew.ratioToSame <= 1.1 });
		out.push({ goal: `Pacing, Intercom's clock ${when}: failures`, target: '0', measured: fmt(skew.median.failures), met: skew.median.failures === 0 });
	}
	const shared = results.sharing.variants.find((v) => v.variant === 'paced')?.median;
	if (shared) {
		out.push({ goal: 'Two jobs sharing a workspace: throughput / allowed', target: '≥ 0.90', measured: fmt(shared.ratioToAllowed, 3), met: shared.ratioToAllowed >= 0.9 });
		out.push({ goal: 'Two jobs sharing a workspace: 429s', target: '< 1% of requests', measured: `${fmt(shared.status429)} (${fmt(shared.share429 * 100, 2)}%)`, met: shared.share429 < 0.01 });
		out.push({ goal: 'Two jobs sharing a workspace: failures', target: '0', measured: fmt(shared.failures), met: shared.failures === 0 });
	}
	return out;
}

function markdown(r: Results): string {
	const lines: string[] = [];
	const m = r.machine;
	lines.push(
		`# Benchmark results${r.config.name === 'smoke' ? ' (smoke run: small sizes, not figures to quote)' : ''}`,
		'',
		`Generated by \`${r.command}\` on ${r.date} in ${fmt(r.durationSeconds)} s.${r.keptFrom ? ` The other sections are kept from \`${r.keptFrom.command}\` of ${r.keptFrom.date} (${r.command.includes('real-n8n') ? 'sections 1–5' : 'section 0'}; machine and load as recorded then: see that run's results.json in git history).${r.keptFrom.why ? ` Why they were not measured again: ${r.keptFrom.why}` : ''}` : ''}`,
		'',
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}; Node ${m.node}. Load average (1/5/15 min) ${m.loadAverageAtStart.join(' / ')} at start, ${m.loadAverageAtEnd.join(' / ')} at end: the machine was shared, so absolute times are noisy; ratios are taken between interleaved runs of the same round.`,
		'',
		...realN8nMarkdown(r.realN8n, realN8nBaseline()),
		'## 1. Return All contacts through n8n-core alone (secondary)',
		'',
		`Engine: n8n-core ${r.versions['n8n-core']}, n8n-workflow ${r.versions['n8n-workflow']}; n8n-nodes-base ${r.versions['n8n-nodes-base']} (HTTP Request ${HTTP_REQUEST_VERSION}, Split Out), all run by the same n8n-core \`WorkflowExecute\` in a bare engine (no n8n server, no database: credentials handed over in memory). Sandbox and clients on loopback, each client in a child process of its own. Section 0 is what users see; this one isolates the package's own cost.`,
		'',
		`Medians over ${r.config.rounds.join(' / ')} rounds (clients interleaved, order rotated each round). "vs fetch" is the median of per-round ratios to the plain fetch loop's wall time (smallest–largest in brackets); "CPU vs fetch" the same for the client process's CPU time (user + system), which other load on the machine disturbs less. Heap: peak heap in use over a post-GC baseline; RSS: peak resident set growth (largest over the runs). ${r.returnAll.every((x) => x.sandboxLimiter === 'off') ? 'Rate limiting off in the sandbox, its headers included (X-RateLimit-Remaining stays at the limit), so no pacing can apply.' : 'Rate limiting off in the sandbox, but (before 2026-12-01) not its headers: X-RateLimit-Remaining counted every client\'s requests in the window, and the Intercom node, alone among the clients, paced by it once it fell under half (at 100,000 contacts).'}`,
		'',
		'| Contacts | Client | Requests (floor) | TCP connections | Time | Items/s | vs fetch | CPU | CPU vs fetch | Peak heap Δ | Peak RSS Δ |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const size of r.returnAll) {
		for (const client of ['fetch', 'node', 'http'] as ListClient[]) {
			const c = size.clients[client];
			if (c.skipped || !c.median) {
				lines.push(`| ${fmt(size.size)} | ${c.label} | skipped: ${c.skipped ?? 'no runs'} | | | | | | | | |`);
				continue;
			}
			const md = c.median;
			lines.push(
				`| ${fmt(size.size)} | ${c.label} | ${fmt(md.requests)} (${fmt(size.floor)}) | ${fmt(md.connections)} | ${ms(md.ms)} | ${fmt(md.itemsPerSecond)} | ${client === 'fetch' ? '1' : `${fmt(c.ratioToFetch ?? NaN, 2)}× (${fmt(c.ratioRange?.[0] ?? NaN, 2)}–${fmt(c.ratioRange?.[1] ?? NaN, 2)})`} | ${ms(md.cpuMs)} | ${client === 'fetch' ? '1' : `${fmt(c.cpuRatioToFetch ?? NaN, 2)}×`} | ${mb(md.heapPeakDelta)} | ${mb(md.rssPeakDelta)} |`,
			);
		}
	}
	const http = r.returnAll.map((s) => s.clients.http).find((c) => c.median);
	if (http) {
		lines.push(
			'',
			`The HTTP Request node returns one item per page (its pagination keeps every response), so the workflow is HTTP Request → Split Out (\`data\`) to get one item per contact as the Intercom node does; n8n's own execution time of the HTTP Request node alone was ${r.returnAll
				.filter((s) => s.clients.http.median)
				.map((s) => `${ms(median(s.clients.http.runs.map((x) => x.nodeTimes?.['HTTP Request'] ?? NaN)))} at ${fmt(s.size)}`)
				.join(', ')}.`,
		);
	}
	const big = r.returnAll[r.returnAll.length - 1];
	if (big?.clients.node.median && big.clients.fetch.median) {
		const n = big.clients.node;
		const h = big.clients.http;
		lines.push(
			'',
			`At ${fmt(big.size)} contacts the Intercom node takes ${fmt(n.ratioToFetch ?? NaN, 2)}× the plain fetch loop's time${h.median ? ` (n8n's HTTP Request node ${fmt(h.ratioToFetch ?? NaN, 2)}×)` : ''}, with exactly as many requests. Both nodes go through n8n-core's request helpers (axios underneath), which build a new HTTP agent for every request and so opened one TCP connection per request here (${fmt(n.median!.connections)} for ${fmt(n.median!.requests)} requests, against ${fmt(big.clients.fetch.median.connections)} for the fetch loop, which keeps its connection alive)${(n.ratioToFetch ?? 0) > 1.05 && h.median && (h.ratioToFetch ?? 0) > 1.05 ? '; n8n\'s HTTP Request node shows the same gap, so it lies in that shared request path rather than in the node' : ''}. Against Intercom over HTTPS each new connection also costs a TLS handshake.`,
		);
	}
	lines.push(
		'',
		'### Sandbox latency',
		'',
		'Server-side time per `GET /contacts?per_page=150` (request read to response written, as the sandbox logs it), over every page of every run above, and the plain fetch loop\'s round trip per page (its time over its requests, JSON parsed):',
		'',
		'| Contacts | Sandbox, median | Sandbox, p95 | Pages measured | fetch round trip per page |',
		'| ---: | ---: | ---: | ---: | ---: |',
	);
	for (const size of r.returnAll) {
		lines.push(`| ${fmt(size.size)} | ${fmt(size.sandboxPage.medianMs, 2)} ms | ${fmt(size.sandboxPage.p95Ms, 2)} ms | ${fmt(size.sandboxPage.samples)} | ${fmt(size.fetchRoundTripMs, 2)} ms |`);
	}
	const p = r.pacing;
	lines.push(
		'',
		'## 2. Pacing',
		'',
		`${fmt(p.gets)} single-contact GETs (the Intercom node's Contact → Get, ${fmt(p.gets)} input items, Continue On Fail so each failure is counted) under a sandbox limit of ${p.limit} per ${p.windowSeconds}-second window (${fmt(p.allowedPerSecond)}/s allowed). Medians over ${r.config.pacing.rounds} rounds. "Pacing off" replaces the pacer's wait with 0 in that process only (node code unchanged): 429s are still retried after \`X-RateLimit-Reset\`. Chart: [pacing.svg](pacing.svg).`,
		'',
		'| Job | Requests | 429s | 429 share | Failures | Time | Successful/s | / allowed |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const v of [...Object.values(p.variants), ...(p.clockDifference ?? [])]) {
		const md = v.median;
		const vsSame = 'ratioToSame' in v ? ` (${fmt(v.ratioToSame as number, 3)}× the time with no difference)` : '';
		lines.push(`| ${v.label} | ${fmt(md.requests)} | ${fmt(md.status429)} | ${fmt(md.share429 * 100, 2)}% | ${fmt(md.failures)} | ${ms(md.ms)}${vsSame} | ${fmt(md.throughput, 1)} | ${fmt(md.ratioToAllowed, 3)} |`);
	}
	if (p.clockDifference?.length) {
		lines.push('', "Clock difference rows: the sandbox's clock (its `Date` header, its rate-limit windows and `X-RateLimit-Reset`) set 10 minutes ahead of or behind the client's; the node reads Intercom's clock from `Date`.");
	}
	const s = r.sharing;
	lines.push(
		'',
		'## 3. Two jobs sharing one workspace',
		'',
		`Two processes, each running the Intercom node over ${fmt(s.getsPerJob)} contact GETs at once, same workspace and limit (${fmt(s.allowedPerSecond)}/s shared). Time from the first job's start to the last one's end; medians over the rounds shown.`,
		'',
		'| Jobs | Rounds | Requests | 429s | 429 share | Failures | Time | Successful/s (both) | / allowed |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const v of s.variants) {
		const md = v.median;
		lines.push(`| ${v.label} | ${v.rounds} | ${fmt(md.requests)} | ${fmt(md.status429)} | ${fmt(md.share429 * 100, 2)}% | ${fmt(md.failures)} | ${ms(md.wallMs)} | ${fmt(md.throughput, 1)} | ${fmt(md.ratioToAllowed, 3)} |`);
	}
	lines.push(
		'',
		'## 4. Trigger cost',
		'',
		`Intercom Trigger, event *Contact Updated* (POST /contacts/search, newest first, cut at the window's start; Max Events per Poll 10,000; late-arrival window ${LATE_ARRIVAL_MINUTES} min, the default), polled once a minute of sandbox time through n8n-core's PollContext, its static data stored as JSON between polls. Changes are updates of distinct contacts made in the sandbox over the minute before a poll, a second at a time. "Sandbox" is the server-side time of the poll's requests: the sandbox's contact search scans every contact for each page (Intercom's is indexed), so that part grows with the workspace. Medians.`,
		'',
		'| Contacts | Poll | Polls | Events (median) | Requests | Time | of which sandbox |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const t of r.trigger) {
		for (const f of t.polls) {
			lines.push(`| ${fmt(t.size)} | ${f.label}${f.errors.length ? ` (errors: ${f.errors.length})` : ''} | ${f.polls} | ${fmt(f.median.events)} | ${fmt(f.median.requests)} | ${ms(f.median.ms)} | ${ms(f.median.serverMs)} |`);
		}
	}
	lines.push(
		'',
		`Each burst of changes, from the first poll after them until all are emitted and out of the late-arrival window (one poll a minute), totals; that every change is emitted exactly once is checked:`,
		'',
		'| Contacts | Changes | Polls | Events | Requests | Requests per change | Time | of which sandbox |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	);
	for (const t of r.trigger) {
		for (const e of t.episodes) {
			const md = e.median;
			lines.push(`| ${fmt(t.size)} | ${fmt(e.changes)} | ${fmt(md.polls)} | ${fmt(md.events)} | ${fmt(md.requests)} | ${fmt(md.requests / e.changes, 4)} | ${ms(md.ms)} | ${ms(md.serverMs)} |`);
		}
	}
	const sameSecond = r.trigger.flatMap((t) => t.polls.filter((f) => f.label.includes('in one second')).map((f) => ({ size: t.size, f })));
	if (sameSecond.length > 0) {
		const costly = sameSecond.some((x) => x.f.median.requests > 1);
		lines.push(
			'',
			costly
				? `Reads start at the second of the last emitted change (a change of that same second with a higher id may still appear), so after many changes within one second and nothing newer, each idle poll reads that second again (${sameSecond.map((x) => `${fmt(x.f.median.requests)} requests at ${fmt(x.size)}`).join(', ')}), until a newer change moves the cursor on.`
				: `After many changes within one second and nothing newer, an idle poll costs ${sameSecond.map((x) => `${fmt(x.f.median.requests)} request at ${fmt(x.size)}`).join(', ')}: a complete read moves the cursor to the time of that read, so the next one starts there.`,
		);
	}
	const capped = r.trigger.flatMap((t) => t.polls.filter((f) => f.label.startsWith('1 min after') && f.median.events < f.changes).map((f) => ({ size: t.size, f })));
	if (capped.length > 0) {
		lines.push(
			'',
			`A burst larger than the ids the cursor keeps for events that could still be joined by late arrivals (${fmt(capped[0].f.median.events)} when this was measured; ${fmt(MAX_RECENT_IDS)} now) is not emitted at once: the first poll emits that many (${capped.map((c) => `${fmt(c.f.median.events)} of ${fmt(c.f.changes)} at ${fmt(c.size)}`).join(', ')}) and the rest once the window has passed, about ${LATE_ARRIVAL_MINUTES} min later: delayed, never lost or repeated.`,
		);
	}
	if (r.triggerBursts) lines.push(...burstsMarkdown(r.triggerBursts, LATE_ARRIVAL_MINUTES, r.date));
	lines.push('', '## 5. Growth', '', r.growth, '', '## Goals', '', '| Goal | Target | Measured | Met |', '| --- | --- | --- | :---: |');
	for (const g of r.goals) lines.push(`| ${g.goal} | ${g.target} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`);
	lines.push('', 'Raw figures (every run): [results.json](results.json).', '');
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

function writeReport(results: Results, outDir: string, prefix: string): void {
	const { pacing, machine: info } = results;
	// The description-size section is written by scripts/description-size.ts; a bench run keeps it.
	const file = path.join(outDir, `${prefix}results.md`);
	const earlier = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const kept = /<!-- description-size:start[\s\S]*<!-- description-size:end -->/.exec(earlier)?.[0];
	fs.writeFileSync(file, kept ? `${markdown(results).trimEnd()}\n\n${kept}\n` : markdown(results));
	fs.writeFileSync(
		path.join(outDir, `${prefix}pacing.svg`),
		pacingChart(
			(['paced', 'unpaced', 'plain'] as GetsVariant[]).map((v) => ({ title: pacing.variants[v].label, buckets: pacing.variants[v].timeline })),
			{
				bucketMs: BUCKET_MS,
				limitPerSecond: pacing.allowedPerSecond,
				title: `Pacing: ${fmt(pacing.gets)} contact GETs, limit ${pacing.limit} per ${pacing.windowSeconds} s`,
				subtitle: `${info.cpu}, ${info.cores} cores, Node ${info.node}, ${results.date.slice(0, 10)}; the run with the median time of each job`,
			},
		),
	);
}

/** Sections 1 and 4 per workspace size, then 2 and 3. */
async function measure(config: Config, httpSkip: string | undefined) {
	const pool = new ClientPool();
	// Started together, while the first workspace is seeded.
	pool.start(JOB_A, JOB_B).catch(() => {});
	try {
		const returnAll: ReturnAllSize[] = [];
		const trigger: TriggerSize[] = [];
		let triggerBursts: BurstsResult | undefined;
		for (const size of config.sizes) {
			log(`seeding ${fmt(size)} contacts`);
			// Rate limiting off, headers included: with the limiter on, X-RateLimit-Remaining would count
			// every client's requests in the window and the node (alone) would pace by it.
			const sb = await startSandbox({ port: 0, seed: { contacts: size, conversations: 20 }, settings: { rateLimit: false }, rateLimit: { enabled: false } });
			try {
				log(`1. Return All at ${fmt(size)} contacts`);
				returnAll.push(await benchReturnAll(sb, size, config, pool, httpSkip));
				log(`4. trigger at ${fmt(size)} contacts`);
				trigger.push(await benchTrigger(sb, size, config, await pool.get(JOB_A)));
				if (size === Math.max(...config.sizes)) {
					log(`4. trigger bursts at ${fmt(size)} contacts, current and before`);
					triggerBursts = await benchTriggerBursts(sb, await pool.get(JOB_A), { bursts: config.bursts, legacyDir: extractLegacy(path.resolve(__dirname, '..')), log });
				}
				const rejected = sb.log.nonConformant().length;
				if (rejected > 0) throw new Error(`the sandbox saw ${rejected} non-conformant requests`);
			} finally {
				await sb.close();
			}
		}
		log(`2. pacing: ${config.pacing.gets} GETs at ${config.pacing.limit} per ${config.pacing.windowSeconds} s`);
		const pacing = await benchPacing(config, pool);
		log('3. two jobs sharing one workspace');
		const sharing = await benchSharing(config, pool);
		return { returnAll, trigger, pacing, sharing, triggerBursts };
	} finally {
		await pool.close();
	}
}

/**
 * `npm run bench -- --trigger-bursts`: only the burst comparison (section 4), at the largest size;
 * its figures replace those in results.json, and results.md is rendered again from it.
 */
async function onlyTriggerBursts(config: Config, out: string | undefined): Promise<void> {
	const outDir = path.resolve(out ?? (config.name === 'smoke' ? path.join(__dirname, 'out') : __dirname));
	const prefix = config.name === 'smoke' ? 'smoke-' : '';
	const file = path.join(outDir, `${prefix}results.json`);
	if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run the whole bench once first`);
	const size = Math.max(...config.sizes);
	const info = machine();
	log(`trigger bursts at ${fmt(size)} contacts on ${info.cpu}, ${info.cores} cores, Node ${info.node}, load ${info.loadAverageAtStart.join(' ')}`);
	const pool = new ClientPool();
	const sb = await startSandbox({ port: 0, seed: { contacts: size, conversations: 20 }, settings: { rateLimit: false } });
	try {
		const bursts = await benchTriggerBursts(sb, await pool.get(JOB_A), { bursts: config.bursts, legacyDir: extractLegacy(path.resolve(__dirname, '..')), log });
		if (sb.log.nonConformant().length > 0) throw new Error(`the sandbox saw ${sb.log.nonConformant().length} non-conformant requests`);
		const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
		// BENCH_PREVIOUS_LABEL names the trigger the last run measured: its figures stay beside the new ones.
		const label = process.env.BENCH_PREVIOUS_LABEL;
		const last = saved.triggerBursts;
		const previous = label && last
			? { label, date: last.measured?.date ?? saved.date, idleRequests: last.idleRequests.current, bursts: last.bursts.filter((b) => b.design === 'current') }
			: last?.previous;
		saved.triggerBursts = { ...bursts, measured: { date: new Date().toISOString(), machine: info }, ...(previous ? { previous } : {}) } as BurstsResult;
		fs.writeFileSync(file, JSON.stringify(saved, null, '\t') + '\n');
		writeReport(saved, outDir, prefix);
		log(`wrote the bursts into ${path.relative(process.cwd(), file)} and ${prefix}results.md`);
	} finally {
		await sb.close();
		await pool.close();
	}
}

/** Section 0 as measured before the transport change (issue 17), to compare with. */
function realN8nBaseline(): RealN8nBaseline | undefined {
	const file = path.join(__dirname, 'baseline-real-n8n.json');
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RealN8nBaseline) : undefined;
}

function previous(outDir: string, prefix: string): Results | undefined {
	const file = path.join(outDir, `${prefix}results.json`);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Results) : undefined;
}

/** Section 0, or why it was skipped (only when the n8n runtime is not installed). */
async function measureRealN8n(config: Config): Promise<Results['realN8n']> {
	const unavailable = realN8nUnavailable();
	if (unavailable) {
		log(`0. real n8n: SKIPPED: ${unavailable}`);
		return { skipped: unavailable };
	}
	// Ad-hoc runs: BENCH_REAL_JOBS="100000:http:5,10000:https:3", BENCH_REAL_PROFILE="100000:1" (or "none").
	const jobs = process.env.BENCH_REAL_JOBS?.split(',').map((spec) => {
		const [size, protocol, rounds] = spec.split(':');
		if (protocol !== 'http' && protocol !== 'https') throw new Error(`BENCH_REAL_JOBS: "${spec}" is not size:http|https:rounds`);
		return { size: Number(size), protocol, rounds: Number(rounds ?? 3) } as const;
	});
	const profileSpec = process.env.BENCH_REAL_PROFILE;
	const profile = profileSpec === undefined ? config.realN8n.profile : profileSpec === 'none' ? undefined : { size: Number(profileSpec.split(':')[0]), rounds: Number(profileSpec.split(':')[1] ?? 3) };
	config = { ...config, realN8n: { jobs: jobs ?? config.realN8n.jobs, profile } };
	log(`0. Return All inside a real n8n: ${config.realN8n.jobs.map((j) => `${fmt(j.size)} over ${j.protocol}`).join(', ')}${config.realN8n.profile ? `, CPU profile at ${fmt(config.realN8n.profile.size)}` : ''}`);
	return await benchRealN8n({ ...config.realN8n, log });
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { smoke: { type: 'boolean' }, out: { type: 'string' }, from: { type: 'string' }, only: { type: 'string' }, 'trigger-bursts': { type: 'boolean' } },
	});
	if (values['trigger-bursts']) {
		await onlyTriggerBursts(values.smoke ? SMOKE : FULL, values.out);
		return;
	}
	if (values.only !== undefined && values.only !== 'real-n8n' && values.only !== 'core') throw new Error('--only takes real-n8n or core');
	if (values.from) {
		// Re-renders results.md and pacing.svg from a results.json (report changes without measuring again).
		const saved = JSON.parse(fs.readFileSync(values.from, 'utf8')) as Results;
		saved.growth = growthSentence(saved.returnAll, saved.trigger);
		saved.goals = goals(saved);
		const dir = path.dirname(path.resolve(values.from));
		const prefix = path.basename(values.from).replace(/results\.json$/, '');
		writeReport(saved, dir, prefix);
		log(`re-rendered ${path.relative(process.cwd(), dir) || '.'}/${prefix}results.md and ${prefix}pacing.svg from ${values.from}`);
		return;
	}
	const config = values.smoke ? SMOKE : FULL;
	const outDir = path.resolve(values.out ?? (values.smoke ? path.join(__dirname, 'out') : __dirname));
	const prefix = values.smoke ? 'smoke-' : '';
	fs.mkdirSync(outDir, { recursive: true });
	const started = Date.now();
	const info = machine();
	log(`${config.name} run on ${info.cpu}, ${info.cores} cores, Node ${info.node}, load ${info.loadAverageAtStart.join(' ')}`);

	// Whether n8n's HTTP Request node is there to compare with (installed by `npm run n8n:install`).
	const baseNodes = baseNodesDir();
	const httpSkip = fs.existsSync(path.join(baseNodes, 'package.json'))
		? undefined
		: `n8n-nodes-base is not installed in ${path.relative(process.cwd(), baseNodes)}; run \`npm run n8n:install\` (see e2e/) and run the bench again`;
	if (httpSkip) log(`HTTP Request column skipped: ${httpSkip}`);

	const earlier = values.only ? previous(outDir, prefix) : undefined;
	const realN8n = values.only === 'core' ? (earlier?.realN8n ?? { skipped: 'not measured (--only core)' }) : await measureRealN8n(config);
	// `--only real-n8n` keeps the other sections of the last results.json of the same kind.
	const kept = values.only === 'real-n8n' ? earlier : undefined;
	if (values.only === 'real-n8n' && !kept) throw new Error(`--only real-n8n needs an earlier ${prefix}results.json in ${outDir} for the other sections`);
	const { returnAll, trigger, pacing, sharing, triggerBursts } = kept ?? (await measure(config, httpSkip));

	info.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
	const partial = {
		date: new Date(started).toISOString(),
		command: `npm run bench${values.smoke || values.only ? ' --' : ''}${values.smoke ? ' --smoke' : ''}${values.only ? ` --only ${values.only}` : ''}`,
		// The kept sections' own run: an earlier run with the same `--only` kept them from one before it.
		keptFrom:
			earlier && values.only
				? (earlier.command.includes(`--only ${values.only}`) ? earlier.keptFrom : undefined) ?? { date: earlier.date, command: earlier.command }
				: undefined,
		machine: info,
		versions: {
			'n8n-core': packageVersion('n8n-core'),
			'n8n-workflow': packageVersion('n8n-workflow'),
			'n8n-nodes-base': httpSkip ? 'not installed' : (JSON.parse(fs.readFileSync(path.join(baseNodes, 'package.json'), 'utf8')) as { version: string }).version,
		},
		config: {
			name: config.name,
			sizes: config.sizes,
			rounds: config.sizes.map(config.rounds),
			pacing: config.pacing,
			sharing: config.sharing,
			trigger: { changes: config.trigger.changes, idlePolls: config.trigger.idlePolls },
		},
		durationSeconds: Math.round((Date.now() - started) / 1000),
		returnAll,
		trigger,
		pacing,
		sharing,
		triggerBursts,
		realN8n,
	};
	const results: Results = { ...partial, growth: growthSentence(returnAll, trigger), goals: goals(partial) };

	fs.writeFileSync(path.join(outDir, `${prefix}results.json`), JSON.stringify(results, null, '\t') + '\n');
	writeReport(results, outDir, prefix);
	log(`done in ${results.durationSeconds} s: ${path.relative(process.cwd(), outDir) || '.'}/${prefix}results.md, ${prefix}results.json, ${prefix}pacing.svg`);
	if (config.name === 'smoke') log('goals are not evaluated on a smoke run (sizes too small to mean anything)');
	else for (const g of results.goals) log(`  ${g.met ? 'met    ' : 'NOT MET'} ${g.goal}: ${g.measured} (target ${g.target})`);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
