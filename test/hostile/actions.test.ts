/**
 * Hostile input for every text, number, date and JSON parameter of every operation of the action
 * node: each value either stops with an error naming the parameter before anything is sent, or
 * is sent to exactly the operation's path with the value escaped as one segment. Never a crash,
 * never a request elsewhere.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';
import { ECHO, echoServer, type EchoedRequest } from './echo-server';
import { baseline, expectedPath, targets, type Target } from './targets';
import { asItem, evaluated, FOR_DATES, NOT_INTEGERS, valuesFor, type HostileValue } from './values';
import { operations } from '../../nodes/Intercom/actions/registry';

let server: Awaited<ReturnType<typeof echoServer>>;
beforeAll(async () => {
	// Only the loopback echo server is called. nock's interceptor parses requests with a 16 KB
	// header limit and stalls on longer ones, so it is taken out to let a 100 KB path through as
	// n8n would send it.
	nock.restore();
	server = await echoServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
});

const TOKEN = 'tok_hostile_secret';
const NAMED = /(?:^|: |The )[Pp]arameter "([^"]+)"/;

function run(parameters: Target['parameters'], values: HostileValue[]) {
	return runNode({ parameters, credentials: credentialsFor(server.baseUrl, TOKEN), items: values.map(asItem), continueOnFail: true });
}

/** The one output item of each input item (an error, since the echo server answers 400). */
function outcomes(items: INodeExecutionData[], count: number): Array<{ error?: string; description?: string } | undefined> {
	const byInput: Array<{ error?: string; description?: string } | undefined> = Array(count).fill(undefined);
	for (const item of items) {
		const paired = item.pairedItem as { item: number };
		byInput[paired.item] = item.json as { error?: string; description?: string };
	}
	return byInput;
}

/** An error a person can read: a 100 KB value must not be repeated into it whole. */
const READABLE = 1_000;
/** No error quotes more than 200 characters of a user's value (the 100 KB value is all "a"). */
const QUOTED_TOO_LONG = 'a'.repeat(201);

describe('every operation sends exactly its template with valid parameters', () => {
	it.each(operations.map((def) => [`${def.resource}:${def.value}`, def] as const))('%s', async (_name, def) => {
		const result = await run(baseline(def), [{ label: 'valid', v: 'unused' }]);
		expect(result.items.map((i) => i.json.error)).toEqual(['echo #1']);
		expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`${def.method} ${expectedPath(def, baseline(def))}`]);
	});
});

const all = targets();

describe('hostile values', () => {
	it('reach every kind of parameter', () => {
		const kinds = new Set(all.map((t) => t.type));
		expect([...kinds]).toEqual(expect.arrayContaining(['dateTime', 'json', 'options', 'resourceLocator', 'string']));
		expect(all.length).toBeGreaterThan(120);
	});

	it.each(all.map((t) => [`${t.def.resource}:${t.def.value} ${t.path}`, t] as const))('%s', async (_name, target) => {
		const values = valuesFor(target.type);
		const result = await run(target.parameters, values);
		expect(result.error).toBeUndefined();
		const problems: string[] = [];
		const answered = new Set<number>();
		outcomes(result.items, values.length).forEach((outcome, index) => {
			const value = values[index];
			const message = String(outcome?.error ?? '');
			const description = String(outcome?.description ?? '');
			if (message.length + description.length > READABLE) {
				problems.push(`${value.label}: an error of ${message.length + description.length} characters`);
			}
			if (`${message}\n${description}`.includes(QUOTED_TOO_LONG)) problems.push(`${value.label}: the error quotes over 200 characters of the value`);
			const echo = ECHO.exec(message);
			if (echo) {
				const request = server.requests[Number(echo[1]) - 1] as EchoedRequest;
				answered.add(request.n);
				const key = target.target?.in === 'path' ? (target.target.key ?? target.path) : undefined;
				const path = expectedPath(target.def, target.parameters, key, evaluated(value));
				if (request.method !== target.def.method || request.path !== path) {
					problems.push(`${value.label}: sent ${request.method} ${request.path.slice(0, 120)}, expected ${target.def.method} ${path.slice(0, 120)}`);
				}
				const query = target.target?.in === 'query' && !target.target.convert ? (target.target.key ?? target.path) : undefined;
				const sent = evaluated(value);
				// A blank optional query value is left out rather than sent empty.
				const expectedQuery = typeof sent === 'string' && sent.trim() === '' ? [null, sent] : [sent];
				if (query && typeof sent === 'string' && !expectedQuery.includes(request.query.get(query))) {
					problems.push(`${value.label}: query ${query}=${String(request.query.get(query)).slice(0, 60)}`);
				}
				if (request.body !== '') {
					try {
						JSON.parse(request.body);
					} catch {
						problems.push(`${value.label}: the body is not JSON`);
					}
				}
				return;
			}
			const named = NAMED.exec(message)?.[1];
			// Fixed collections name the entry too: "Conditions 1 › Value".
			if (!named || !target.names.some((name) => named === name || named.startsWith(`${name} `))) problems.push(`${value.label}: ${outcome ? `error "${message.slice(0, 160)}"` : 'no output'}`);
		});
		// Every request belongs to an item that reported it: an item that failed with an error
		// naming its parameter sent nothing.
		expect(answered.size).toBe(server.requests.length);
		expect(problems).toEqual([]);
	});
});

describe('integers', () => {
	const integerTargets = all.filter((t) => t.target?.convert === 'integer');

	it('are found', () => {
		expect(integerTargets.length).toBeGreaterThanOrEqual(6);
	});

	it.each(integerTargets.map((t) => [`${t.def.resource}:${t.def.value} ${t.path}`, t] as const))(
		'%s refuses what is not an exact integer, naming the parameter',
		async (_name, target) => {
			const result = await run(target.parameters, NOT_INTEGERS);
			const messages = outcomes(result.items, NOT_INTEGERS.length).map((o) => String(o?.error));
			expect(messages.every((m) => m.includes(`"${target.names[0]}"`) && m.endsWith('is not a whole number'))).toBe(true);
			expect(server.requests).toEqual([]);
		},
	);
});

describe('dates', () => {
	const dateTargets = all.filter((t) => t.target?.convert === 'unixSeconds');

	it('are found', () => {
		expect(dateTargets.length).toBeGreaterThanOrEqual(8);
	});

	it.each(dateTargets.map((t) => [`${t.def.resource}:${t.def.value} ${t.path}`, t] as const))(
		'%s refuses impossible dates (30 February is not 2 March), naming the parameter',
		async (_name, target) => {
			const result = await run(target.parameters, FOR_DATES);
			const messages = outcomes(result.items, FOR_DATES.length).map((o) => String(o?.error));
			expect(messages.filter((m) => !m.startsWith(`Parameter "${target.names[0]}": `))).toEqual([]);
			expect(server.requests).toEqual([]);
		},
	);
});
