/**
 * End-to-end: the use-case examples (examples/workflows/) in a real n8n, against the sandbox, a real
 * PostgreSQL (Debian's server, started as the queue-mode suite starts it) and a local receiver
 * standing in for a chat's incoming webhook. Each test asserts the data the workflow produced.
 *
 *   Help Center backfill   `n8n execute`: one Markdown file per published article, front matter and
 *                          body match the sandbox's articles.
 *   Set up tables          `n8n execute` of the two sync workflows: Data Tables (2.x) and PostgreSQL tables.
 *   Everything live        all trigger workflows active under `n8n start`; a burst of customer and
 *                          teammate activity, a restart, a second burst; then:
 *     - support data sync: every contact and conversation changed since activation is one row (Data
 *       Table and PostgreSQL), with the sandbox's latest version; parts one row each;
 *     - routing: each new conversation assigned to the team its first message and contact call for,
 *       with an internal note;
 *     - messaging bridge: each customer reply reached the chat once; replies posted to the
 *       workflow's webhook became admin replies in the conversation;
 *     - Help Center sync: the files equal the published articles, edits included.
 *   Daily figures          `n8n execute`: rows per day and team equal the figures computed from the sandbox.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { updateArticle } from '../../sandbox/store/content-ops';
import { findPostgresBin, ensureServices, makeTempDir, removeTempDir, startPostgres, type Postgres } from '../queue/services';
import { accessTokenCredential, examples, writeJson } from '../runtime/fixtures';
import { N8nInstance, nodeOutput } from '../runtime/n8n';
import { DEFAULT_N8N_VERSION, LEGACY_N8N_VERSION, resolveN8nVersion, WORK_DIR } from '../runtime/paths';
import { stopAll } from '../runtime/processes';
import {
	CHAT_REPLY_PATH,
	dataTableRows,
	postgresCredential,
	runInEditor,
	SIGNUP_PATH,
	startChatReceiver,
	USE_CASE_IDS,
	wire,
	type ChatReceiver,
} from '../runtime/use-cases';
import { apiRequests, describeRequests, lastSeq, requestProblems, waitFor, withN8nLog } from './helpers';
import {
	assertFilesMatchArticles,
	assertSucceeded,
	compareTables,
	conversation,
	customerRepliesSince,
	expectedFigures,
	expectedTeam,
	fileDiffers,
	plain,
	publishedArticles,
	routed,
} from './use-case-checks';

const MINUTE = 60_000;
const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

function versionsToTest(): string[] {
	const raw = (process.env.E2E_N8N_VERSIONS ?? process.env.N8N_VERSION ?? '').trim();
	if (raw === 'all' || raw === 'both') return [DEFAULT_N8N_VERSION, LEGACY_N8N_VERSION];
	if (raw === '') return [DEFAULT_N8N_VERSION];
	return [...new Set(raw.split(',').map((v) => resolveN8nVersion(v)))];
}

after(async () => {
	await stopAll();
});

for (const version of versionsToTest()) {
	describe(`use cases on n8n ${version}`, { concurrency: false }, () => {
		const dataTables = Number(version.split('.')[0]) >= 2;
		let sb: RunningSandbox;
		let n8n: N8nInstance;
		let pg: Postgres;
		let pgDir: string;
		let chat: ChatReceiver;
		let exportFolder: string;
		let fromSeq = 0;
		/** Sandbox time (seconds) once every trigger has taken its first poll. */
		let activatedAt = 0;
		const newConversations: string[] = [];
		const customerReplies: string[] = [];

		before(async () => {
			sb = await startSandbox({ port: 0, seed: { seed: 42 } });
			chat = await startChatReceiver();
			pgDir = makeTempDir('intercom-use-cases-pg-');
			const pgBin = findPostgresBin() ?? (await ensureServices(() => undefined)).pgBin;
			pg = await startPostgres(pgBin, pgDir, version, () => undefined);
			const root = path.join(WORK_DIR, `suite-use-cases-${version}-${Date.now().toString(36)}`);
			exportFolder = path.join(root, 'files', 'help-center');
			fs.mkdirSync(exportFolder, { recursive: true });
			n8n = await N8nInstance.create({
				version,
				name: 'suite',
				userFolder: root,
				env: { N8N_RESTRICT_FILE_ACCESS_TO: path.join(root, 'files') },
			});
			await withN8nLog(n8n, 'importing credentials and the use-case workflows', async () => {
				await n8n.importCredentials(
					writeJson(path.join(root, 'import', 'credentials.json'), [accessTokenCredential(sb.baseUrl, sb.token), postgresCredential(pg)]),
				);
				const ids = new Set<string>(Object.values(USE_CASE_IDS));
				const dir = path.join(root, 'import', 'workflows');
				for (const workflow of examples().filter((w) => ids.has(w.id))) {
					writeJson(path.join(dir, `${workflow.id}.json`), wire(workflow, { exportFolder, chatWebhookUrl: chat.url }));
				}
				await n8n.importWorkflows(dir);
			});
			fromSeq = lastSeq(sb);
		});

		after(async () => {
			await n8n?.stop();
			await sb?.close();
			await chat?.close();
			await pg?.stop();
			if (pgDir) removeTempDir(pgDir);
		});

		it('Help Center backfill: one Markdown file per published article', { timeout: 5 * MINUTE }, async () => {
			await withN8nLog(n8n, 'help center backfill', async () => {
				const run = await n8n.execute(USE_CASE_IDS.helpCenterBackfill);
				assertSucceeded(run);
				const written = nodeOutput(run.data, 'Write Markdown File');
				assert.equal(written.length, publishedArticles(sb).length, 'one file written per published article');
				assertFilesMatchArticles(exportFolder, sb);
			});
		});

		it('Support data sync (PostgreSQL): "Set up tables" creates the tables', { timeout: 5 * MINUTE }, async () => {
			await withN8nLog(n8n, 'set up tables', async () => {
				assertSucceeded(await n8n.execute(USE_CASE_IDS.supportDataSyncPostgres));
				const tables = await pg.query<{ table_name: string }>(
					"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'intercom_%' ORDER BY 1",
				);
				assert.deepEqual(tables.map((t) => t.table_name), ['intercom_contacts', 'intercom_conversation_parts', 'intercom_conversations']);
			});
		});

		it('live: sync, routing, bridge and Help Center sync across a burst of activity and a restart', { timeout: 20 * MINUTE }, async () => {
			const active = [
				USE_CASE_IDS.helpCenterSync,
				USE_CASE_IDS.messagingBridge,
				USE_CASE_IDS.conversationRouting,
				USE_CASE_IDS.supportDataSyncPostgres,
				...(dataTables ? [USE_CASE_IDS.supportDataSync] : []),
			];
			await withN8nLog(n8n, 'start and activate', async () => {
				await n8n.start();
				await n8n.setupOwner();
				if (dataTables) {
					// The Data Table node runs in the server only: "Set up tables" as the editor runs it.
					const setup = await runInEditor(n8n, USE_CASE_IDS.supportDataSync, 'Set up tables');
					assert.equal(setup.status, 'success', JSON.stringify(setup.data.resultData.error ?? {}));
					for (const table of ['intercom_contacts', 'intercom_conversations', 'intercom_conversation_parts']) {
						assert.deepEqual(await dataTableRows(n8n, table), [], `the Data Table ${table} exists, empty`);
					}
				}
				for (const id of active) await n8n.activateViaRest(id);
				for (const id of active) assert.ok(await n8n.isActive(id), `${id} is active`);
				await n8n.waitForWebhook(CHAT_REPLY_PATH);
				// Each trigger node reads once at activation (no history): wait for those reads to finish.
				await new Promise((resolve) => setTimeout(resolve, 5_000));
				activatedAt = sb.workspace.now();
			});

			const burst = (plan: Parameters<RunningSandbox['activity']['run']>[0]) => {
				const result = sb.activity.run(plan);
				newConversations.push(...result.conversations);
				customerReplies.push(...result.userReplies);
				return result;
			};
			const first = burst({ newContacts: 3, contactUpdates: 3, newConversations: 4, userReplies: 3, adminReplies: 2, closes: 1, articlePublishes: 2 });
			const edited = publishedArticles(sb)[0];
			updateArticle(sb.workspace, edited.id, { title: `${edited.title} (revised)`, body: `${edited.body}<p>Revised by the e2e test.</p>` });

			await withN8nLog(n8n, 'first burst arrives', async () => {
				await waitForLive('after the first burst', first.conversations);
			});

			await n8n.stop();
			burst({ newContacts: 2, contactUpdates: 2, newConversations: 3, userReplies: 2, closes: 2, articlePublishes: 1 });
			await withN8nLog(n8n, 'after the restart', async () => {
				await n8n.start();
				await n8n.login();
				await waitForLive('after the restart', newConversations);
			});

			await withN8nLog(n8n, 'chat → Intercom', async () => {
				const [target, second] = newConversations;
				const viaText = await postChatReply({ text: `#${target} Thanks for writing in, we are on it.` });
				assert.equal(viaText.status, 200, viaText.text);
				assert.equal(JSON.parse(viaText.text).id, target);
				const viaField = await postChatReply({ conversation_id: second, text: 'Fixed on our side, please try again.' });
				assert.equal(viaField.status, 200, viaField.text);
				const before = lastSeq(sb);
				const bad = await postChatReply({ text: 'no conversation named here' });
				assert.notEqual(bad.status, 200, 'a reply without a conversation is refused');
				assert.deepEqual(apiRequests(sb, before), [], 'and nothing is sent to Intercom');
				const me = sb.workspace.meAdmin();
				for (const [id, text] of [
					[target, 'Thanks for writing in, we are on it.'],
					[second, 'Fixed on our side, please try again.'],
				]) {
					const part = conversation(sb, id).parts.at(-1)!;
					assert.equal(part.part_type, 'comment');
					assert.equal(part.author.type, 'admin');
					assert.equal(part.author.id, me.id, 'from the admin of the credential');
					assert.equal(part.body, text);
				}
			});

			await withN8nLog(n8n, 'the tables hold every record once, latest version', async () => {
				// The routing notes and bridge replies changed conversations too: wait until the sync caught up.
				await waitFor('PostgreSQL rows equal the sandbox', async () => (await pgMismatches()).length === 0 || undefined, { timeoutMs: 4 * MINUTE, intervalMs: 5_000 }).catch(
					async (error: Error) => {
						throw new Error(`${error.message}\n${(await pgMismatches()).slice(0, 20).join('\n')}`);
					},
				);
				if (dataTables) {
					await waitFor('Data Table rows equal the sandbox', async () => (await dataTableMismatches()).length === 0 || undefined, {
						timeoutMs: 2 * MINUTE,
						intervalMs: 5_000,
					}).catch(async (error: Error) => {
						throw new Error(`${error.message}\n${(await dataTableMismatches()).slice(0, 20).join('\n')}`);
					});
				}
			});

			// Routing: the team each rule calls for, and a note saying why.
			for (const id of newConversations) {
				const c = conversation(sb, id);
				const expected = expectedTeam(sb, c);
				assert.equal(String(c.team_assignee_id), expected.team, `conversation ${id} ("${plain(c.source.body)}") → team ${expected.team} (${expected.why})`);
				const notes = c.parts.filter((p) => p.part_type === 'note' && String(p.body).includes('Routed to'));
				assert.equal(notes.length, 1, `conversation ${id} has one routing note`);
			}
			// Bridge: each customer reply once in the chat, naming its conversation.
			const posted = chat.messages.map((m) => String(m.body.text));
			const expectedReplies = customerRepliesSince(sb, activatedAt);
			assert.equal(posted.length, expectedReplies.length, `one chat message per customer reply:\n${posted.join('\n')}`);
			for (const reply of expectedReplies) {
				assert.equal(posted.filter((t) => t.includes(`conversation #${reply.conversationId}: ${plain(reply.body)}`)).length, reply.count, `reply in ${reply.conversationId} posted once`);
			}
			// Help Center: the files are the published articles, the edit included.
			assertFilesMatchArticles(exportFolder, sb);
			assert.match(fs.readFileSync(path.join(exportFolder, `${edited.id}.md`), 'utf8'), /\(revised\)[\s\S]*Revised by the e2e test/);

			const requests = apiRequests(sb, fromSeq);
			assert.deepEqual(requestProblems(requests), [], describeRequests(requests.slice(-50)));
		});

		it('Contact enrichment: the same signup twice within a second leaves one contact, with attributes, tag and company', { timeout: 5 * MINUTE }, async () => {
			await withN8nLog(n8n, 'contact enrichment', async () => {
				assert.ok(n8n.running, 'n8n is running');
				await n8n.activateViaRest(USE_CASE_IDS.contactEnrichment);
				await n8n.waitForWebhook(SIGNUP_PATH);
				const mark = lastSeq(sb);
				const signup = { email: ' Riley.Chen@Example.com ', name: 'Riley Chen', plan: 'pro', seats: 12, company: { id: 'acme-42', name: 'Acme Inc' }, tag: 'trial' };
				const post = async (body: Record<string, unknown>) => {
					const res = await fetch(`${n8n.apiUrl}/webhook/${SIGNUP_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
					return { status: res.status, text: await res.text() };
				};
				// Twice at once: both create-or-update steps race for the same email.
				const answers = await Promise.all([post(signup), post(signup)]);
				for (const answer of answers) assert.equal(answer.status, 200, answer.text);
				const contacts = sb.workspace.contacts.all().filter((c) => c.email === 'riley.chen@example.com');
				assert.equal(contacts.length, 1, 'one contact for the two signups');
				const [contact] = contacts;
				for (const answer of answers) assert.equal(JSON.parse(answer.text).id, contact.id, 'each answer is the enriched contact');
				assert.equal(contact.role, 'user');
				assert.equal(contact.name, 'Riley Chen');
				assert.deepEqual({ plan: contact.custom_attributes.plan, seats: contact.custom_attributes.seats }, { plan: 'pro', seats: 12 });
				const companies = sb.workspace.companies.all().filter((c) => c.company_id === 'acme-42');
				assert.equal(companies.length, 1, 'one company for the two signups');
				assert.equal(companies[0].name, 'Acme Inc');
				assert.equal(companies[0].plan, 'pro');
				assert.deepEqual([...contact.companyIds], [companies[0].id], 'the contact is attached to its company');
				const trial = [...sb.workspace.tags.values()].filter((t) => t.name === 'trial');
				assert.equal(trial.length, 1, 'one tag named trial');
				assert.deepEqual(contact.tags.map((t) => t.tagId), [trial[0].id], 'the contact carries the tag');

				// A signup without a company: created and tagged, no company.
				const solo = await post({ email: 'sam.lee@example.com', name: 'Sam Lee' });
				assert.equal(solo.status, 200, solo.text);
				const [sam, ...others] = sb.workspace.contacts.all().filter((c) => c.email === 'sam.lee@example.com');
				assert.equal(others.length, 0);
				assert.equal(sam.custom_attributes.plan, 'free');
				assert.deepEqual([...sam.companyIds], []);
				const signedUp = [...sb.workspace.tags.values()].find((t) => t.name === 'signed-up');
				assert.deepEqual(sam.tags.map((t) => t.tagId), [signedUp?.id]);
				// Create or Update creates first: the second signup's create meets Intercom's 409 ("a contact
				// matching those details already exists with id=…") and updates that contact instead.
				const requests = apiRequests(sb, mark);
				const conflicts = requests.filter((r) => r.status === 409);
				assert.deepEqual(conflicts.map((r) => `${r.method} ${r.path}`), ['POST /contacts'], describeRequests(requests));
				assert.deepEqual(requestProblems(requests.filter((r) => r.status !== 409)), [], describeRequests(requests));
				assert.ok(conflicts[0].verdict.conformant, 'the conflicting create was conformant');
			});
		});

		it('Daily support figures: one row per day and team, equal to the sandbox', { timeout: 5 * MINUTE }, async (t) => {
			if (!dataTables) {
				t.skip('n8n 1.x: the Data Table node has no "By Name" table nor table creation');
				return;
			}
			await withN8nLog(n8n, 'daily figures', async () => {
				const run = await runInEditor(n8n, USE_CASE_IDS.supportAnalytics, MANUAL_TRIGGER);
				assert.equal(run.status, 'success', JSON.stringify(run.data.resultData.error ?? {}));
				const { from, to } = nodeOutput(run.data, 'Report Window')[0] as { from: number; to: number };
				const rows = (await dataTableRows(n8n, 'intercom_support_daily')) ?? [];
				const actual = rows
					.map((r) => ({
						day: r.day,
						team_id: r.team_id,
						opened: r.opened,
						closed: r.closed,
						replied: r.replied,
						median_first_response_seconds: r.median_first_response_seconds ?? null,
					}))
					.sort((a, b) => String(a.day).localeCompare(String(b.day)) || String(a.team_id).localeCompare(String(b.team_id)));
				const expected = expectedFigures(sb, from, to);
				const today = new Date().toISOString().slice(0, 10);
				const openedToday = expected.filter((r) => r.day === today).reduce((sum, r) => sum + r.opened, 0);
				assert.ok(openedToday >= newConversations.length, `today counts the ${newConversations.length} conversations of the test (${openedToday})`);
				assert.deepEqual(actual, expected);
				// A second run recomputes the same days: still one row per day and team.
				assert.equal((await runInEditor(n8n, USE_CASE_IDS.supportAnalytics, MANUAL_TRIGGER)).status, 'success');
				assert.equal(((await dataTableRows(n8n, 'intercom_support_daily')) ?? []).length, expected.length);
			});
		});

		/** Routing, bridge and files caught up; on timeout, says which did not and what n8n asked the sandbox. */
		async function waitForLive(when: string, conversations: string[]): Promise<void> {
			const pending = (): string[] => [
				...conversations.filter((id) => !routed(sb, [id])).map((id) => `conversation ${id} not routed`),
				...(chat.messages.length < customerReplies.length ? [`chat has ${chat.messages.length} of ${customerReplies.length} customer replies`] : []),
				...publishedArticles(sb).map((a) => fileDiffers(exportFolder, a)).filter((d): d is string => d !== undefined),
			];
			const mark = lastSeq(sb);
			try {
				await waitFor(`routing, bridge and files ${when}`, () => pending().length === 0, { timeoutMs: 4 * MINUTE, intervalMs: 3_000 });
			} catch (error) {
				const asked = apiRequests(sb, mark).map((r) => `${r.method} ${r.path} ${r.status}`);
				throw new Error(`${(error as Error).message}\n${pending().join('\n')}\nrequests since (${asked.length}):\n${asked.slice(-40).join('\n')}`);
			}
		}

		async function postChatReply(body: Record<string, unknown>): Promise<{ status: number; text: string }> {
			const res = await fetch(`${n8n.apiUrl}/webhook/${CHAT_REPLY_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: res.status, text: await res.text() };
		}

		/** What differs between the PostgreSQL tables and the sandbox (empty when in sync). */
		async function pgMismatches(): Promise<string[]> {
			const contacts = await pg.query<{ intercom_id: string; updated_at: string; email: string }>('SELECT intercom_id, updated_at, email FROM intercom_contacts');
			const conversations = await pg.query<{ intercom_id: string; updated_at: string; state: string; part_count: number; team_assignee_id: string }>(
				'SELECT intercom_id, updated_at, state, part_count, team_assignee_id FROM intercom_conversations',
			);
			const parts = await pg.query<{ intercom_id: string; conversation_id: string }>('SELECT intercom_id, conversation_id FROM intercom_conversation_parts');
			return compareTables(sb, activatedAt, contacts, conversations, parts);
		}

		async function dataTableMismatches(): Promise<string[]> {
			const contacts = (await dataTableRows(n8n, 'intercom_contacts')) ?? [];
			const conversations = (await dataTableRows(n8n, 'intercom_conversations')) ?? [];
			const parts = (await dataTableRows(n8n, 'intercom_conversation_parts')) ?? [];
			return compareTables(sb, activatedAt, contacts as never, conversations as never, parts as never);
		}
	});
}
