/**
 * A benchmark client process (forked by bench/run.ts with --expose-gc). It waits for commands
 * over IPC, runs them against the sandbox in the parent process, and answers with its figures.
 */
import { credentialsFor, HTTP_REQUEST_TYPE, HTTP_REQUEST_VERSION, loadBaseNodes, registerNodeType, runChain, SPLIT_OUT_TYPE } from './engine';

import * as net from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IntercomTrigger } from '../../nodes/IntercomTrigger/IntercomTrigger.node';
import { IntercomClient } from '../../nodes/shared/transport/client';
import { clock } from '../../nodes/shared/transport/clock';
import { RateLimitPacer } from '../../nodes/shared/transport/pacing';
import { poll } from '../../test/helpers/n8n';
import type { Command, GetsResult, Memory, PollResult, Reply, Result, ReturnAllResult, Target } from './protocol';

const PER_PAGE = 150;
const TRIGGER_TYPE = 'n8n-nodes-intercom.intercomTrigger';
registerNodeType(TRIGGER_TYPE, new IntercomTrigger());

/** Every client the nodes create in this process, to read their request counts. */
const clients: IntercomClient[] = [];
const create = IntercomClient.create.bind(IntercomClient);
IntercomClient.create = async (...args: Parameters<typeof IntercomClient.create>) => {
	const client = await create(...args);
	clients.push(client);
	return client;
};

/** Pacing off, for the benchmark only: the client still retries 429s, but never waits before sending. */
const reserve = RateLimitPacer.prototype.reserve;
function setPacing(on: boolean): void {
	RateLimitPacer.prototype.reserve = on ? reserve : () => 0;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** TCP connections opened by this process (fetch and n8n's request helpers both go through net.Socket). */
let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
	connections++;
	return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;

/** Samples heap and RSS every few ms from a GC'd baseline until stopped. */
function memorySampler(): { stop: () => Memory } {
	gc();
	const base = process.memoryUsage();
	let heap = base.heapUsed;
	let rss = base.rss;
	const sample = () => {
		const m = process.memoryUsage();
		if (m.heapUsed > heap) heap = m.heapUsed;
		if (m.rss > rss) rss = m.rss;
	};
	const timer = setInterval(sample, 5);
	return {
		stop: () => {
			sample();
			clearInterval(timer);
			return { heapPeakDelta: heap - base.heapUsed, rssPeakDelta: rss - base.rss };
		},
	};
}

const headers = (t: Target) => ({ Authorization: `Bearer ${t.token}`, 'Intercom-Version': '2.14', Accept: 'application/json' });

/** The floor for any client: fetch, parse, keep every contact, follow the cursor. */
async function fetchAll(target: Target, maxItems = Infinity): Promise<number> {
	const all: unknown[] = [];
	let cursor: string | undefined;
	do {
		const query = new URLSearchParams({ per_page: String(PER_PAGE), ...(cursor ? { starting_after: cursor } : {}) });
		const res = await fetch(`${target.baseUrl}/contacts?${query}`, { headers: headers(target) });
		if (!res.ok) throw new Error(`GET /contacts answered ${res.status}`);
		const body = (await res.json()) as { data: unknown[]; pages?: { next?: { starting_after?: string } } };
		for (const contact of body.data) all.push(contact);
		cursor = body.pages?.next?.starting_after;
	} while (cursor && all.length < maxItems);
	return all.length;
}

/** n8n's HTTP Request node, cursor pagination as its docs describe, 150 per page; Split Out makes one item per contact. */
function httpRequestChain(target: Target, maxItems?: number) {
	const pagination: IDataObject = {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: { parameters: [{ type: 'qs', name: 'starting_after', value: '={{ $response.body.pages.next.starting_after }}' }] },
		paginationCompleteWhen: 'other',
		completeExpression: '={{ !$response.body.pages.next }}',
	};
	if (maxItems !== undefined) Object.assign(pagination, { limitPagesFetched: true, maxRequests: Math.ceil(maxItems / PER_PAGE) });
	return [
		{
			name: 'HTTP Request',
			type: HTTP_REQUEST_TYPE,
			typeVersion: HTTP_REQUEST_VERSION,
			parameters: {
				method: 'GET',
				url: `${target.baseUrl}/contacts`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'per_page', value: String(PER_PAGE) }] },
				sendHeaders: true,
				headerParameters: {
					parameters: [
						{ name: 'Authorization', value: `Bearer ${target.token}` },
						{ name: 'Intercom-Version', value: '2.14' },
					],
				},
				options: { pagination: { pagination } },
			} as INodeParameters,
		},
		{ name: 'Split Out', type: SPLIT_OUT_TYPE, typeVersion: 1, parameters: { fieldToSplitOut: 'data' } },
	];
}

const intercomNode = (parameters: INodeParameters, continueOnFail = false) => ({
	name: 'Intercom',
	type: 'n8n-nodes-intercom.intercom',
	typeVersion: 1,
	parameters,
	credentials: ['intercomAccessTokenApi'],
	continueOnFail,
});

let baseNodesLoaded = false;

async function returnAll(command: Extract<Command, { kind: 'returnAll' }>): Promise<ReturnAllResult> {
	const { target, client, maxItems } = command;
	const credentials = credentialsFor(target.baseUrl, target.token);
	if (client === 'http' && !baseNodesLoaded) {
		const load = loadBaseNodes();
		if (!load.ok) throw new Error(load.reason);
		baseNodesLoaded = true;
	}
	const memory = memorySampler();
	const cpu = process.cpuUsage();
	const connectionsBefore = connections;
	const started = performance.now();
	let items: number;
	let nodeTimes: Record<string, number> | undefined;
	if (client === 'fetch') {
		items = await fetchAll(target, maxItems);
	} else {
		const chain =
			client === 'node'
				? [intercomNode(maxItems === undefined ? { resource: 'contact', operation: 'getMany', returnAll: true } : { resource: 'contact', operation: 'getMany', returnAll: false, limit: maxItems })]
				: httpRequestChain(target, maxItems);
		const result = await runChain(chain, { items: [{}], credentials });
		if (result.error) throw result.error;
		items = result.items.length;
		nodeTimes = result.nodeTimes;
	}
	const ms = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { kind: 'returnAll', ms, cpuMs: (used.user + used.system) / 1000, connections: connections - connectionsBefore, items, nodeTimes, ...memory.stop() };
}

async function gets(command: Extract<Command, { kind: 'gets' }>): Promise<GetsResult> {
	const { target, variant, ids } = command;
	const startedAt = Date.now();
	const started = performance.now();
	let ok = 0;
	let failures = 0;
	let firstFailure: string | undefined;
	if (variant === 'plain') {
		for (const id of ids) {
			const res = await fetch(`${target.baseUrl}/contacts/${encodeURIComponent(id)}`, { headers: headers(target) });
			await res.arrayBuffer();
			if (res.ok) ok++;
			else {
				failures++;
				firstFailure ??= `HTTP ${res.status}`;
			}
		}
	} else {
		setPacing(variant === 'paced');
		try {
			const result = await runChain(
				[intercomNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, true)],
				{ items: ids.map((id) => ({ id })), credentials: credentialsFor(target.baseUrl, target.token) },
			);
			if (result.error) throw result.error;
			for (const item of result.items) {
				if (item.json.error) {
					failures++;
					firstFailure ??= String(item.json.error);
				} else ok++;
			}
		} finally {
			setPacing(true);
		}
	}
	return { kind: 'gets', startedAt, endedAt: Date.now(), ms: performance.now() - started, ok, failures, firstFailure };
}

const now = clock.now;

/** The trigger of an earlier commit (its own transport and clock), registered once under its own type. */
const legacy = new Map<string, { type: string; clock: typeof clock }>();
function legacyTrigger(dir: string): { type: string; clock: typeof clock } {
	let found = legacy.get(dir);
	if (!found) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const node = require(`${dir}/nodes/IntercomTrigger/IntercomTrigger.node.ts`) as { IntercomTrigger: new () => IntercomTrigger };
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const legacyClock = (require(`${dir}/nodes/shared/transport/clock.ts`) as { clock: typeof clock }).clock;
		found = { type: `${TRIGGER_TYPE}Legacy${legacy.size}`, clock: legacyClock };
		registerNodeType(found.type, new node.IntercomTrigger());
		legacy.set(dir, found);
	}
	return found;
}

/** The trigger's static data between polls, stored as JSON text as n8n's database keeps it. */
let stored = '{}';

async function pollOnce(command: Extract<Command, { kind: 'poll' }>): Promise<PollResult> {
	const { target, parameters, offsetMs } = command;
	if (command.resetState) stored = '{}';
	const staticData = JSON.parse(stored) as IDataObject;
	const before = clients.length;
	// The trigger reads time through the transport's clock: on the sandbox's (shifted) clock for this poll.
	clock.now = () => Date.now() + offsetMs;
	const old = command.legacyDir ? legacyTrigger(command.legacyDir) : undefined;
	const oldNow = old?.clock.now;
	if (old) old.clock.now = () => Date.now() + offsetMs;
	const started = performance.now();
	let events = 0;
	let error: string | undefined;
	try {
		const output = await poll({ nodeType: old?.type ?? TRIGGER_TYPE, parameters, credentials: credentialsFor(target.baseUrl, target.token), staticData });
		events = output?.[0]?.length ?? 0;
		stored = JSON.stringify(staticData);
	} catch (e) {
		error = (e as Error).message;
	} finally {
		clock.now = now;
		if (old && oldNow) old.clock.now = oldNow;
	}
	const ms = performance.now() - started;
	const clientRequests = clients.slice(before).reduce((sum, c) => sum + c.requestCount, 0);
	return { kind: 'poll', ms, events, error, clientRequests, state: JSON.parse(stored) as IDataObject };
}

async function handle(command: Exclude<Command, { kind: 'exit' }>): Promise<Result> {
	switch (command.kind) {
		case 'returnAll':
			return await returnAll(command);
		case 'gets':
			return await gets(command);
		case 'poll':
			return await pollOnce(command);
	}
}

process.on('message', (command: Command) => {
	if (command.kind === 'exit') process.exit(0);
	handle(command).then(
		(result) => process.send?.({ ok: true, result } satisfies Reply),
		(error: Error) => process.send?.({ ok: false, error: error.stack ?? error.message } satisfies Reply),
	);
});
process.send?.('ready');
