/**
 * Where a node's time goes inside n8n: reads a V8 `.cpuprofile` of the n8n process, keeps the
 * samples that fall inside the nodes' execution windows (from n8n's run data), and files each
 * sample under one category by its stack (innermost recognised frame first, with the credential
 * and authentication frames taking precedence anywhere on the stack).
 *
 * Async code loses its callers across an `await`, so a category is recognised from the frames
 * present in the sample: credential loading shows as n8n's credentials helper, the cipher and the
 * database driver; authentication as `authenticate` and n8n's expression engine; and so on.
 */
import * as fs from 'node:fs';

export interface Window {
	/** Wall-clock ms (n8n's run data). */
	startMs: number;
	endMs: number;
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export const CATEGORIES = [
	'credential: load from database and decrypt',
	'credential: authenticate (resolve its expression, set the header)',
	'connection setup (socket, DNS lookup, TLS)',
	'request building and response handling (n8n helpers, axios)',
	'HTTP and sockets (node:http, streams)',
	'JSON parsing and body decoding (axios transformResponse, Buffer.toString)',
	'expressions (other than the credential)',
	"the node's own code",
	'n8n engine (execution context, items, pairedItem)',
	'garbage collection',
	'waiting (idle: server time and the wire)',
	'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What an execution pays once, by function: the samples whose stack holds the function anywhere
 * (inclusive time; the rows overlap: a parameter read's validation is part of the parameter read).
 * An async function's time after an `await` counts under it too (V8 resumes it at the stack's root).
 */
export const WATCHED: ReadonlyArray<{ label: string; match: (fn: string, url: string) => boolean }> = [
	{ label: "n8n: `getNodeParameter` (a parameter read, all of it)", match: (fn, url) => fn === '_getNodeParameter' && url.includes('node-execution-context') },
	{ label: '… resolving the value (`getParameterValue`, expressions)', match: (fn, url) => fn === 'getParameterValue' && url.includes('n8n-workflow') },
	{ label: '… the extra keys for expressions (`getAdditionalKeys`)', match: (fn) => fn === 'getAdditionalKeys' },
	{ label: '… `extractValue` (finds the shown property by name)', match: (fn, url) => fn === 'extractValue' && url.includes('extract-value') },
	{ label: '… `validateValueAgainstSchema` (finds the shown property by name)', match: (fn) => fn === 'validateValueAgainstSchema' },
	{ label: '… … of which display conditions (`displayParameter`)', match: (fn) => fn === 'displayParameter' },
	{ label: 'n8n: `getCredentials` (database and decryption)', match: (fn, url) => (fn === 'getCredentials' || fn === '_getCredentials') && url.includes('n8n-core') },
	{ label: 'n8n: `getNode` (a deep copy of the node)', match: (fn, url) => fn === 'getNode' && url.includes('node-execution-context') },
	{ label: 'node: `IntercomClient.create` (client set-up, from the credential)', match: (fn, url) => fn === 'create' && url.includes('transport/client') },
	{ label: "node: `secretVariants` (the secrets' encodings, for redaction)", match: (fn) => fn === 'secretVariants' },
	{ label: 'node: `withTypedInputs` (typed parameter reads)', match: (fn) => fn === 'withTypedInputs' || fn === 'declarations' },
	{ label: 'node: `buildRequest` (parameters into the request)', match: (fn) => fn === 'buildRequest' },
	{ label: 'node: `IntercomClient.send` (the request path: pacing, deadline, retries; per request)', match: (fn, url) => fn === 'send' && url.includes('transport/client') },
	{ label: 'node, floor: `execute` (their own code, synchronous parts)', match: (fn, url) => fn === 'execute' && (url.includes('n8n-nodes-intercom/dist') || url.includes('bench-floor')) },
];

export interface ClientBreakdown {
	runs: number;
	requests: number;
	/** Sampled time in the windows, per execution (ms). */
	totalMsPerRun: number;
	/** Per category: ms per execution and µs per request. */
	categories: Array<{ category: Category; msPerRun: number; usPerRequest: number }>;
	/** The functions with the most self time, for the report's notes. */
	topFunctions: Array<{ name: string; msPerRun: number }>;
	/** The same per category (its three largest), to see what a category holds. */
	topByCategory: Record<string, Array<{ name: string; msPerRun: number }>>;
	/** Inclusive time per execution of the WATCHED functions (ms). */
	inclusive?: Array<{ label: string; msPerRun: number }>;
}

export interface ProfileBreakdown {
	size: number;
	rounds: number;
	intervalUs: number;
	clients: Record<string, ClientBreakdown>;
}

const has = (url: string, ...parts: string[]) => parts.some((p) => url.includes(p));

function frameCategory(fn: string, url: string): Category | undefined {
	if (fn === '(garbage collector)') return 'garbage collection';
	if (fn === '(idle)') return 'waiting (idle: server time and the wire)';
	if ((fn === 'parse' && (url === '' || url.includes('JSON'))) || fn === 'JSONParse' || fn === 'jsonParse' || (fn === 'transformResponse' && url.includes('axios'))) {
		return 'JSON parsing and body decoding (axios transformResponse, Buffer.toString)';
	}
	if ((fn === 'toString' && url === 'node:buffer') || (fn === 'write' && url === 'node:string_decoder') || fn === 'utf8Slice' || fn === 'latin1Slice') {
		return 'JSON parsing and body decoding (axios transformResponse, Buffer.toString)';
	}
	// n8n decrypts the credential with node:crypto (key derivation, cipher); the profile runs over HTTP, where nothing else in the windows uses it.
	if (url.startsWith('node:internal/crypto')) return 'credential: load from database and decrypt';
	if (has(url, 'credentials-helper', '/cipher.js', 'typeorm', 'sqlite3', '@n8n/db', 'credentials-finder', 'credentials.repository', 'n8n-core/dist/credentials')) return 'credential: load from database and decrypt';
	if (has(url, '_tls_', 'node:tls') || /^(connect|internalConnect|internalConnectMultiple|lookupAndConnect|afterConnect|afterConnectMultiple|createConnection|createSocket|lookup|emitLookup|createSecureContext|createSecureLookup)$/.test(fn)) {
		return 'connection setup (socket, DNS lookup, TLS)';
	}
	if (has(url, 'n8n-nodes-intercom/dist', 'n8n-nodes-intercom-bench-floor', 'n8n-nodes-base/dist/nodes')) return "the node's own code";
	if (has(url, '/axios/', 'follow-redirects', 'backend-network', 'form-data', 'proxy-from-env', '/qs/', 'request-helpers')) return 'request building and response handling (n8n helpers, axios)';
	if (has(url, '@n8n/tournament', 'expression', 'workflow-data-proxy', 'esprima', 'recast', 'ast-types', '/tmpl')) return 'expressions (other than the credential)';
	if (has(url, 'n8n-core/dist', 'n8n-workflow/dist', 'n8n/dist')) return 'n8n engine (execution context, items, pairedItem)';
	if (has(url, 'node:_http', 'node:http', 'node:net', 'node:stream', 'node:internal/streams', 'node:zlib')) return 'HTTP and sockets (node:http, streams)';
	return undefined;
}

/** Reads a profile and files the samples inside `windows` (per client) under categories. */
export function breakdown(
	file: string,
	options: { size: number; rounds: number; windows: Map<string, Window[]>; requests: Map<string, number>; monotonicOffsetUs: number },
): ProfileBreakdown {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const categoryOf = new Map<number, Category>();
	const classify = (id: number): Category => {
		const cached = categoryOf.get(id);
		if (cached) return cached;
		// Credential work anywhere on the stack wins: `authenticate` over the loading around it.
		let innermost: Category | undefined;
		let credential: Category | undefined;
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { functionName: fn, url } = byId.get(at)!.callFrame;
			if (fn === 'authenticate' && has(url, 'credentials-helper')) credential = 'credential: authenticate (resolve its expression, set the header)';
			else if (!credential && (fn === 'getCredentials' || fn === 'getDecrypted' || fn === 'getCredentialsEntity')) credential = 'credential: load from database and decrypt';
			innermost ??= frameCategory(fn, url);
		}
		const leaf = byId.get(id)!.callFrame;
		const category = credential ?? innermost ?? (leaf.functionName === '(program)' ? 'other' : 'other');
		categoryOf.set(id, category);
		return category;
	};
	const watchedOf = new Map<number, number[]>();
	const watched = (id: number): number[] => {
		const cached = watchedOf.get(id);
		if (cached) return cached;
		const found = new Set<number>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { functionName: fn, url } = byId.get(at)!.callFrame;
			WATCHED.forEach((w, i) => {
				if (w.match(fn, url)) found.add(i);
			});
		}
		const list = [...found];
		watchedOf.set(id, list);
		return list;
	};
	const intervals: number[] = [];
	const clients: Record<string, ClientBreakdown> = {};
	for (const [client, windows] of options.windows) {
		const spans = windows.map((w) => [w.startMs * 1000 + options.monotonicOffsetUs, w.endMs * 1000 + options.monotonicOffsetUs] as const);
		const totals = new Map<Category, number>();
		const selfTime = new Map<string, number>();
		const selfByCategory = new Map<Category, Map<string, number>>();
		const inclusive = WATCHED.map(() => 0);
		let t = profile.startTime;
		let total = 0;
		for (let i = 0; i < profile.samples.length; i++) {
			const delta = profile.timeDeltas[i] ?? 0;
			t += delta;
			if (!spans.some(([a, b]) => t >= a && t <= b)) continue;
			// A sample stands for the time until the next one.
			const weight = profile.timeDeltas[i + 1] ?? delta;
			intervals.push(weight);
			const id = profile.samples[i];
			const category = classify(id);
			totals.set(category, (totals.get(category) ?? 0) + weight);
			const frame = byId.get(id)!.callFrame;
			const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '')}`;
			selfTime.set(name, (selfTime.get(name) ?? 0) + weight);
			const inCategory = selfByCategory.get(category) ?? new Map<string, number>();
			inCategory.set(name, (inCategory.get(name) ?? 0) + weight);
			selfByCategory.set(category, inCategory);
			for (const i of watched(id)) inclusive[i] += weight;
			total += weight;
		}
		const runs = windows.length / (client === 'http' ? 2 : 1);
		const requests = options.requests.get(client) ?? 0;
		const perRun = (us: number) => us / 1000 / Math.max(1, runs);
		clients[client] = {
			runs,
			requests: requests / Math.max(1, runs),
			totalMsPerRun: perRun(total),
			categories: CATEGORIES.map((category) => ({
				category,
				msPerRun: perRun(totals.get(category) ?? 0),
				usPerRequest: requests > 0 ? (totals.get(category) ?? 0) / requests : NaN,
			})),
			topFunctions: [...selfTime.entries()]
				.sort((a, b) => b[1] - a[1])
				.slice(0, 80)
				.map(([name, us]) => ({ name, msPerRun: perRun(us) })),
			inclusive: WATCHED.map((w, i) => ({ label: w.label, msPerRun: perRun(inclusive[i]) })),
			topByCategory: Object.fromEntries(
				[...selfByCategory.entries()].map(([category, names]) => [
					category,
					[...names.entries()]
						.sort((a, b) => b[1] - a[1])
						.slice(0, 3)
						.map(([name, us]) => ({ name, msPerRun: perRun(us) })),
				]),
			),
		};
	}
	const sorted = intervals.sort((a, b) => a - b);
	return { size: options.size, rounds: options.rounds, intervalUs: sorted[Math.floor(sorted.length / 2)] ?? NaN, clients };
}
