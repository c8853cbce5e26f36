/**
 * Contact → Create or Update against the sandbox, with Intercom's search indexing delay on: a
 * contact created moments ago is not yet found by search, so the node relies on the 409 that
 * names it. Two items for one email in one execution, and two executions at once, leave exactly
 * one contact. The sandbox clock is frozen, so "moments ago" stays moments ago.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';
import { BASE_URL, call, CONTACT_ID, contact, fakeIntercom, TOKEN } from '../helpers/fake-intercom';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, searchDelaySeconds: 30, seed: { contacts: 30, companies: 0, conversations: 0, articles: 0 } });
	sb.clock.freezeAt(1767225600);
});
afterAll(async () => await sb?.close());
beforeEach(() => sb.log.clear());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

function upsert(parameters: INodeParameters, items: IDataObject[] = [{}]) {
	return runNode({
		parameters: { resource: 'contact', operation: 'createOrUpdate', ...parameters },
		credentials: credentialsFor(sb.baseUrl, sb.token),
		items,
	});
}

const withEmail = (email: string) => sb.workspace.contacts.all().filter((c) => c.email.toLowerCase() === email.toLowerCase());
const calls = () => sb.log.requests().map((r) => `${r.method} ${r.operation} ${r.status}`);

describe('contact Create or Update by email', () => {
	it('creates a contact that does not exist, then updates it through the 409 that names it', async () => {
		const created = await upsert({ email: 'grace@example.com', additionalFields: { name: 'Grace' } });
		expect(created.error).toBeUndefined();
		expect(withEmail('grace@example.com')).toHaveLength(1);
		const id = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ email: 'grace@example.com', name: 'Grace', role: 'user' });

		sb.clock.advanceSeconds(31);
		sb.log.clear();
		const updated = await upsert({ email: ' grace@example.com ', additionalFields: { phone: '+44 20 7946 0000' } });
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id, name: 'Grace', phone: '+44 20 7946 0000' });
		expect(calls()).toEqual(['POST POST /contacts 409', 'PUT PUT /contacts/{contact_id} 200']);
		expect(withEmail('grace@example.com')).toHaveLength(1);
	});

	it('two items for the same email in one execution leave one contact', async () => {
		const email = 'same-run@example.com';
		const result = await upsert({ email: '={{ $json.email }}', additionalFields: { name: '={{ $json.name }}' } }, [
			{ email, name: 'First' },
			{ email, name: 'Second' },
		]);
		expect(result.error).toBeUndefined();
		expect(withEmail(email)).toHaveLength(1);
		const [only] = withEmail(email);
		expect(result.items.map((i) => i.json.id)).toEqual([only.id, only.id]);
		expect(only.name).toBe('Second');
	});

	it('two executions at once leave one contact: the one that loses the race updates through the 409', async () => {
		const email = 'race@example.com';
		const [a, b] = await Promise.all([
			upsert({ email, additionalFields: { name: 'From A' } }),
			upsert({ email, additionalFields: { externalId: 'crm-7' } }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(withEmail(email)).toHaveLength(1);
		const [only] = withEmail(email);
		expect([a.items[0].json.id, b.items[0].json.id]).toEqual([only.id, only.id]);
		expect(only).toMatchObject({ name: 'From A', external_id: 'crm-7' });
		// Both created; Intercom refused the second POST with 409, which became a PUT of the first's contact.
		expect(calls().filter((c) => c.startsWith('POST POST /contacts '))).toEqual(['POST POST /contacts 200', 'POST POST /contacts 409']);
		expect(calls()).toContain('PUT PUT /contacts/{contact_id} 200');
	});
});

describe('contact Create or Update by external ID', () => {
	it('creates, then updates the contact with that external ID (no indexing delay for exact lookups)', async () => {
		const created = await upsert({ identifyBy: 'externalId', externalId: 'user/42', additionalFields: { email: 'ext@example.com' } });
		expect(created.error).toBeUndefined();
		const updated = await upsert({ identifyBy: 'externalId', externalId: 'user/42', additionalFields: { name: 'Ext' } });
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id: created.items[0].json.id, external_id: 'user/42', email: 'ext@example.com', name: 'Ext' });
		expect(sb.workspace.contacts.all().filter((c) => c.external_id === 'user/42')).toHaveLength(1);
	});
});

describe('the "create or update a contact from a webhook" example', () => {
	const example = JSON.parse(readFileSync(join(__dirname, '../../examples/workflows/upsert-contact-from-webhook.json'), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
	};
	const step = example.nodes.find((n) => n.name === 'Create or Update Contact')!;

	it('is one Create or Update step whose parameters create, then update, one contact', async () => {
		expect(example.nodes.filter((n) => n.type === 'n8n-nodes-intercom.intercom').map((n) => n.parameters.operation)).toEqual(['createOrUpdate']);
		const run = (plan: string) =>
			runNode({ parameters: step.parameters, credentials: credentialsFor(sb.baseUrl, sb.token), items: [{ email: 'jordan@example.com', name: 'Jordan', plan }] });
		expect((await run('pro')).error).toBeUndefined();
		expect((await run('enterprise')).error).toBeUndefined();
		const [only, ...others] = withEmail('jordan@example.com');
		expect(others).toEqual([]);
		expect(only).toMatchObject({ role: 'user', name: 'Jordan', custom_attributes: { plan: 'enterprise' } });
	});
});

describe('contact Create or Update when a 409 names no contact', () => {
	afterEach(() => nock.cleanAll());
	const conflict = { type: 'error.list', errors: [{ code: 'conflict', message: 'A contact matching those details already exists' }] };

	it('finds the contact by email and updates it', async () => {
		const found = contact(CONTACT_ID, { email: 'sam@example.com' });
		const api = fakeIntercom()
			.on('POST', '/contacts', conflict, { status: 409 })
			.on('POST', '/contacts/search', { type: 'list', data: [found], total_count: 1 })
			.on('PUT', `/contacts/${CONTACT_ID}`, { ...found, name: 'Sam' });
		const result = await runNode({
			parameters: { resource: 'contact', operation: 'createOrUpdate', email: 'sam@example.com', additionalFields: { name: 'Sam' } },
			credentials: credentialsFor(BASE_URL, TOKEN),
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('POST', '/contacts', { body: { email: 'sam@example.com', name: 'Sam' } }),
			call('POST', '/contacts/search', { body: { query: { field: 'email', operator: '=', value: 'sam@example.com' }, pagination: { per_page: 10 } } }),
			call('PUT', `/contacts/${CONTACT_ID}`, { body: { email: 'sam@example.com', name: 'Sam' } }),
		]);
		expect(result.items.map((i) => i.json)).toEqual([{ ...found, name: 'Sam' }]);
	});

	it('reports the conflict when no contact can be found', async () => {
		const api = fakeIntercom()
			.on('POST', '/contacts', conflict, { status: 409 })
			.on('GET', '/contacts/find_by_external_id/crm-1', { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] }, { status: 404 });
		const result = await runNode({
			parameters: { resource: 'contact', operation: 'createOrUpdate', identifyBy: 'externalId', externalId: 'crm-1' },
			credentials: credentialsFor(BASE_URL, TOKEN),
		});
		expect(result.error?.message).toBe('A contact matching those details already exists');
		expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /contacts', 'GET /contacts/find_by_external_id/crm-1']);
	});
});

describe('contact Create or Update refuses bad input before sending', () => {
	afterEach(() => nock.cleanAll());
	it.each([
		['a blank email', { email: '  ' }, 'Parameter "Email": a value is required'],
		['a blank external ID', { identifyBy: 'externalId', externalId: '={{ "" }}' }, 'Parameter "External ID": a value is required'],
		[
			'a different email under Additional Fields',
			{ email: 'a@example.com', additionalFields: { email: 'b@example.com' } },
			'Parameter "Email": differs from the Email under Additional Fields',
		],
	])('%s', async (_label, parameters, message) => {
		const api = fakeIntercom();
		const result = await runNode({
			parameters: { resource: 'contact', operation: 'createOrUpdate', ...parameters },
			credentials: credentialsFor(BASE_URL, TOKEN),
		});
		expect(result.error?.message).toBe(message);
		expect(api.calls).toEqual([]);
	});
});
