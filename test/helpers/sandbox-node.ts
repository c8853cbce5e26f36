/**
 * Runs the Intercom node against an in-process sandbox, for tests of one resource: every request
 * the node sends is checked by the sandbox against the spec of the version under test (api-version.ts) (and counted by the whole-run
 * conformance report), and the test sees the requests the sandbox received.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox, type SeedOptions } from '../../sandbox';
import type { LoggedRequest } from '../../sandbox';
import { credentialsFor, runNode } from './n8n';

export interface SandboxNode {
	sb: () => RunningSandbox;
	/** Runs the node with `resource` set; returns the output JSON, the error, and the requests it sent. */
	run(parameters: INodeParameters, items?: IDataObject[]): Promise<{ json: IDataObject[]; error?: Error & { description?: string }; sent: LoggedRequest[] }>;
	/** Runs and expects success. */
	ok(parameters: INodeParameters, items?: IDataObject[]): Promise<IDataObject[]>;
}

/** Starts a sandbox for the test file (closed after it) and binds the node to `resource`. */
export function sandboxNode(resource: string, seed: SeedOptions = { contacts: 40, conversations: 0, articles: 0, companies: 2 }): SandboxNode {
	let sb: RunningSandbox;
	// n8n's error reporter stays quiet in every test (test/quiet-logs.ts), so expected errors print nothing.
	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed });
	});
	afterAll(async () => {
		await sb?.close();
	});

	async function run(parameters: INodeParameters, items?: IDataObject[]) {
		const before = sb.log.requests().length;
		const result = await runNode({ parameters: { resource, ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token), items });
		const sent = sb.log.requests().slice(before);
		expect(sent.filter((r) => !r.verdict.conformant).map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
		return { json: result.items.map((i) => i.json), error: result.error, sent };
	}

	return {
		sb: () => sb,
		run,
		ok: async (parameters, items) => {
			const result = await run(parameters, items);
			expect(result.error?.message).toBeUndefined();
			return result.json;
		},
	};
}
