/**
 * A small stand-in for n8n's webhook server, built on n8n-core's own WebhookContext and
 * WorkflowExecute: an HTTP server whose POST and HEAD on /webhook/intercom reach the Intercom
 * Webhook Trigger's `webhook()` exactly as n8n calls it, and which then runs the execution the way
 * n8n does (the trigger node first, with the items `webhook()` returned).
 *
 * What it reproduces of n8n, because the trigger's guarantees depend on it:
 * - the request: `rawBody` (the bytes as received) next to the parsed JSON `body`;
 * - the answers: `noWebhookResponse` (the node answered itself), `webhookResponse` (200 with it),
 *   `workflowData` (200 at once, "onReceived", then the execution runs);
 * - static data as n8n 2.40.7 keeps it (tried in the real n8n, see the README's notes): every
 *   request and every execution loads the stored copy; an execution saves its copy when it ends
 *   if it changed it; a webhook handler's own change is saved only when it started no execution;
 * - n8n's processed-data store (`checkProcessedAndRecord`), kept in memory here in place of the
 *   database table, with n8n-core's own DataDeduplicationService in front of it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { DataDeduplicationService, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	ICredentialDataDecryptedObject,
	IDataDeduplicator,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { IntercomWebhookTrigger } from '../../nodes/IntercomWebhookTrigger/IntercomWebhookTrigger.node';
import { additionalData, nodeTypes, registerNodeType } from '../helpers/n8n';

export const TRIGGER_TYPE = 'n8n-nodes-intercom.intercomWebhookTrigger';
registerNodeType(TRIGGER_TYPE, new IntercomWebhookTrigger());

/** n8n's processed-data table, in memory: per workflow and node, the ids in the order recorded. */
class MemoryDeduplicator implements IDataDeduplicator {
	readonly tables = new Map<string, DeduplicationItemTypes[]>();

	private key(scope: string, context: ICheckProcessedContextData): string {
		return scope === 'node' ? `${context.workflow.id}:${context.node?.name}` : context.workflow.id;
	}

	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: 'node' | 'workflow', context: ICheckProcessedContextData, options: ICheckProcessedOptions) {
		if (options.mode !== 'entries') throw new Error('only entries mode is used by the trigger');
		const key = this.key(scope, context);
		// Like n8n's table: read the row, let other work run, write the row back (no lock), so
		// simultaneous calls can overwrite each other's ids.
		const table = [...(this.tables.get(key) ?? [])];
		await new Promise((resolve) => setImmediate(resolve));
		const out = { new: [] as DeduplicationItemTypes[], processed: [] as DeduplicationItemTypes[] };
		for (const item of items) {
			if (table.includes(item)) out.processed.push(item);
			else {
				out.new.push(item);
				table.push(item);
			}
		}
		this.tables.set(key, options.maxEntries ? table.slice(-options.maxEntries) : table);
		return out;
	}

	async removeProcessed(): Promise<void> {}

	async clearAllProcessedItems(): Promise<void> {}

	async getProcessedDataCount(scope: 'node' | 'workflow', context: ICheckProcessedContextData): Promise<number> {
		return this.tables.get(this.key(scope, context))?.length ?? 0;
	}
}

export const processedStore = new MemoryDeduplicator();
let deduplicationReady: Promise<void> | undefined;

/** What the node wrote to n8n's log, so tests can read it (and the run stays quiet). */
export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	metadata?: Record<string, unknown>;
}

export const logLines: LogLine[] = [];
const recordingLogger = {
	error: (message: string, metadata?: Record<string, unknown>) => logLines.push({ level: 'error', message, metadata }),
	warn: (message: string, metadata?: Record<string, unknown>) => logLines.push({ level: 'warn', message, metadata }),
	info: (message: string, metadata?: Record<string, unknown>) => logLines.push({ level: 'info', message, metadata }),
	debug: (message: string, metadata?: Record<string, unknown>) => logLines.push({ level: 'debug', message, metadata }),
	scoped: () => recordingLogger,
};

export interface Execution {
	mode: 'webhook' | 'manual';
	/** What the trigger node output in this execution (after its own first step). */
	items: INodeExecutionData[];
	error?: Error;
}

export interface HarnessOptions {
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** 'manual' serves the test URL (n8n's "Listen for test event"). */
	mode?: 'webhook' | 'manual';
}

export class WebhookHarness {
	readonly executions: Execution[] = [];
	/** The workflow's static data as n8n's database holds it (JSON). */
	storedStaticData = '{}';
	/** Answer the next N POSTs with this status before the node sees them (to make a sender retry). */
	failNext: { count: number; status: number } = { count: 0, status: 500 };
	/** While set, started executions wait for it (to overlap deliveries with a running execution). */
	hold: Promise<void> | undefined;
	/** Run executions one after the other (true) or all at once (false, as n8n does). */
	serial = false;
	private lastExecution: Promise<void> = Promise.resolve();
	private running: Array<Promise<void>> = [];
	readonly node: INode;

	private constructor(
		private readonly server: Server,
		readonly url: string,
		private readonly options: HarnessOptions,
	) {
		this.node = {
			id: 'trigger',
			name: 'Intercom Webhook Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: Object.fromEntries(Object.keys(options.credentials).map((type) => [type, { id: type, name: type }])),
			webhookId: 'hook',
		};
	}

	static async start(options: HarnessOptions): Promise<WebhookHarness> {
		Container.set(Logger, recordingLogger as unknown as Logger);
		deduplicationReady ??= DataDeduplicationService.init(processedStore);
		await deduplicationReady;
		const ref: { harness?: WebhookHarness } = {};
		const server = createServer((req, res) => {
			void ref.harness!.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: error.message }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		ref.harness = new WebhookHarness(server, `http://127.0.0.1:${port}/webhook/hook/intercom`, options);
		return ref.harness;
	}

	/** Waits for every started execution to end. */
	async settled(): Promise<void> {
		while (this.running.length > 0) await Promise.all(this.running.splice(0));
	}

	async close(): Promise<void> {
		await this.settled();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections?.();
	}

	/** The items every execution emitted, in order. */
	emitted(): IDataObject[] {
		return this.executions.flatMap((e) => e.items.map((i) => i.json));
	}

	private workflow(): Workflow {
		return new Workflow({
			id: 'webhook-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: JSON.parse(this.storedStaticData) as IDataObject,
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const method = String(req.method);
		if (method === 'POST' && this.failNext.count > 0) {
			this.failNext.count--;
			res.writeHead(this.failNext.status).end();
			return;
		}
		const description = new IntercomWebhookTrigger().description.webhooks!.find((w) => w.httpMethod === method);
		if (!description || !req.url?.endsWith('/intercom')) {
			res.writeHead(404).end();
			return;
		}
		let body: IDataObject = {};
		if (rawBody.length > 0 && String(req.headers['content-type'] ?? '').includes('json')) {
			try {
				body = JSON.parse(rawBody.toString('utf8')) as IDataObject;
			} catch {
				res.writeHead(400).end('invalid JSON');
				return;
			}
		}
		const request = { method, headers: req.headers, body, rawBody, params: {}, query: {} };
		const response = expressLikeResponse(res);
		const workflow = this.workflow();
		const data = additionalData(this.options.credentials);
		Object.assign(data, { httpRequest: request, httpResponse: response });
		const mode = this.options.mode ?? 'webhook';
		const webhookData: IWebhookData = {
			httpMethod: method as IWebhookData['httpMethod'],
			node: this.node.name,
			path: 'hook/intercom',
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: data,
			isTest: mode === 'manual',
		};
		const context = new WebhookContext(workflow, this.node, data, mode, webhookData, [], null);
		const result: IWebhookResponseData = await new IntercomWebhookTrigger().webhook.call(context);
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.writeHead(200).end();
			return;
		}
		if (result.workflowData === undefined) {
			if (mode !== 'manual' && workflow.staticData.__dataChanged === true) this.storedStaticData = JSON.stringify(workflow.staticData);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.webhookResponse ?? { message: 'Webhook call received' }));
			return;
		}
		// onReceived: answered before the workflow runs.
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Workflow was started' }));
		this.running.push(this.execute(result.workflowData, mode));
	}

	private async execute(triggerOutput: INodeExecutionData[][], mode: 'webhook' | 'manual'): Promise<void> {
		const workflow = this.workflow(); // the execution loads the stored static data itself
		if (this.hold) await this.hold;
		if (this.serial) {
			const previous = this.lastExecution;
			let done!: () => void;
			this.lastExecution = new Promise<void>((resolve) => (done = resolve));
			await previous;
			try {
				await this.run(workflow, triggerOutput, mode);
			} finally {
				done();
			}
			return;
		}
		await this.run(workflow, triggerOutput, mode);
	}

	private async run(workflow: Workflow, triggerOutput: INodeExecutionData[][], mode: 'webhook' | 'manual'): Promise<void> {
		const runData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: this.node, data: { main: triggerOutput }, source: null }] },
		});
		const workflowData = { id: workflow.id, name: 'webhook', active: true, nodes: [this.node], connections: {}, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null } as unknown as Parameters<typeof additionalData>[1];
		const run = await new WorkflowExecute(additionalData(this.options.credentials, workflowData), mode, runData).processRunExecutionData(workflow);
		if (mode !== 'manual' && workflow.staticData.__dataChanged === true) {
			// n8n saves the execution's whole static data over what is stored (hookFunctionsSave).
			const { __dataChanged: _flag, ...rest } = workflow.staticData as IDataObject;
			this.storedStaticData = JSON.stringify(rest);
		}
		const task = run.data.resultData.runData[this.node.name]?.[0];
		this.executions.push({
			mode,
			items: (task?.data?.main?.[0] ?? []) as INodeExecutionData[],
			error: (task?.error ?? run.data.resultData.error) as Error | undefined,
		});
	}
}

function expressLikeResponse(res: ServerResponse) {
	const response = {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		json(value: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(value));
			return response;
		},
		send(value: string) {
			res.end(value);
			return response;
		},
		end() {
			res.end();
			return response;
		},
		get headersSent() {
			return res.headersSent;
		},
	};
	return response;
}
