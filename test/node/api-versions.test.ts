/**
 * The API versions the credential offers (2.14, 2.15, 2.16): the sandbox checks each request
 * against the description of the version it names and answers in that version's shapes, the node
 * sends what each version takes and its output follows what each version returns. (The operation
 * suites run under each version too: jest.config.js.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { IntercomAccessTokenApi } from '../../credentials/IntercomAccessTokenApi.credentials';
import { IntercomOAuth2Api } from '../../credentials/IntercomOAuth2Api.credentials';
import { API_VERSIONS } from '../../nodes/shared/regions';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { report } from '../../scripts/spec-version-diff';
import { credentialsFor, runNode } from '../helpers/n8n';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 3, articles: 0, companies: 1 }, settings: { validateResponses: true } });
});
afterAll(async () => {
	await sb?.close();
});
afterEach(() => {
	expect(sb.log.nonConformant()).toEqual([]);
	sb.log.clear();
});

async function run(version: string, resource: string, parameters: IDataObject): Promise<{ json: IDataObject[]; error?: Error & { description?: string } }> {
	const result = await runNode({ parameters: { resource, ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token, { apiVersion: version }) });
	return { json: result.items.map((i) => i.json), error: result.error };
}

function call(version: string, method: string, path: string) {
	return fetch(`${sb.baseUrl}${path}`, { method, headers: { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': version, Accept: 'application/json' } });
}

describe('the credential', () => {
	it.each([
		['access token', new IntercomAccessTokenApi()],
		['OAuth2', new IntercomOAuth2Api()],
	])('offers API 2.14 (the default), 2.15 and 2.16 (%s)', (_name, credential) => {
		const property = credential.properties.find((p) => p.name === 'apiVersion');
		expect(property).toMatchObject({ type: 'options', default: '2.14' });
		expect((property?.options ?? []).map((o) => (o as { value: string }).value)).toEqual([...API_VERSIONS]);
	});
});

describe('the sandbox', () => {
	it('answers a version Intercom does not have as Intercom does, and serves the earlier ones by 2.14', async () => {
		const unknown = await call('2.17', 'GET', '/me');
		expect(unknown.status).toBe(400);
		expect(await unknown.json()).toMatchObject({ type: 'error.list', errors: [{ code: 'intercom_version_invalid' }] });
		expect((await call('2.10', 'GET', '/me')).status).toBe(200);
		sb.log.clear(); // the 2.17 request was rightly non-conformant
	});

	it('knows each version\'s operations: GET /conversations/attributes exists from 2.16 on', async () => {
		const listed = await call('2.16', 'GET', '/conversations/attributes');
		expect(listed.status).toBe(200);
		const body = (await listed.json()) as { data: IDataObject[] };
		expect(body.data.map((a) => a.name).sort()).toEqual(sb.workspace.dataAttributes.filter((a) => a.model === 'conversation').map((a) => a.name).sort());
		expect(sb.log.requests()[0].responseProblems ?? []).toEqual([]);
		// In 2.14 the path is a conversation's (GET /conversations/{conversation_id}), which does not exist.
		expect((await call('2.14', 'GET', '/conversations/attributes')).status).toBe(404);
		sb.log.clear(); // "attributes" is rightly a non-conformant conversation id
	});

	it('docs/api-versions-diff.md is what the descriptions say (npm run spec:diff)', () => {
		expect(readFileSync(join(__dirname, '../../docs/api-versions-diff.md'), 'utf8')).toBe(report());
	});
});

describe.each(API_VERSIONS)('under API %s', (version) => {
	const from = (floor: string) => API_VERSIONS.indexOf(version) >= API_VERSIONS.indexOf(floor as (typeof API_VERSIONS)[number]);

	it('a contact\'s owner is sent and returned as the version types it (a string from 2.16 on)', async () => {
		const contact = sb.workspace.contacts.all()[0];
		const admin = [...sb.workspace.admins.keys()][0];
		const { json, error } = await run(version, 'contact', { operation: 'update', contactId: byId(contact.id), updateFields: { ownerId: admin } });
		expect(error).toBeUndefined();
		const [sent] = sb.log.requests().filter((r) => r.method === 'PUT');
		expect((sent.body as IDataObject).owner_id).toBe(from('2.16') ? String(admin) : Number(admin));
		expect(json[0].owner_id).toBe(from('2.16') ? String(admin) : Number(admin));
		expect(sb.log.requests().flatMap((r) => r.responseProblems ?? []).filter((p) => p.includes('owner_id'))).toEqual([]);
	});

	it('a conversation carries its company from 2.15 on, and priority levels from 2.16 on', async () => {
		const conversation = sb.workspace.conversations.all()[0];
		const { json, error } = await run(version, 'conversation', { operation: 'get', conversationId: byId(conversation.id) });
		expect(error).toBeUndefined();
		expect('company' in json[0]).toBe(from('2.15'));
		expect(from('2.16') ? ['none', 'low', 'medium', 'high', 'urgent'] : ['priority', 'not_priority']).toContain(json[0].priority);
		const problems = sb.log.requests().flatMap((r) => r.responseProblems ?? []);
		expect(problems.filter((p) => /company|priority|assignee/.test(p))).toEqual([]);
	});

	it('a ticket\'s assignee ids are strings up to 2.15 and numbers from 2.16 on', async () => {
		const ticket = [...sb.workspace.tickets.values()][0] ?? undefined;
		if (!ticket) throw new Error('the seed has no ticket');
		const { json, error } = await run(version, 'ticket', { operation: 'get', ticketId: byId(ticket.id) });
		expect(error).toBeUndefined();
		expect(typeof json[0].admin_assignee_id).toBe(from('2.16') ? 'number' : 'string');
		expect(typeof json[0].team_assignee_id).toBe(from('2.16') ? 'number' : 'string');
	});

	it('lists conversation attributes where the version keeps them', async () => {
		const { json, error } = await run(version, 'dataAttribute', { operation: 'getMany', returnAll: true, options: { model: 'conversation' } });
		if (from('2.16')) {
			expect(error?.message).toBe('Parameter "Model": "conversation" is not taken by Intercom API 2.16');
			expect(sb.log.requests()).toEqual([]);
		} else {
			expect(error).toBeUndefined();
			expect(json.map((a) => a.name).sort()).toEqual(sb.workspace.dataAttributes.filter((a) => a.model === 'conversation').map((a) => a.name).sort());
		}
	});
});
