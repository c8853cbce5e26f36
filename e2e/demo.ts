/**
 * `npm run demo`: this package inside a real n8n, against the Intercom sandbox, in one command.
 *
 * Builds the package, starts the sandbox (seeded) on a free port, installs the package into an n8n
 * user folder as a community package, imports a credential pointing at the sandbox and every example
 * workflow (n8n's CLI), starts n8n 2.40.7, creates the owner account, activates the examples that run
 * on their own (triggers, webhooks, schedules: Data Tables by default, PostgreSQL stays off), and
 * keeps simulated customer activity flowing. A local receiver stands in for the chat of the
 * messaging bridge. Ctrl-C stops everything.
 *
 * A restart keeps the user's edits: only examples missing from n8n are imported (and activated).
 *
 *   npm run demo                       # n8n 2.40.7 on port 5678 (or a free one)
 *   npm run demo -- --fresh            # forget the demo's n8n data (.e2e/demo-<version>) first, import all again
 *   npm run demo -- --n8n 1            # n8n 1.123.x
 *   npm run demo -- --port 5680 --no-activity
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type RunningSandbox } from '../sandbox';
import {
	accessTokenCredential,
	EXAMPLE_IDS,
	examples,
	SANDBOX_CREDENTIAL,
	WEBHOOK_EXAMPLE_PATH,
	webhookSecretCredential,
	writeJson,
	type WorkflowJson,
} from './runtime/fixtures';
import { DEFAULT_OWNER, N8nInstance } from './runtime/n8n';
import { resolveN8nVersion, WORK_DIR } from './runtime/paths';
import { freePort, handleSignals } from './runtime/processes';
import { CHAT_REPLY_PATH, DATA_TABLE_EXAMPLES, postgresCredential, runInEditor, SIGNUP_PATH, startChatReceiver, USE_CASE_IDS, wire, type ChatReceiver } from './runtime/use-cases';

/** Examples that run on their own once active (the others are run from the editor). */
const ACTIVE_BY_DEFAULT: string[] = [
	EXAMPLE_IDS.newConversationSummary,
	EXAMPLE_IDS.upsertContact,
	EXAMPLE_IDS.webhookEvents,
	USE_CASE_IDS.helpCenterSync,
	USE_CASE_IDS.messagingBridge,
	USE_CASE_IDS.conversationRouting,
	USE_CASE_IDS.supportAnalytics,
	USE_CASE_IDS.supportDataSync,
	USE_CASE_IDS.contactEnrichment,
];
const WHY_INACTIVE: Record<string, string> = {
	[EXAMPLE_IDS.replyAndClose]: 'run it from the editor',
	[EXAMPLE_IDS.publishArticle]: 'run it from the editor',
	[USE_CASE_IDS.helpCenterBackfill]: 'ran once at import; run it again from the editor',
	[USE_CASE_IDS.supportDataSyncPostgres]: 'set its Postgres credential, run "Set up tables", then activate',
};
const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

function say(message: string): void {
	process.stdout.write(`[demo] ${message}\n`);
}

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			n8n: { type: 'string' },
			port: { type: 'string' },
			'sandbox-port': { type: 'string' },
			fresh: { type: 'boolean', default: false },
			'no-activity': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		process.stdout.write('usage: npm run demo -- [--n8n 2.40.7|1] [--port 5678] [--sandbox-port N] [--fresh] [--no-activity]\n');
		return;
	}
	const started = Date.now();
	const version = resolveN8nVersion(values.n8n ?? process.env.N8N_VERSION);
	const wantedPort = Number(values.port ?? process.env.DEMO_PORT ?? 5678);
	const port = (await portIsFree(wantedPort)) ? wantedPort : await freePort();
	const userFolder = path.join(WORK_DIR, `demo-${version}`);
	if (values.fresh) fs.rmSync(userFolder, { recursive: true, force: true });

	let sb: RunningSandbox | undefined;
	let n8n: N8nInstance | undefined;
	let chat: ChatReceiver | undefined;
	let activity: NodeJS.Timeout | undefined;
	let webhookWatch: NodeJS.Timeout | undefined;
	// One stop for every signal and failure: a second Ctrl-C (or npm forwarding the first) waits for
	// the same cleanup instead of exiting before "[demo] stopped" is printed.
	let stopping: Promise<never> | undefined;
	const stop = (code: number): Promise<never> =>
		(stopping ??= (async () => {
			process.stdout.write('\n');
			say('stopping n8n and the sandbox…');
			if (activity) clearInterval(activity);
			if (webhookWatch) clearInterval(webhookWatch);
			await n8n?.stop().catch(() => undefined);
			await sb?.close().catch(() => undefined);
			await chat?.close().catch(() => undefined);
			say('stopped');
			process.exit(code);
		})());
	handleSignals(() => void stop(0));

	try {
		sb = await startSandbox({
			port: values['sandbox-port'] ? Number(values['sandbox-port']) : 0,
			searchDelaySeconds: 2,
		});
		const ws = sb.workspace;
		say(`sandbox up at ${sb.baseUrl}: ${ws.contacts.size} contacts, ${ws.companies.size} companies, ${ws.conversations.size} conversations, ${ws.articles.size} articles`);

		// The chat of the messaging bridge: prints what the bridge posts (a fixed port, so that the
		// imported workflow's URL stays valid across restarts).
		chat = await startChatReceiver({
			port: (await portIsFree(5679)) ? 5679 : 0,
			onMessage: (message) => say(`chat ← ${String(message.body.text).split('\n')[0]}`),
		});
		const filesFolder = path.join(userFolder, 'files');
		const exportFolder = path.join(filesFolder, 'help-center');
		fs.mkdirSync(exportFolder, { recursive: true });

		n8n = await N8nInstance.create({ version, name: 'demo', userFolder, port, env: { N8N_RESTRICT_FILE_ACCESS_TO: filesFolder } });
		say(`package installed into ${path.relative(process.cwd(), path.join(userFolder, '.n8n', 'nodes'))} (as a community package)`);

		const importDir = path.join(userFolder, 'import');
		fs.rmSync(importDir, { recursive: true, force: true });
		// The sandbox's URL and token change at every start: the credentials are always imported again.
		await n8n.importCredentials(
			writeJson(path.join(importDir, 'credentials.json'), [
				accessTokenCredential(sb.baseUrl, sb.token),
				// The sandbox app's client secret, which signs its webhook notifications.
				webhookSecretCredential(sb.oauth.clientSecret),
			]),
		);
		say(`credential "${SANDBOX_CREDENTIAL.name}" → ${sb.baseUrl} (region Custom)`);
		// Workflows: only those n8n does not have yet, so that the user's edits survive a restart.
		const existing = new Set((await n8n.cli(['list:workflow', '--onlyId'])).messages.map((m) => m.trim()));
		const all = examples();
		const missing: WorkflowJson[] = all.filter((w) => !existing.has(w.id));
		if (missing.some((w) => w.id === USE_CASE_IDS.supportDataSyncPostgres)) {
			// A placeholder the user edits (the demo starts no database).
			await n8n.importCredentials(
				writeJson(path.join(importDir, 'postgres.json'), [postgresCredential({ port: 5432, database: 'intercom', user: 'postgres', password: 'change-me' })]),
			);
		}
		for (const workflow of missing) writeJson(path.join(importDir, 'workflows', `${workflow.id}.json`), wire(workflow, { exportFolder, chatWebhookUrl: chat.url }));
		if (missing.length > 0) await n8n.importWorkflows(path.join(importDir, 'workflows'));
		say(
			missing.length === all.length
				? `imported ${all.length} example workflows`
				: missing.length === 0
					? `all ${all.length} example workflows are in n8n already: kept as they are (--fresh starts over)`
					: `imported ${missing.length} missing example workflow(s); kept ${all.length - missing.length} as they are (--fresh starts over)`,
		);
		const imported = new Set(missing.map((w) => w.id));
		if (imported.has(USE_CASE_IDS.helpCenterBackfill)) {
			await n8n.execute(USE_CASE_IDS.helpCenterBackfill);
			say(`Help Center backfill: ${fs.readdirSync(exportFolder).length} Markdown files in ${path.relative(process.cwd(), exportFolder)}`);
		}

		say(`starting n8n ${version} (log: ${path.relative(process.cwd(), n8n.logFile)})`);
		await n8n.start();
		await n8n.setupOwner();
		const dataTablesWork = n8n.major >= 2;
		// "Set up tables" and a first report, as the editor runs them (the Data Table node works in the server only).
		const runOnce = async (id: string, trigger: string): Promise<void> => {
			const execution = await runInEditor(n8n!, id, trigger).catch((error: Error) => ({ status: error.message, data: undefined }));
			if (execution.status !== 'success') say(`running "${trigger}" of ${id} did not succeed (${execution.status}); see the executions in the editor`);
		};
		if (dataTablesWork && imported.has(USE_CASE_IDS.supportDataSync)) await runOnce(USE_CASE_IDS.supportDataSync, 'Set up tables');
		// Newly imported examples are activated; on a restart n8n keeps what the user switched on or off.
		for (const id of ACTIVE_BY_DEFAULT.filter((id) => imported.has(id))) {
			if (!dataTablesWork && DATA_TABLE_EXAMPLES.includes(id)) continue;
			try {
				await n8n.activateViaRest(id);
			} catch (error) {
				say(`could not activate workflow ${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			}
		}
		if (dataTablesWork && imported.has(USE_CASE_IDS.supportAnalytics)) await runOnce(USE_CASE_IDS.supportAnalytics, MANUAL_TRIGGER);
		const activeIds = new Set(await n8n.rest<string[]>('GET', '/rest/active-workflows'));
		const workflowLines = all.map((w) => {
			const state = activeIds.has(w.id)
				? 'active'
				: !dataTablesWork && DATA_TABLE_EXAMPLES.includes(w.id)
					? 'inactive: Data Tables by name need n8n 2.x'
					: `inactive${WHY_INACTIVE[w.id] ? `: ${WHY_INACTIVE[w.id]}` : ''}`;
			return `  ${activeIds.has(w.id) ? '●' : '○'} ${w.name.padEnd(70)} ${state}`;
		});

		// What the Developer Hub's Webhooks page does: subscribe the trigger's production URL.
		const webhookUrl = `${n8n.baseUrl}/webhook/${WEBHOOK_EXAMPLE_PATH}`;
		let webhookNote = `              sandbox webhooks → ${webhookUrl}`;
		try {
			await n8n.waitForWebhook(WEBHOOK_EXAMPLE_PATH);
			await sb.sandbox.webhooks.subscribe({
				url: webhookUrl,
				topics: ['conversation.user.created', 'conversation.user.replied', 'conversation.admin.closed'],
				clientSecret: sb.oauth.clientSecret,
			});
			let seen = 0;
			webhookWatch = setInterval(() => {
				const deliveries = sb!.sandbox.webhooks.deliveries();
				for (const d of deliveries.slice(seen)) say(`webhook ${d.topic} ${d.notificationId} → n8n answered ${d.status ?? d.error}`);
				seen = deliveries.length;
			}, 1_000);
		} catch (error) {
			webhookNote = `              webhook subscription failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
		}

		if (!values['no-activity']) {
			// Something for the trigger to report: a customer writes in now and then.
			let tick = 0;
			activity = setInterval(() => {
				tick++;
				const result = sb!.activity.run({ newConversations: 1, userReplies: tick % 3 === 0 ? 1 : 0, articlePublishes: tick % 10 === 0 ? 1 : 0 });
				say(
					`sandbox activity: new conversation ${result.conversations.join(', ')}` +
						`${result.userReplies.length ? `, customer reply in ${result.userReplies.join(', ')}` : ''}` +
						`${result.articles.length ? `, article ${result.articles.join(', ')} published` : ''}`,
				);
			}, 45_000);
		}

		const line = '─'.repeat(72);
		process.stdout.write(
			[
				'',
				line,
				`  n8n ${version} with n8n-nodes-intercom is running (ready in ${((Date.now() - started) / 1000).toFixed(0)}s)`,
				'',
				`  Editor      ${n8n.baseUrl}/`,
				`  Login       ${DEFAULT_OWNER.email}  /  ${DEFAULT_OWNER.password}`,
				'',
				'  Workflows   (● active: triggers poll every minute)',
				...workflowLines,
				webhookNote,
				'',
				`  Try         curl -X POST ${n8n.baseUrl}/webhook/intercom-contact \\`,
				`                -H 'content-type: application/json' \\`,
				`                -d '{"email":"sam@example.com","name":"Sam Lee","plan":"pro"}'`,
				`              curl -X POST ${n8n.baseUrl}/webhook/${SIGNUP_PATH} -H 'content-type: application/json' \\`,
				`                -d '{"email":"kim@example.com","name":"Kim Park","plan":"pro","company":{"id":"acme-42","name":"Acme"},"tag":"trial"}'`,
				`              curl -X POST ${n8n.baseUrl}/webhook/${CHAT_REPLY_PATH} \\`,
				`                -H 'content-type: application/json' -d '{"text":"#<conversation id> Thanks, on it!"}'`,
				'',
				`  Files       Help Center as Markdown: ${path.relative(process.cwd(), exportFolder)}/`,
				`  Chat        the bridge posts to ${chat.url} (printed here as "chat ←")`,
				`  Logs        n8n: ${path.relative(process.cwd(), n8n.logFile)}`,
				`  Sandbox     ${sb.baseUrl}   token ${sb.token}`,
				`              OAuth2: client ${sb.oauth.clientId} / ${sb.oauth.clientSecret}, authorize ${sb.baseUrl}/oauth`,
				`              request log: ${sb.baseUrl}/__sandbox/   (control API)`,
				values['no-activity'] ? '' : '              a simulated customer opens a conversation every 45 s',
				'',
				'  Ctrl-C stops n8n and the sandbox.',
				line,
				'',
			].join('\n'),
		);
		await new Promise(() => undefined);
	} catch (error) {
		process.stderr.write(`[demo] failed: ${error instanceof Error ? error.message : String(error)}\n`);
		if (n8n) process.stderr.write(`[demo] n8n log (tail):\n${n8n.logTail(40)}\n`);
		await stop(1);
	}
}

void main();
