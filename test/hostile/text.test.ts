/**
 * Typed inputs: every text parameter of every operation (found by walking the registry, so an
 * operation added later is covered without touching this file), fed through an expression with
 * values that are not text. Each must fail with an error naming the parameter and the item, and
 * nothing may be sent; a number is sent as its digits, as text; null is "not given" and never
 * reaches Intercom as `null`.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';

import { operations } from '../../nodes/Intercom/actions/registry';
import type { OperationDefinition } from '../../nodes/Intercom/actions/types';
import { credentialsFor, runNode } from '../helpers/n8n';
import { ECHO, echoServer, type EchoedRequest } from './echo-server';
import { targets, type Target } from './targets';
import { asItem, evaluated, NOT_TEXT, NUMBERS_AS_TEXT, type HostileValue } from './values';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

let server: Awaited<ReturnType<typeof echoServer>>;
beforeAll(async () => {
	nock.restore(); // see actions.test.ts: only the loopback echo server is called
	server = await echoServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
});

/** The declaration a target belongs to: its field or collection option (a fixed-collection leaf: the field holding it). */
function owner(t: Target): { convert?: string; anyValue?: string[] } | undefined {
	if (t.target) return t.target;
	const [first, second] = t.path.split('.');
	const field = t.def.fields.find((f) => f.property.name === first);
	if (field) return field;
	return t.def.collections?.find((c) => c.name === first)?.options.find((o) => o.property.name === second);
}

/** Whether the declarations say this parameter takes text (the rule inputs.ts enforces). */
function takesText(t: Target): boolean {
	const declared = owner(t);
	const leaf = t.path.split('.').pop()!.replace(/\[\d+\]$/, '');
	if (declared?.anyValue?.includes(leaf)) return false;
	if (t.target?.convert === 'integer') return false;
	return t.type === 'string' || t.type === 'resourceLocator' || t.type === 'options';
}

const text = targets().filter(takesText);
const name = (t: Target) => `${t.def.resource}:${t.def.value} ${t.path}`;

function run(t: Target, values: HostileValue[]) {
	return runNode({ parameters: t.parameters, credentials: credentialsFor(server.baseUrl, 'tok_text_secret'), items: values.map(asItem), continueOnFail: true });
}

function outcomes(items: INodeExecutionData[], count: number): Array<{ error?: string } | undefined> {
	const byInput: Array<{ error?: string } | undefined> = Array(count).fill(undefined);
	for (const item of items) byInput[(item.pairedItem as { item: number }).item] = item.json as { error?: string };
	return byInput;
}

function sentRequest(message: string): EchoedRequest | undefined {
	const echo = ECHO.exec(message);
	return echo ? server.requests[Number(echo[1]) - 1] : undefined;
}

describe('text parameters', () => {
	it('are found in every operation that has one, derived from the registry', () => {
		const withText = new Set(text.map((t) => `${t.def.resource}:${t.def.value}`));
		const declaringText = operations.filter((def: OperationDefinition) =>
			[...def.fields.map((f) => f.property), ...(def.collections ?? []).flatMap((c) => c.options.map((o) => o.property))].some(
				(p) => p.type === 'string' || p.type === 'resourceLocator',
			),
		);
		expect(declaringText.length).toBeGreaterThan(40);
		expect(declaringText.map((d) => `${d.resource}:${d.value}`).filter((k) => !withText.has(k))).toEqual([]);
		expect(text.map(name)).toEqual(expect.arrayContaining(['conversation:reply body', 'contact:create email', 'contact:update updateFields.name', 'contact:update updateFields.phone']));
	});

	it.each(text.map((t) => [name(t), t] as const))('%s refuses what is not text, naming itself and the item; takes numbers as text', async (_n, t) => {
		const list = owner(t)?.convert === 'list';
		const refused = NOT_TEXT.filter((v) => !(list && Array.isArray(v.v)));
		const values = [...refused, ...NUMBERS_AS_TEXT, { label: 'null', v: null }];
		const result = await run(t, values);
		expect(result.error).toBeUndefined();
		const problems: string[] = [];
		const answered = new Set<number>();
		outcomes(result.items, values.length).forEach((outcome, index) => {
			const value = values[index];
			const message = String(outcome?.error ?? '');
			const request = sentRequest(message);
			if (request) answered.add(request.n);
			if (index < refused.length) {
				const named = t.names.some((n) => message.startsWith(`Parameter "${n}" [item ${index}]: `) || message.startsWith(`Parameter "`) && message.includes(`${n}`) && message.includes(`[item ${index}]`));
				if (request || !named) problems.push(`${value.label}: ${request ? `sent ${request.method} ${request.path} ${request.body.slice(0, 120)}` : `"${message.slice(0, 160)}"`}`);
				return;
			}
			if (!request) return; // refused for another reason (a number is not an email); it must name the parameter
			const sent = value.v === null ? undefined : String(evaluated(value));
			if (request.body.includes('null')) problems.push(`${value.label}: null reached Intercom: ${request.body.slice(0, 160)}`);
			if (sent !== undefined) {
				const asText = request.body.includes(JSON.stringify(sent)) || request.path.includes(encodeURIComponent(sent)) || [...request.query.values()].includes(sent);
				if (!asText) problems.push(`${value.label}: not sent as the text ${JSON.stringify(sent)}: ${request.path} ${request.body.slice(0, 160)}`);
			}
		});
		outcomes(result.items, values.length).forEach((outcome, index) => {
			const message = String(outcome?.error ?? '');
			if (index >= refused.length && !sentRequest(message) && !/[Pp]arameter "/.test(message)) problems.push(`${values[index].label}: "${message.slice(0, 160)}"`);
		});
		expect(answered.size).toBe(server.requests.length);
		expect(problems).toEqual([]);
	});
});

describe('Conversation Reply body', () => {
	const body = text.find((t) => name(t) === 'conversation:reply body')!;

	it.each([
		['an object, which would be sent as "[object Object]"', { label: 'object', v: { text: 'hi' } }],
		['a list, which would be sent as "a,b"', { label: 'array', v: ['a', 'b'] }],
		['NaN, which would be sent as "NaN"', { label: 'NaN', special: 'NaN' as const }],
	])('refuses %s', async (_label, value: HostileValue) => {
		const result = await run(body, [value]);
		expect(result.items.map((i) => i.json.error)).toEqual([expect.stringMatching(/^Parameter "Body" \[item 0\]: .* is not text$/)]);
		expect(server.requests).toEqual([]);
	});

	it('sends a number as text', async () => {
		const result = await run(body, [{ label: 'number', v: 42 }]);
		expect(result.items.map((i) => i.json.error)).toEqual(['echo #1']);
		expect(JSON.parse(server.requests[0].body).body).toBe('42');
	});
});
