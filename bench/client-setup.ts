/**
 * The Intercom node's own per-execution set-up, measured apart from n8n (`npx tsx bench/client-setup.ts`):
 * `IntercomClient.create` (credential fields into a client: base URL, version, timeout, pacer, sender)
 * and the request Contact → Get Many builds, on a fake context whose credential and parameter reads
 * cost nothing, warm, as CPU time per call. What n8n's own reads cost is measured inside n8n
 * (results.md, section 0): this is the part the package controls.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { buildRequest, makeContext } from '../nodes/Intercom/actions/executor';
import { operations } from '../nodes/Intercom/actions/registry';
import { EXTRACTED_PARAMETERS } from '../nodes/Intercom/actions/router';
import { IntercomClient } from '../nodes/shared/transport/client';

const node = {
	id: 'bench',
	name: 'Intercom',
	type: 'n8n-nodes-intercom.intercom',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: { resource: 'contact', operation: 'getMany', returnAll: true },
};
const credentials = { region: 'custom', baseUrl: 'http://127.0.0.1:4010', apiVersion: '2.14', accessToken: 'tok_0123456789abcdefghijklmnopqrstuvwxyz' };
const fn = {
	getNodeParameter: (name: string, _item: number, fallback?: unknown) => (node.parameters as Record<string, unknown>)[name] ?? fallback,
	getCredentials: async () => ({ ...credentials }),
	getNode: () => structuredClone(node),
	getExecutionCancelSignal: () => undefined,
	helpers: {},
} as unknown as IExecuteFunctions;
const getMany = operations.find((op) => op.resource === 'contact' && op.value === 'getMany')!;

async function perCallUs(run: () => Promise<unknown>, calls: number): Promise<number> {
	for (let i = 0; i < calls / 10; i++) await run();
	const cpu = process.cpuUsage();
	for (let i = 0; i < calls; i++) await run();
	const used = process.cpuUsage(cpu);
	return (used.user + used.system) / calls;
}

async function main(): Promise<void> {
	const client = await IntercomClient.create(fn);
	const results = {
		createUs: await perCallUs(() => IntercomClient.create(fn), 20_000),
		buildRequestUs: await perCallUs(() => buildRequest(getMany, makeContext(fn, client, 0, EXTRACTED_PARAMETERS)), 20_000),
		redactionsUs: await perCallUs(async () => (await IntercomClient.create(fn)).redactions(), 20_000),
	};
	process.stdout.write(`${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(1)) : v))}\n`);
}

void main();
