/**
 * Runs workflows through n8n-core's real engine (WorkflowExecute), the same one the tests use
 * (test/helpers/n8n.ts: node types, credential store, additional data), with any chain of nodes
 * and type versions: `Items → node → node …`. Also loads n8n's own HTTP Request and Split Out
 * nodes from the n8n install the e2e runtime keeps in `.cache/n8n/<version>/`, into this engine.
 */
import '../../test/helpers/outside-jest';

import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeParameters, INodeType, IRun } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import nock from 'nock';

import { DEFAULT_N8N_VERSION } from '../../e2e/runtime/paths';
import { additionalData, credentialsFor, registerNodeType, nodeTypes } from '../../test/helpers/n8n';
import { baseNodesDir, HTTP_REQUEST_TYPE, HTTP_REQUEST_VERSION, SPLIT_OUT_TYPE } from './engine-paths';

// The helper turns nock on (tests must not reach the internet); a benchmark must not pay for
// nock's interception of every request, so it is switched off again.
nock.restore();
nock.enableNetConnect();

export { credentialsFor, registerNodeType };

export function nockActive(): boolean {
	return nock.isActive();
}

export interface ChainNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: string[];
	continueOnFail?: boolean;
}

export interface ChainResult {
	/** Output items of the last node. */
	items: INodeExecutionData[];
	error?: Error;
	/** Each node's own execution time as n8n records it, in ms. */
	nodeTimes: Record<string, number>;
	run: IRun;
}

/** Runs `Items → chain[0] → chain[1] …` as one execution and returns the last node's output. */
export async function runChain(
	chain: ChainNode[],
	options: { items: IDataObject[]; credentials: Record<string, ICredentialDataDecryptedObject> },
): Promise<ChainResult> {
	const nodes: INode[] = [
		{ id: 'source', name: 'Items', type: 'test.itemsSource', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(options.items) } },
		...chain.map(
			(n, i): INode => ({
				id: `n${i}`,
				name: n.name,
				type: n.type,
				typeVersion: n.typeVersion,
				position: [200 * (i + 1), 0],
				parameters: n.parameters,
				credentials: n.credentials ? Object.fromEntries(n.credentials.map((type) => [type, { id: type, name: type }])) : undefined,
				onError: n.continueOnFail ? 'continueRegularOutput' : undefined,
			}),
		),
	];
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	const workflow = new Workflow({ id: 'bench-workflow', nodes, connections, active: false, nodeTypes, staticData: {} });
	const workflowData = {
		id: 'bench-workflow',
		name: 'bench',
		active: false,
		nodes,
		connections,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as unknown as ConstructorParameters<typeof ExecutionLifecycleHooks>[2];
	const execute = new WorkflowExecute(additionalData(options.credentials, workflowData), 'manual');
	const run = await execute.run({ workflow, startNode: nodes[0] });
	const runData = run.data.resultData.runData;
	const last = chain[chain.length - 1].name;
	const task = runData[last]?.[0];
	const failed = Object.values(runData).find((tasks) => tasks[0]?.error)?.[0]?.error;
	const nodeTimes: Record<string, number> = {};
	for (const [name, tasks] of Object.entries(runData)) nodeTimes[name] = tasks[0]?.executionTime ?? 0;
	return {
		items: (task?.data?.main?.[0] ?? []) as INodeExecutionData[],
		error: (failed ?? run.data.resultData.error) as Error | undefined,
		nodeTimes,
		run,
	};
}

export { HTTP_REQUEST_TYPE, HTTP_REQUEST_VERSION, SPLIT_OUT_TYPE };

export type BaseNodesLoad = { ok: true; version: string; dir: string } | { ok: false; reason: string };

/**
 * Loads n8n-nodes-base's HTTP Request (its V3 class, type version 4.2) and Split Out nodes from the
 * cached n8n install and registers them with this engine. `n8n-workflow` and `n8n-core` required
 * from there resolve to this project's copies (the same 2.40 versions), so there is one of each, as
 * inside n8n itself.
 */
export function loadBaseNodes(version = DEFAULT_N8N_VERSION): BaseNodesLoad {
	const dir = baseNodesDir(version);
	const httpFile = path.join(dir, 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js');
	const splitFile = path.join(dir, 'dist', 'nodes', 'Transform', 'SplitOut', 'SplitOut.node.js');
	if (!fs.existsSync(httpFile) || !fs.existsSync(splitFile)) {
		return { ok: false, reason: `n8n-nodes-base is not installed at ${path.relative(process.cwd(), dir)} (run \`npm run n8n:install\` first)` };
	}
	const shared = new Set(['n8n-workflow', 'n8n-core']);
	const moduleInternals = Module as unknown as {
		_resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;
	};
	const original = moduleInternals._resolveFilename;
	const cacheRoot = path.dirname(dir);
	moduleInternals._resolveFilename = function (request, parent, ...rest) {
		if (shared.has(request) && parent?.filename?.startsWith(cacheRoot)) return require.resolve(request);
		return original.call(this, request, parent, ...rest);
	};
	try {
		const load = createRequire(__filename);
		const { HttpRequest } = load(httpFile) as { HttpRequest: new () => { nodeVersions: Record<number, INodeType> } };
		const { SplitOut } = load(splitFile) as { SplitOut: new () => INodeType };
		const http = new HttpRequest().nodeVersions[HTTP_REQUEST_VERSION];
		if (!http) return { ok: false, reason: `HTTP Request ${HTTP_REQUEST_VERSION} is missing from n8n-nodes-base in ${dir}` };
		registerNodeType(HTTP_REQUEST_TYPE, http);
		registerNodeType(SPLIT_OUT_TYPE, new SplitOut());
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
		return { ok: true, version: pkg.version, dir };
	} catch (error) {
		return { ok: false, reason: `could not load n8n-nodes-base from ${dir}: ${(error as Error).message}` };
	}
}
