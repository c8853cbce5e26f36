/** Section 0 of bench/results.md: Return All inside a real n8n, and where the time goes. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RequestPathResults } from '../request-path';
import { CATEGORIES, type ProfileBreakdown } from './cpu-profile';
import { REAL_CLIENTS, type RealClient, type RealJob, type RealN8nResults } from './real-n8n';
import { median } from './stats';

const fmt = (n: number | undefined, digits = 0) =>
	n !== undefined && Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const ms = (value: number) => (value >= 10_000 ? `${fmt(value / 1000, 1)} s` : `${fmt(value, value < 100 ? 1 : 0)} ms`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${fmt(bytes / 1048576, 0)} MB`);

export interface RealGoal {
	goal: string;
	target: string;
	measured: string;
	met: boolean;
}

const GOAL_AGAINST = {
	floor: 'the floor node (the goal)',
	floorCredential: 'the floor node reading a credential (what n8n lets a node with a credential reach)',
	http: 'HTTP Request + Split Out',
} as const;

/** Per-round ratios of one client's figure to another's (rounds where both have it). */
function perRound(job: RealJob, a: RealClient, b: RealClient, of: 'ms' | 'cpuMs' | 'mainThreadMs'): number[] {
	return job.clients[a].runs
		.map((r) => (r[of] ?? NaN) / (job.clients[b].runs.find((x) => x.round === r.round)?.[of] ?? NaN))
		.filter(Number.isFinite);
}

const ratioText = (values: number[]) =>
	values.length === 0 ? '–' : `${fmt(median(values), 2)}× (per round ${fmt(Math.min(...values), 2)}–${fmt(Math.max(...values), 2)})`;

/**
 * The goals, decided by CPU time where it was measured: the clients send the same requests to the
 * same sandbox, so what differs between them is n8n's own work, which CPU time measures and other
 * load on the machine hardly stretches (wall time it stretches by whole factors on a shared
 * machine). Wall time is reported next to it.
 */
export function realN8nGoals(r: RealN8nResults): RealGoal[] {
	const out: RealGoal[] = [];
	for (const job of r.jobs) {
		const where = `${fmt(job.size)} over ${job.protocol.toUpperCase()}`;
		for (const [to, target, passes] of [
			['floor', '≤ 1.2×', (x: number) => x <= 1.2],
			['floorCredential', '≤ 1.2×', (x: number) => x <= 1.2],
			['http', '< 1×', (x: number) => x < 1],
		] as const) {
			// Runs from before the floor with a credential existed have no such client.
			if (!job.clients[to]) continue;
			const main = perRound(job, 'intercom', to, 'mainThreadMs');
			const cpu = perRound(job, 'intercom', to, 'cpuMs');
			const wall = perRound(job, 'intercom', to, 'ms');
			const decides = main.length > 0 ? main : wall;
			out.push({
				goal: `Return All ${where}: Intercom node vs ${GOAL_AGAINST[to]}`,
				target,
				measured: main.length > 0 ? `**main-thread CPU ${ratioText(main)}**; CPU, all threads ${ratioText(cpu)}; wall ${ratioText(wall)}` : `wall ${ratioText(wall)}`,
				met: passes(median(decides)),
			});
		}
	}
	return out;
}

function jobRows(job: RealJob): string[] {
	return REAL_CLIENTS.filter((client) => job.clients[client]).map((client) => {
		const c = job.clients[client];
		const m = c.median;
		const isFetch = client === 'fetch';
		const main = perRound(job, client, 'floor', 'mainThreadMs');
		const mainVsFloor = client === 'floor' ? '1' : main.length === 0 ? '–' : `${fmt(median(main), 2)}×`;
		const opt = (v: number | undefined) => (v === undefined ? '–' : ms(v));
		return `| ${fmt(job.size)} | ${c.label} | ${fmt(m.requests)} (${fmt(job.floorRequests)}) | ${fmt(m.connections)} | ${ms(m.ms)} | ${client === 'floor' ? '1' : `${fmt(c.vsFloor, 2)}×`} | ${isFetch ? '1' : `${fmt(c.vsFetch, 2)}×`} | ${opt(m.cpuMs)} | ${opt(m.mainThreadMs)} | ${mainVsFloor} | ${isFetch ? '–' : ms(m.wallMs)} | ${isFetch ? '–' : `${mb(m.rssPeak)} (+${mb(m.rssPeakDelta)})`} |`;
	});
}

/** Section 0 as measured before a change, kept in bench/baseline-real-n8n.json to compare with. */
export interface RealN8nBaseline {
	what: string;
	commit: string;
	date: string;
	realN8n: RealN8nResults;
}

export function realN8nMarkdown(r: RealN8nResults | { skipped: string } | undefined, baseline?: RealN8nBaseline): string[] {
	const lines: string[] = ['## 0. Return All inside a real n8n (what users see)', ''];
	if (!r || !('jobs' in r)) {
		lines.push(`Skipped: ${r?.skipped ?? 'not measured in this run'}.`, '');
		return lines;
	}
	lines.push(
		`n8n ${r.n8nVersion} on Node ${r.node}: the runtime \`npm run n8n:install\` installs for the e2e suite; the package and the bench's floor nodes (\`bench/floor-node\`, never shipped: the floor pages with \`this.helpers.httpRequest\` and a fixed header; the floor reading a credential does the same after one \`this.getCredentials\` of a credential of its own, the least a node with a credential can pay) installed into it as community packages. Each workflow is Webhook → node(s), called on its production URL while \`n8n start\` runs (regular mode, SQLite); the sandbox on loopback with rate limiting off, its headers included (X-RateLimit-Remaining stays at the limit, so the Intercom node has nothing to pace by), 150 contacts per page. Time is the node's own execution time from n8n's run data (HTTP Request and Split Out added up); the fetch loop times itself in a Node 24 process of its own. Clients interleaved, order rotated each round, one warm-up run each; medians over the rounds, ratios are medians of per-round ratios. CPU: the n8n process's CPU time while the node(s) ran, read inside n8n by the bench's hook file around n8n-core's \`runNode\` (one execution runs at a time): over all threads (user + system, \`process.cpuUsage()\`) and the main thread's alone (\`/proc/self/task/<pid>/schedstat\`); the hook also collects the heap before each execution (\`gc()\`), so that an earlier run's garbage is not collected inside the next node's window. The fetch loop's CPU is its own process's over the loop. The load average is the machine's 1-minute figure when each run started. Requests and TCP connections are counted by the sandbox. Peak RSS: the n8n process's VmHWM, reset before each run (largest over the rounds), with its growth over the RSS before the run; the execution's saving to the database is included, reading it back is not.`,
		'',
	);
	for (const protocol of ['http', 'https'] as const) {
		const jobs = r.jobs.filter((j) => j.protocol === protocol);
		if (jobs.length === 0) continue;
		lines.push(
			protocol === 'http'
				? '### Over HTTP'
				: '### Over HTTPS (the sandbox serves TLS with a self-signed P-256 certificate made for the run; n8n trusts it through NODE_EXTRA_CA_CERTS)',
			'',
			`Rounds: ${jobs.map((j) => `${j.rounds} at ${fmt(j.size)}${j.load1 ? ` (load average, 1 min, ${fmt(j.load1[0], 2)}–${fmt(j.load1[1], 2)})` : ''}`).join(', ')}.`,
			'',
			'| Contacts | Client | Requests (floor) | TCP connections | Node time (wall) | wall vs floor | wall vs fetch loop | CPU, all threads | CPU, main thread | main-thread CPU vs floor | Webhook round trip | n8n peak RSS (growth) |',
			'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
			...jobs.flatMap(jobRows),
			'',
		);
	}
	const goals = realN8nGoals(r);
	if (goals.length > 0) {
		lines.push(
			'Goals (reported, not enforced). **The main thread\'s CPU time decides** (median of per-round ratios). The clients send the same requests to the same sandbox, so the time they spend waiting for it is the same; what differs is n8n\'s own work, and all of the node\'s (its code, n8n\'s request helpers, axios, JSON parsing, the sockets\' callbacks) runs on n8n\'s main thread. Wall time on this shared 2-core machine is stretched by whatever else runs (per-round wall ratios spread 0.65–1.82 in the run before CPU was measured); the process\'s CPU over all threads adds the garbage collector\'s and compiler\'s helper threads, whose work lands in one run or the next; the main thread\'s CPU moves least from round to round (the per-round ranges below show each measure\'s spread). It is also the stricter measure: without the common waiting, the same difference is a larger ratio. The other two are shown next to it.',
			'',
			'| Goal | Target | Measured | Met |',
			'| --- | --- | --- | --- |',
		);
		for (const g of goals) lines.push(`| ${g.goal} | ${g.target} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`);
		lines.push('');
		lines.push(...fixedCostMarkdown(r));
	}
	if (r.profile) lines.push(...profileMarkdown(r.profile, `### Where the time goes (CPU profile of the n8n process, ${fmt(r.profile.size)} contacts)`));
	lines.push(...requestPathMarkdown());
	if (baseline) lines.push(...baselineMarkdown(baseline));
	return lines;
}

function profileMarkdown(p: ProfileBreakdown, title: string, notes = true): string[] {
	const lines: string[] = [];
	const clients = Object.keys(p.clients);
	lines.push(
		title,
		'',
		`n8n started once more under \`--cpu-prof\` (sampling every ${fmt(p.intervalUs)} µs), each node run ${p.rounds} time${p.rounds === 1 ? '' : 's'} after a warm-up; only samples inside the nodes' execution windows (from the run data) count. Each sample is filed under one category by its stack (see \`bench/lib/cpu-profile.ts\`). Per execution (ms) and per request (µs). "Waiting" is the main thread idle: the sandbox answering and the wire; the rest is CPU.`,
		'',
		`| Category | ${clients.map((c) => `${c} ms/run | ${c} µs/request`).join(' | ')} |`,
		`| --- | ${clients.map(() => '---: | ---:').join(' | ')} |`,
	);
	// The categories the profile was filed under (an older run may name them differently).
	for (const category of p.clients[clients[0]]?.categories.map((x) => x.category) ?? CATEGORIES) {
		const cells = clients.map((c) => {
			const x = p.clients[c].categories.find((y) => y.category === category);
			return `${fmt(x?.msPerRun, 1)} | ${fmt(x?.usPerRequest, 0)}`;
		});
		lines.push(`| ${category} | ${cells.join(' | ')} |`);
	}
	const busy = (c: string) => p.clients[c].totalMsPerRun - (p.clients[c].categories.find((y) => y.category.startsWith('waiting'))?.msPerRun ?? 0);
	lines.push(
		`| **total** | ${clients.map((c) => `**${fmt(p.clients[c].totalMsPerRun, 1)}** | **${fmt((p.clients[c].totalMsPerRun * 1000) / p.clients[c].requests, 0)}**`).join(' | ')} |`,
		`| **CPU (total less waiting)** | ${clients.map((c) => `**${fmt(busy(c), 1)}** | **${fmt((busy(c) * 1000) / p.clients[c].requests, 0)}**`).join(' | ')} |`,
		'',
		`Requests per run: ${clients.map((c) => `${c} ${fmt(p.clients[c].requests)}`).join(', ')}.${clients.includes('floor') ? ` CPU against the floor node: ${clients.filter((c) => c !== 'floor').map((c) => `${c} ${fmt(busy(c) / busy('floor'), 2)}×`).join(', ')}.` : ''}`,
		'',
	);
	if (!notes) return lines;
	lines.push(...inclusiveMarkdown(p));
	for (const c of clients) {
		lines.push(`Most self time, ${c}: ${p.clients[c].topFunctions.slice(0, 8).map((f) => `\`${f.name.trim()}\` ${fmt(f.msPerRun, 1)} ms`).join(', ')}.`, '');
		const held = Object.entries(p.clients[c].topByCategory ?? {})
			.filter(([, fns]) => fns.reduce((sum, f) => sum + f.msPerRun, 0) >= 5)
			.map(([category, fns]) => `${category}: ${fns.map((f) => `\`${f.name.trim()}\` ${fmt(f.msPerRun, 1)}`).join(', ')}`);
		if (held.length > 0) lines.push(`What the larger categories hold, ${c} (ms per run): ${held.join('; ')}.`, '');
	}
	return lines;
}

/** What an execution pays once, by function (inclusive time, the rows overlap), the Intercom node next to the floor. */
function inclusiveMarkdown(p: ProfileBreakdown): string[] {
	const clients = ['intercom', 'floorCredential', 'floor'].filter((c) => p.clients[c]?.inclusive);
	if (clients.length === 0) return [];
	const rows = p.clients[clients[0]].inclusive!.map((row, i) => `| ${row.label} | ${clients.map((c) => fmt(p.clients[c].inclusive![i]?.msPerRun, 2)).join(' | ')} |`);
	return [
		`By function (inclusive: every sample whose stack holds the function; a row starting with … is part of the row above it; the profile's resolution over ${p.rounds} runs is about ${fmt(p.intervalUs / 1000 / p.rounds, 2)} ms a run):`,
		'',
		`| Function | ${clients.map((c) => `${c} ms/run`).join(' | ')} |`,
		`| --- | ${clients.map(() => '---:').join(' | ')} |`,
		...rows,
		'',
		"An async function's time after an `await` is filed at the function that resumes, so a row can hold samples of what n8n did before resuming it: `IntercomClient.create` holds `getCredentials` (the row above it) and such samples; measured apart, warm, on a fake context (`npx tsx bench/client-setup.ts`), the client's own set-up takes microseconds. The rows marked n8n are n8n's code: the parameter reads' lookups (`extractValue`, `validateValueAgainstSchema`) are what the node no longer asks for (only resource locators ask n8n to extract a value; no parameter of this node has anything for n8n's schema check).",
		'',
	];
}

/**
 * The difference to the floor nodes in main-thread CPU, per execution and per request, at each size:
 * a difference that stays the same per execution while the requests grow is a fixed cost of the
 * execution, not of the request path. Next to it, n8n's parameter and credential reads per execution.
 */
function fixedCostMarkdown(r: RealN8nResults): string[] {
	const main = (j: RealJob, c: RealClient) => j.clients[c]?.median.mainThreadMs;
	const diff = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : `${a - b >= 0 ? '+' : '−'}${ms(Math.abs(a - b))}`);
	const reads = (j: RealJob, c: RealClient) => {
		const m = j.clients[c]?.median;
		return m?.parameterReads === undefined ? '–' : `${fmt(m.parameterReads)} (${fmt(m.parameterReadUs)} µs), ${fmt(m.credentialReads ?? 0)}`;
	};
	const rows = r.jobs
		.filter((j) => main(j, 'intercom') !== undefined && main(j, 'floor') !== undefined)
		.map((j) => {
			const d = main(j, 'intercom')! - main(j, 'floor')!;
			return `| ${fmt(j.size)} | ${j.protocol.toUpperCase()} | ${fmt(j.floorRequests)} | ${ms(main(j, 'floor')!)} | ${main(j, 'floorCredential') === undefined ? '–' : ms(main(j, 'floorCredential')!)} | ${ms(main(j, 'intercom')!)} | ${diff(main(j, 'intercom'), main(j, 'floor'))} (${fmt((d * 1000) / j.floorRequests)} µs a request) | ${diff(main(j, 'floorCredential'), main(j, 'floor'))} | ${diff(main(j, 'intercom'), main(j, 'floorCredential'))} | ${reads(j, 'intercom')} | ${reads(j, 'floor')} |`;
		});
	if (rows.length === 0) return [];
	return [
		"Main-thread CPU of the Intercom node against the floor nodes (medians), what the differences are per execution, and the reads each execution makes through n8n (counted and timed by the bench's hook file around n8n-core's `_getNodeParameter` and `_getCredentials`): parameter reads (their time), credential reads.",
		'',
		'| Contacts | Protocol | Requests | floor node | floor node reading a credential | Intercom node | Intercom − floor | credential read (floor with credential − floor) | Intercom − floor with credential | Intercom: parameter reads, credential reads | floor: parameter reads, credential reads |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
		...rows,
		'',
		'A difference of a few ms that does not grow with the requests is a cost of the execution, not of the request path. Where it goes, by function, is in the CPU profile below.',
		'',
		...fixedCostSentences(r),
	];
}

/** The fixed cost in words, from the smallest job over HTTP that has all three nodes. */
function fixedCostSentences(r: RealN8nResults): string[] {
	const job = r.jobs
		.filter((j) => j.protocol === 'http' && ['floor', 'floorCredential', 'intercom'].every((c) => j.clients[c as RealClient]?.median.mainThreadMs !== undefined))
		.sort((a, b) => a.size - b.size)[0];
	if (!job) return [];
	const m = (c: RealClient) => job.clients[c].median.mainThreadMs!;
	const reads = job.clients.intercom.median;
	const inverted = r.jobs.filter((j) => (j.clients.floorCredential?.median.mainThreadMs ?? Infinity) < (j.clients.floor?.median.mainThreadMs ?? -Infinity));
	return [
		...(inverted.length > 0
			? [
					`The floor node reading a credential does strictly more than the floor node; where its median comes out lower (${inverted.map((j) => `${fmt(j.size)} over ${j.protocol.toUpperCase()}`).join(', ')}), the difference is this shared machine's run-to-run spread, which can exceed a cost paid once per execution (over HTTPS a handshake a request adds its own spread): those rows say nothing about the fixed cost.`,
					'',
				]
			: []),
		`At ${fmt(job.size)} contacts over HTTP: the Intercom node ${ms(m('intercom'))} of main-thread CPU, the floor node ${ms(m('floor'))} (+${ms(m('intercom') - m('floor'))}); reading a credential costs the floor node ${ms(m('floorCredential') - m('floor'))} (n8n loads it from its database and decrypts it: what every node with a credential pays once per execution, and no node can avoid), and the Intercom node is ${ms(m('intercom') - m('floorCredential'))} over the floor node that reads one. ${reads.parameterReads !== undefined ? `Its parameter reads through n8n: ${fmt(reads.parameterReads)} an execution (resource, operation, authentication, Return All), ${fmt(reads.parameterReadUs)} µs together.` : ''}`,
		'',
		"Before the parameter reads were cut (commit e703ace, 2026-12-01 14:27 UTC, 7 rounds at 1,000 over HTTP, load 1.6): the Intercom node 22.0 ms of main-thread CPU, the floor node 16.8 ms (1.24×, per round 1.05–1.65); its 4 parameter reads took 171 µs (median), each asking n8n for `extractValue` and its schema check, which look the name up among all the description's properties and test their display conditions. The cuts save about 50 µs an execution of one item; the rest of the difference between the two runs is their spread.",
		'',
	];
}

/** What n8n's own request path costs, from bench/request-path.json (`npx tsx bench/request-path.ts`). */
function requestPathMarkdown(): string[] {
	const file = path.join(__dirname, '..', 'request-path.json');
	if (!fs.existsSync(file)) return [];
	const p = JSON.parse(fs.readFileSync(file, 'utf8')) as RequestPathResults;
	const row = (protocol: string, keepAlive: boolean) => p.rows.find((r) => r.protocol === protocol && r.client.includes('keep-alive') === keepAlive);
	const lines = [
		"### What lies in n8n itself: its request helper",
		'',
		`Every node's \`this.helpers.httpRequest\` in n8n ${p.n8nVersion} ends in \`httpRequest\` of \`@n8n/backend-network\`, which builds a new HTTP agent for every request: a new TCP connection each time (the floor node and the HTTP Request node show it above: one connection per page), over HTTPS a TLS handshake each time. \`npx tsx bench/request-path.ts\` runs that function from the installed n8n, on Node ${p.node}, against a local server answering a 150-contact page (${fmt(p.bodyBytes / 1024)} KB), next to the same axios call with one keep-alive agent; ${p.requestsPerRound} requests a round (10,000 contacts), medians over ${p.rounds} rounds, client and server in processes of their own; ${p.date.slice(0, 16).replace('T', ' ')} UTC, load average ${p.machine.loadAverageAtStart[0]} at the start, ${p.machine.loadAverageAtEnd[0]} at the end.`,
		'',
		'| Protocol | Client | CPU a request | Wall time a request | Connections for 67 requests |',
		'| --- | --- | ---: | ---: | ---: |',
		...p.rows.map((r) => `| ${r.protocol.toUpperCase()} | ${r.client} | ${fmt(r.cpuUsPerRequest)} µs | ${fmt(r.wallUsPerRequest)} µs | ${fmt(r.connections)} |`),
		'',
	];
	const http = [row('http', false), row('http', true)];
	const https = [row('https', false), row('https', true)];
	if (http[0] && http[1] && https[0] && https[1]) {
		lines.push(
			`A connection per request ${http[0].wallUsPerRequest - http[1].wallUsPerRequest > 50 ? `costs ${fmt(http[0].wallUsPerRequest - http[1].wallUsPerRequest)} µs of wall time a request over HTTP on loopback` : `makes no measurable difference over HTTP on loopback (${fmt(http[0].wallUsPerRequest - http[1].wallUsPerRequest)} µs a request)`}, and costs ${fmt(https[0].wallUsPerRequest - https[1].wallUsPerRequest)} µs of wall time (${fmt(https[0].cpuUsPerRequest - https[1].cpuUsPerRequest)} µs of CPU) a request over HTTPS (${fmt((https[0].wallUsPerRequest - https[1].wallUsPerRequest) * 67 / 1000)} ms for 10,000 contacts, ${fmt((https[0].wallUsPerRequest - https[1].wallUsPerRequest) * 667 / 1000)} ms for 100,000; against real Intercom each handshake also costs network round trips). No node can avoid it: the helper takes no agent, only agent options, and builds the agent itself. Parsing the JSON of a page costs ${fmt(p.jsonParseUsPerPage)} µs (\`JSON.parse\` alone, the same text): axios's \`transformResponse\` does that for every client, the floor node included, so it is part of the floor, not of the gap.`,
			'',
		);
	}
	return lines;
}

function baselineMarkdown(b: RealN8nBaseline): string[] {
	const lines: string[] = [
		`### Before: ${b.what}`,
		'',
		`Measured the same way on ${b.date.slice(0, 10)} at commit ${b.commit} (kept in \`bench/baseline-real-n8n.json\`); only the figures that method measured right are shown (at 100,000 the sandbox's rate-limit headers, then still on, made the node pace).`,
		'',
		'| Contacts | Protocol | Intercom node | floor node | vs floor node | HTTP Request + Split Out |',
		'| ---: | --- | ---: | ---: | ---: | ---: |',
	];
	for (const job of b.realN8n.jobs.filter((j) => j.size <= 10_000)) {
		const c = job.clients;
		lines.push(`| ${fmt(job.size)} | ${job.protocol.toUpperCase()} | ${ms(c.intercom.median.ms)} | ${ms(c.floor.median.ms)} | ${fmt(c.intercom.vsFloor, 2)}× | ${ms(c.http.median.ms)} |`);
	}
	lines.push('');
	if (b.realN8n.profile) {
		lines.push(
			...profileMarkdown(b.realN8n.profile, `#### Where the time went before (CPU profile, ${fmt(b.realN8n.profile.size)} contacts)`, false),
			"That run filed axios's `transformResponse` (where the JSON is parsed) under request building; the two credential rows are what the change removed.",
			'',
		);
	}
	return lines;
}
