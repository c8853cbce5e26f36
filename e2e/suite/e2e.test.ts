/**
 * End-to-end: the built package inside a real n8n (installed as a community package), against the
 * Intercom sandbox. Run through `npm run test:e2e` (e2e/run.ts installs the runtime first).
 *
 * For each n8n version of E2E_N8N_VERSIONS (default 2.40.7; `all` = 2.40.7 and 1.123.x):
 *   (b) the example action workflows run with `n8n execute`, their output and the sandbox agree,
 *   (a) `n8n start` lists our node and credential types,
 *   (b) the webhook example updates the contact under `n8n start`,
 *   (c) the polling trigger, active under `n8n start`, emits exactly the sandbox's activity, across a
 *       stop / more activity / start: nothing repeated, nothing lost,
 *   (f) files through n8n's binary data store: an export downloaded, attached to a reply, downloaded again,
 *   (d) OAuth2 in a real browser: connect the credential through the sandbox's consent page, then a
 *       workflow with that credential runs,
 * and every request n8n sent the sandbox was conformant and carried Intercom-Version: 2.14.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import {
	accessTokenCredential,
	EXAMPLE_IDS,
	webhookSecretCredential,
	examples,
	writeJson,
	type WorkflowJson,
} from '../runtime/fixtures';
import { N8nInstance, nodeOutput, type ExecutionRun } from '../runtime/n8n';
import { declaredTypes } from '../runtime/package';
import { DEFAULT_N8N_VERSION, LEGACY_N8N_VERSION, resolveN8nVersion } from '../runtime/paths';
import { stopAll } from '../runtime/processes';
import { binaryOutput, FILES_WORKFLOW_ID, filesWorkflow } from './files-workflow';
import { apiRequests, describeRequests, lastSeq, requestProblems, waitFor, withN8nLog } from './helpers';
import { runOAuthInBrowser } from './oauth';

function versionsToTest(): string[] {
	const raw = (process.env.E2E_N8N_VERSIONS ?? process.env.N8N_VERSION ?? '').trim();
	if (raw === 'all' || raw === 'both') return [DEFAULT_N8N_VERSION, LEGACY_N8N_VERSION];
	if (raw === '') return [DEFAULT_N8N_VERSION];
	return [...new Set(raw.split(',').map((v) => resolveN8nVersion(v)))];
}

const TRIGGER_ID = EXAMPLE_IDS.newConversationSummary;
const TRIGGER_NODE = 'New Conversation';
const MINUTE = 60_000;

after(async () => {
	await stopAll();
});

for (const version of versionsToTest()) {
	describe(`n8n ${version}`, { concurrency: false }, () => {
		let sb: RunningSandbox;
		let n8n: N8nInstance;
		const email = 'jordan.rivera@example.com';

		before(async () => {
			sb = await startSandbox({ port: 0, seed: { seed: 42 } });
			n8n = await N8nInstance.create({ version, name: 'suite' });
			await withN8nLog(n8n, 'importing credentials and workflows', async () => {
				await n8n.importCredentials(
					writeJson(path.join(n8n.userFolder, 'import', 'credentials.json'), [
						accessTokenCredential(sb.baseUrl, sb.token),
						// The webhook example's credential (e2e/suite/webhook.test.ts exercises that example).
						webhookSecretCredential(sb.oauth.clientSecret),
					]),
				);
				const dir = path.join(n8n.userFolder, 'import', 'workflows');
				// The files workflow replies to the first conversation, as the workspace's own admin.
				const files = filesWorkflow(sb.workspace.conversations.all()[0].id, sb.workspace.meAdmin().id);
				const all: WorkflowJson[] = [...examples(), files];
				for (const workflow of all) writeJson(path.join(dir, `${workflow.id}.json`), workflow);
				await n8n.importWorkflows(dir);
			});
		});

		after(async () => {
			await n8n?.stop();
			await sb?.close();
		});

		it('(b) runs the example action workflows with `n8n execute`', { timeout: 10 * MINUTE }, async () => {
			const fromSeq = lastSeq(sb);
			await withN8nLog(n8n, 'reply-and-close', async () => {
				const run = await n8n.execute(EXAMPLE_IDS.replyAndClose);
				assertSucceeded(run);
				const [conversation] = nodeOutput(run.data, 'Oldest Open Conversation');
				assert.ok(conversation?.id, 'the search found an open conversation');
				const [closed] = nodeOutput(run.data, 'Close');
				assert.equal(closed.id, conversation.id);
				assert.equal(closed.state, 'closed');
				const stored = sb.workspace.conversations.get(String(conversation.id));
				assert.equal(stored?.state, 'closed', 'the sandbox has the conversation closed');
				const parts = (stored?.parts ?? []) as Array<{ part_type: string; body?: string | null }>;
				assert.ok(
					parts.some((p) => p.part_type === 'comment' && String(p.body ?? '').includes('thanks for reaching out')),
					'the reply is in the conversation',
				);
			});
			await withN8nLog(n8n, 'publish-article', async () => {
				const run = await n8n.execute(EXAMPLE_IDS.publishArticle);
				assertSucceeded(run);
				const [article] = nodeOutput(run.data, 'Publish Article');
				assert.equal(article.title, 'How to export your invoices');
				assert.equal(article.state, 'published');
				const [me] = nodeOutput(run.data, 'Author (Me)');
				assert.equal(String(article.author_id), String(me.id));
				assert.equal(sb.workspace.articles.get(String(article.id))?.state, 'published');
			});
			await withN8nLog(n8n, 'upsert-contact (create)', async () => {
				const run = await n8n.execute(EXAMPLE_IDS.upsertContact);
				assertSucceeded(run);
				const [created] = nodeOutput(run.data, 'Create or Update Contact');
				assert.equal(created.email, email);
				assert.deepEqual(created.custom_attributes, { plan: 'pro' });
				assert.equal(contactsWithEmail(sb, email).length, 1);
			});
			const requests = apiRequests(sb, fromSeq);
			// The contact example is one Create or Update request (it was a search and a create).
			assert.ok(requests.length >= 7, `n8n called the sandbox (${requests.length} requests)`);
			assert.deepEqual(requestProblems(requests), [], describeRequests(requests));
		});

		it('(f) files go through n8n\'s binary data: an export downloaded, attached to a reply, downloaded again', { timeout: 5 * MINUTE }, async () => {
			const fromSeq = lastSeq(sb);
			// Ready within seconds (the node's Wait Until Ready pauses 2 s, then 4 s…), on the sandbox's real clock.
			sb.workspace.media.exportReadySeconds = 3;
			const conversationId = sb.workspace.conversations.all()[0].id;
			const partsBefore = sb.workspace.conversations.get(conversationId)?.parts.length ?? 0;
			await withN8nLog(n8n, 'files workflow', async () => {
				const run = await n8n.execute(FILES_WORKFLOW_ID);
				assertSucceeded(run);
				const [job] = nodeOutput(run.data, 'Create Export');
				const jobId = String(job.job_identifier);
				const exported = sb.workspace.media.jobs.get(jobId)?.file;
				assert.ok(exported && exported.bytes.length > 0, 'the sandbox made the export file');
				// Downloaded into the field the node was told, under the name Intercom's Content-Disposition gives.
				const downloaded = binaryOutput(run.data, 'Download Export');
				assert.deepEqual(Object.keys(downloaded), ['export']);
				assert.equal(downloaded.export.fileName, exported.name);
				assert.equal(downloaded.export.mimeType, 'application/gzip');
				// The reply sent those very bytes, read back from n8n's binary data store.
				const conversation = sb.workspace.conversations.get(conversationId)!;
				const added = conversation.parts.slice(partsBefore) as Array<{ part_type: string; attachments?: Array<{ name: string; url: string; filesize: number }> }>;
				const attachment = added.flatMap((p) => p.attachments ?? [])[0];
				assert.ok(attachment, 'the reply carries an attachment');
				assert.equal(attachment.name, exported.name);
				const stored = sb.workspace.media.files.get(new URL(attachment.url).pathname.split('/')[2] ?? '');
				assert.ok(stored?.bytes.equals(exported.bytes), 'the attached file is byte for byte the export');
				// And Get with Download Attachments brings it back as a binary field.
				const got = binaryOutput(run.data, 'Get With Attachments');
				const field = Object.entries(got).find(([, meta]) => meta.fileName === attachment.name);
				assert.ok(field, `a binary field holds ${attachment.name}; fields: ${Object.keys(got).join(', ')}`);
			});
			const requests = apiRequests(sb, fromSeq);
			const operations = requests.map((r) => r.operation ?? `${r.method} ${r.path}`);
			assert.equal(operations[0], 'POST /export/content/data');
			assert.ok(operations.includes('GET /export/content/data/{job_identifier}'), operations.join(', '));
			assert.ok(operations.includes('GET /download/content/data/{job_identifier}'), operations.join(', '));
			assert.ok(operations.includes('POST /conversations/{conversation_id}/reply'), operations.join(', '));
			assert.deepEqual(requestProblems(requests), [], describeRequests(requests));
		});

		it('(a) `n8n start` loads the package: node and credential types are listed', { timeout: 5 * MINUTE }, async () => {
			await withN8nLog(n8n, 'n8n start', async () => {
				await n8n.start();
				await n8n.setupOwner();
				const types = await n8n.listTypes();
				const declared = declaredTypes();
				for (const node of declared.nodes) assert.ok(types.nodes.includes(node), `node type ${node} is listed`);
				assert.ok(types.nodes.includes('n8n-nodes-intercom.intercom'));
				for (const credential of ['intercomAccessTokenApi', 'intercomOAuth2Api']) {
					assert.ok(types.credentials.includes(credential), `credential type ${credential} is listed`);
				}
				if (declared.nodes.includes('n8n-nodes-intercom.intercomTrigger')) {
					assert.ok(types.nodes.includes('n8n-nodes-intercom.intercomTrigger'));
				}
			});
		});

		it('(b) the webhook example updates the same contact under `n8n start`', { timeout: 5 * MINUTE }, async () => {
			assert.ok(n8n.running, 'n8n is running');
			const fromSeq = lastSeq(sb);
			await withN8nLog(n8n, 'webhook upsert', async () => {
				await n8n.activateViaRest(EXAMPLE_IDS.upsertContact);
				await n8n.waitForWebhook('intercom-contact');
				const res = await fetch(`${n8n.apiUrl}/webhook/intercom-contact`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ email: ' Jordan.Rivera@example.com ', name: 'Jordan Rivera-Lee', plan: 'enterprise' }),
				});
				const text = await res.text();
				assert.equal(res.status, 200, text);
				const updated = JSON.parse(text) as Record<string, unknown>;
				assert.equal(updated.email, email);
				assert.equal(updated.name, 'Jordan Rivera-Lee');
				const [contact, ...others] = contactsWithEmail(sb, email);
				assert.equal(others.length, 0, 'still one contact with that email');
				assert.equal(contact.name, 'Jordan Rivera-Lee');
				assert.equal((contact.custom_attributes as Record<string, unknown>).plan, 'enterprise');
			});
			const requests = apiRequests(sb, fromSeq);
			assert.deepEqual(
				requests.map((r) => r.operation ?? `${r.method} ${r.path}`),
				// Create or Update creates; Intercom's 409 names the contact, which is then updated.
				['POST /contacts', 'PUT /contacts/{contact_id}'],
			);
			// The 409 is Intercom saying the contact exists, which the node answers with the update.
			assert.deepEqual(requests.map((r) => r.status), [409, 200], describeRequests(requests));
			assert.deepEqual(requestProblems(requests).filter((p) => !p.endsWith('POST /contacts: answered 409')), [], describeRequests(requests));
		});

		it('(c) the trigger emits every event once, across a restart', { timeout: 12 * MINUTE }, async (t) => {
			if (!declaredTypes().nodes.includes('n8n-nodes-intercom.intercomTrigger')) {
				t.skip('the package declares no Intercom Trigger yet');
				return;
			}
			const fromSeq = lastSeq(sb);
			const seen = new Map<string, number>(); // conversation id → times emitted
			const countEvents = async (): Promise<{ executions: number; events: string[] }> => {
				const list = await n8n.listExecutions(TRIGGER_ID);
				const events: string[] = [];
				for (const summary of list) {
					if (summary.status === 'running' || summary.status === 'new') continue;
					const execution = await n8n.getExecution(summary.id);
					assert.equal(execution.status, 'success', `execution ${summary.id} succeeded`);
					for (const item of nodeOutput(execution.data, TRIGGER_NODE)) {
						assert.equal(item.event, 'conversation.created');
						events.push(String((item.conversation as Record<string, unknown>).id));
					}
				}
				return { executions: list.length, events };
			};

			await withN8nLog(n8n, 'activate the trigger', async () => {
				assert.ok(n8n.running, 'n8n is running');
				const before = lastSeq(sb);
				await n8n.activateViaRest(TRIGGER_ID);
				await waitFor('the activation poll', () => apiRequests(sb, before).length > 0, { timeoutMs: MINUTE });
				assert.ok(await n8n.isActive(TRIGGER_ID));
				assert.deepEqual((await countEvents()).events, [], 'no history at the first activation');
			});

			// Activity while n8n runs: 3 new conversations, and noise the trigger must ignore.
			const first = sb.activity.run({ newConversations: 3, userReplies: 2, newContacts: 1 });
			await withN8nLog(n8n, 'events of the first activity', async () => {
				const { events } = await waitFor(
					`3 conversation.created events (${first.conversations.join(', ')})`,
					async () => {
						const c = await countEvents();
						return c.events.length >= 3 ? c : undefined;
					},
					{ timeoutMs: 3 * MINUTE, intervalMs: 3_000 },
				);
				assert.deepEqual([...events].sort(), [...first.conversations].sort());
				for (const id of events) seen.set(id, (seen.get(id) ?? 0) + 1);
			});

			// Stop n8n, make more activity, start again.
			await n8n.stop();
			const second = sb.activity.run({ newConversations: 2, adminReplies: 2, closes: 1 });
			await withN8nLog(n8n, 'events after the restart', async () => {
				await n8n.start();
				await n8n.login();
				const { events } = await waitFor(
					'5 conversation.created events in all',
					async () => {
						const c = await countEvents();
						return c.events.length >= 5 ? c : undefined;
					},
					{ timeoutMs: 3 * MINUTE, intervalMs: 3_000 },
				);
				assert.deepEqual([...events].sort(), [...first.conversations, ...second.conversations].sort(), 'nothing lost, nothing repeated');
				// One more scheduled poll after that must emit nothing new.
				const mark = lastSeq(sb);
				await waitFor('one more poll', () => apiRequests(sb, mark).length > 0, { timeoutMs: 2 * MINUTE, intervalMs: 2_000 });
				await new Promise((resolve) => setTimeout(resolve, 5_000));
				const after = await countEvents();
				assert.deepEqual([...after.events].sort(), [...events].sort(), 'the next poll repeated nothing');
			});
			const requests = apiRequests(sb, fromSeq);
			assert.deepEqual(requestProblems(requests), [], describeRequests(requests));
		});

		it('(d) OAuth2: connect in a real browser, then a workflow with that credential succeeds, also after n8n refreshes its token', { timeout: 8 * MINUTE }, async () => {
			await withN8nLog(n8n, 'OAuth2 in the browser', async () => {
				assert.ok(n8n.running, 'n8n is running');
				const fromSeq = lastSeq(sb);
				const { revokedToken } = await runOAuthInBrowser(n8n, sb);
				const requests = sb.log.requests().filter((r) => r.seq > fromSeq);
				assert.ok(
					requests.some((r) => r.kind === 'oauth' && r.path === '/auth/eagle/token' && r.status === 200),
					`n8n redeemed the code at the token endpoint:\n${describeRequests(requests)}`,
				);
				// The browser's own requests to the consent page's host (favicon) are not n8n's.
				// The one 401 the test caused (the revoked token, before n8n refreshed it) is intended.
				const fromN8n = apiRequests(sb, fromSeq).filter(
					(r) => !/Chrome/.test(r.headers['user-agent'] ?? '') && !(r.status === 401 && r.headers.authorization === `Bearer ${revokedToken}`),
				);
				assert.deepEqual(requestProblems(fromN8n), [], describeRequests(fromN8n));
			});
		});
	});
}

function assertSucceeded(run: ExecutionRun): void {
	const error = run.data.resultData.error;
	assert.equal(error, undefined, `the execution failed: ${error?.message ?? ''} ${error?.description ?? ''}`);
}

function contactsWithEmail(sb: RunningSandbox, email: string): Array<Record<string, unknown>> {
	return sb.workspace.contacts.all().filter((c) => String((c as unknown as { email?: string }).email ?? '').toLowerCase() === email) as unknown as Array<
		Record<string, unknown>
	>;
}
