/**
 * The use-case examples (examples/workflows/) wired to what a run provides: the export folder of the
 * Help Center sync, the chat webhook of the messaging bridge (a local receiver stands in for Slack,
 * Teams or Mattermost), the Postgres credential; and readers for n8n's Data Tables. Shared by the
 * demo, the e2e suite and the screenshot script.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CredentialRecord, WorkflowJson } from './fixtures';
import type { N8nInstance } from './n8n';

/**
 * The examples' workflow ids. At most 16 characters each, the length of the ids n8n makes: n8n 1.x
 * saves a workflow's static data (the trigger's position) only for such ids (`isWorkflowIdValid`).
 */
export const USE_CASE_IDS = {
	helpCenterSync: 'exHelpCenterSync',
	helpCenterBackfill: 'exHelpBackfill',
	messagingBridge: 'exMessageBridge',
	conversationRouting: 'exConvRouting',
	supportAnalytics: 'exSupportFigures',
	supportDataSync: 'exSupportSync',
	supportDataSyncPostgres: 'exSupportSyncPg',
	contactEnrichment: 'exContactEnrich',
} as const;

/** Examples whose tables are n8n Data Tables addressed by name (n8n 2.x; 1.123 has no "By Name" mode nor table creation). */
export const DATA_TABLE_EXAMPLES: readonly string[] = [USE_CASE_IDS.supportAnalytics, USE_CASE_IDS.supportDataSync];

/** The webhook path of the bridge's chat → Intercom direction. */
export const CHAT_REPLY_PATH = 'intercom-chat-reply';

/** The webhook path of the contact enrichment example. */
export const SIGNUP_PATH = 'intercom-signup';

export const POSTGRES_CREDENTIAL = { id: 'PostgresSupport1', name: 'Postgres (support data)' } as const;

export interface Wiring {
	/** Folder the Help Center workflows write to (n8n must be allowed to: N8N_RESTRICT_FILE_ACCESS_TO). */
	exportFolder?: string;
	/** The chat's incoming webhook URL. */
	chatWebhookUrl?: string;
}

/** A copy of `workflow` with the run's folder and URLs in place of the examples' placeholders. */
export function wire(workflow: WorkflowJson, wiring: Wiring): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (wiring.exportFolder && node.name === 'Export Folder') {
			const assignments = (node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments;
			const folder = assignments.find((a) => a.name === 'folder');
			if (folder) folder.value = wiring.exportFolder;
		}
		if (wiring.chatWebhookUrl && node.name === 'Post to Chat') node.parameters.url = wiring.chatWebhookUrl;
	}
	return copy;
}

export function postgresCredential(db: { port: number; database: string; user: string; password: string; host?: string }): CredentialRecord {
	return {
		id: POSTGRES_CREDENTIAL.id,
		name: POSTGRES_CREDENTIAL.name,
		type: 'postgres',
		data: { host: db.host ?? '127.0.0.1', port: db.port, database: db.database, user: db.user, password: db.password, ssl: 'disable' },
	};
}

/** The rows of an n8n Data Table, by table name (REST, owner session); undefined when there is no such table. */
export async function dataTableRows(n8n: N8nInstance, name: string): Promise<Array<Record<string, unknown>> | undefined> {
	const tables = await n8n.rest<{ data: Array<{ id: string; name: string; projectId: string }> } | Array<{ id: string; name: string; projectId: string }>>(
		'GET',
		'/rest/data-tables-global?take=500&skip=0',
	);
	const list = Array.isArray(tables) ? tables : tables.data;
	const table = list.find((t) => t.name === name);
	if (!table) return undefined;
	const rows: Array<Record<string, unknown>> = [];
	for (let skip = 0; ; skip += 500) {
		const page = await n8n.rest<{ count: number; data: Array<Record<string, unknown>> }>(
			'GET',
			`/rest/projects/${table.projectId}/data-tables/${table.id}/rows?take=500&skip=${skip}`,
		);
		rows.push(...page.data);
		if (page.data.length < 500) return rows;
	}
}

export interface ChatMessage {
	at: string;
	body: Record<string, unknown>;
}

/**
 * Stands in for a chat's incoming webhook (Slack, Teams, Mattermost): accepts `POST /hooks/<any>`
 * with a JSON body, answers `ok` as Slack does, and keeps what it received.
 */
export interface ChatReceiver {
	url: string;
	messages: ChatMessage[];
	close(): Promise<void>;
}

export async function startChatReceiver(options: { port?: number; onMessage?: (message: ChatMessage) => void } = {}): Promise<ChatReceiver> {
	const messages: ChatMessage[] = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString()));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url?.startsWith('/hooks/')) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('no_service');
				return;
			}
			let body: Record<string, unknown>;
			try {
				body = JSON.parse(text) as Record<string, unknown>;
			} catch {
				res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
				return;
			}
			if (typeof body.text !== 'string' || body.text === '') {
				res.writeHead(400, { 'content-type': 'text/plain' }).end('no_text');
				return;
			}
			const message = { at: new Date().toISOString(), body };
			messages.push(message);
			options.onMessage?.(message);
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hooks/intercom`,
		messages,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * Runs a workflow from one of its triggers in the running n8n, as the editor's "Execute workflow"
 * does (REST, owner session), and waits for the execution to end. Needed for the Data Table node,
 * which works in the server only (`n8n execute` has no Data Table module).
 */
export async function runInEditor(n8n: N8nInstance, workflowId: string, triggerName: string, timeoutMs = 120_000): Promise<Awaited<ReturnType<N8nInstance['getExecution']>>> {
	const started = await n8n.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: triggerName },
	});
	if (!started?.executionId) throw new Error(`n8n did not start workflow ${workflowId} from "${triggerName}": ${JSON.stringify(started)}`);
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const execution = await n8n.getExecution(started.executionId).catch(() => undefined);
		if (execution && !['new', 'running', 'waiting'].includes(execution.status)) return execution;
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
	throw new Error(`execution ${started.executionId} of workflow ${workflowId} did not end within ${timeoutMs} ms`);
}
