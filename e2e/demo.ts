/**
 * `npm run demo`: this package inside a real n8n, against the Intercom sandbox, in one command.
 *
 * Builds the package, starts the sandbox (seeded) on a free port, installs the package into an n8n
 * user folder as a community package, imports a credential pointing at the sandbox and the example
 * workflows (n8n's CLI), starts n8n 2.40.7, creates the owner account, activates the trigger and
 * webhook examples, and keeps simulated customer activity flowing. Ctrl-C stops everything.
 *
 *   npm run demo                       # n8n 2.40.7 on port 5678 (or a free one)
 *   npm run demo -- --fresh            # forget the demo's n8n data (.e2e/demo-<version>) first
 *   npm run demo -- --n8n 1            # n8n 1.123.x
 *   npm run demo -- --port 5680 --no-activity
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { startSandbox, type RunningSandbox } from '../sandbox';
import { accessTokenCredential, EXAMPLE_IDS, examples, SANDBOX_CREDENTIAL, writeJson } from './runtime/fixtures';
import { DEFAULT_OWNER, N8nInstance } from './runtime/n8n';
import { resolveN8nVersion, WORK_DIR } from './runtime/paths';
import { freePort, handleSignals } from './runtime/processes';

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
	let activity: NodeJS.Timeout | undefined;
	let stopping = false;
	const stop = async (code: number): Promise<never> => {
		if (!stopping) {
			stopping = true;
			process.stdout.write('\n');
			say('stopping n8n and the sandbox…');
			if (activity) clearInterval(activity);
			await n8n?.stop().catch(() => undefined);
			await sb?.close().catch(() => undefined);
			say('stopped');
		}
		process.exit(code);
	};
	handleSignals(() => void stop(0));

	try {
		sb = await startSandbox({
			port: values['sandbox-port'] ? Number(values['sandbox-port']) : 0,
			searchDelaySeconds: 2,
		});
		const ws = sb.workspace;
		say(`sandbox up at ${sb.baseUrl}: ${ws.contacts.size} contacts, ${ws.companies.size} companies, ${ws.conversations.size} conversations, ${ws.articles.size} articles`);

		n8n = await N8nInstance.create({ version, name: 'demo', userFolder, port });
		say(`package installed into ${path.relative(process.cwd(), path.join(userFolder, '.n8n', 'nodes'))} (as a community package)`);

		const importDir = path.join(userFolder, 'import');
		await n8n.importCredentials(writeJson(path.join(importDir, 'credentials.json'), [accessTokenCredential(sb.baseUrl, sb.token)]));
		say(`credential "${SANDBOX_CREDENTIAL.name}" → ${sb.baseUrl} (region Custom)`);
		for (const workflow of examples()) writeJson(path.join(importDir, 'workflows', `${workflow.id}.json`), workflow);
		await n8n.importWorkflows(path.join(importDir, 'workflows'));
		say(`imported ${examples().length} example workflows`);

		say(`starting n8n ${version} (log: ${path.relative(process.cwd(), n8n.logFile)})`);
		await n8n.start();
		await n8n.setupOwner();
		for (const id of [EXAMPLE_IDS.newConversationSummary, EXAMPLE_IDS.upsertContact]) {
			try {
				await n8n.activateViaRest(id);
			} catch (error) {
				say(`could not activate workflow ${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
			}
		}

		if (!values['no-activity']) {
			// Something for the trigger to report: a customer writes in now and then.
			let tick = 0;
			activity = setInterval(() => {
				tick++;
				const result = sb!.activity.run(tick % 3 === 0 ? { newConversations: 1, userReplies: 1 } : { newConversations: 1 });
				say(`sandbox activity: new conversation ${result.conversations.join(', ')}${result.userReplies.length ? `, customer reply in ${result.userReplies.join(', ')}` : ''}`);
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
				`  Workflows   "Intercom: summarize every new conversation"   (active, polls every minute)`,
				`              "Intercom: create or update a contact from a webhook"   (active)`,
				`              "Intercom: reply to the oldest open conversation and close it"`,
				`              "Intercom: publish a Help Center article"   (open one, click Execute workflow)`,
				'',
				`  Try         curl -X POST ${n8n.baseUrl}/webhook/intercom-contact \\`,
				`                -H 'content-type: application/json' \\`,
				`                -d '{"email":"sam@example.com","name":"Sam Lee","plan":"pro"}'`,
				'',
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
