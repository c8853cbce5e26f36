/**
 * Every company operation end to end against the local Intercom sandbox: each request must conform
 * to the 2.14 spec, and the sandbox's state must show each operation's effect.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { attachCompany } from '../../sandbox/store/contact-ops';
import { credentialsFor, runNode } from '../helpers/n8n';
import { locator } from '../helpers/fake-intercom';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 40, companies: 12, conversations: 0, articles: 0 } });
});
afterAll(async () => await sb?.close());

async function run(parameters: INodeParameters) {
	const result = await runNode({ parameters: { resource: 'company', ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });
	return { ...result, json: result.items.map((i) => i.json) };
}

async function ok(parameters: INodeParameters) {
	const result = await run(parameters);
	expect(result.error).toBeUndefined();
	return result.json;
}

describe('company operations against the sandbox', () => {
	let id = '';

	it('creates a company, then updates the same one by its Company ID', async () => {
		const [created] = await ok({
			operation: 'createOrUpdate',
			companyIdentifier: 'acme-42',
			additionalFields: {
				name: 'Acme',
				plan: 'pro',
				size: 120,
				monthlySpend: 990,
				remoteCreatedAt: '2024-03-01T00:00:00Z',
				customAttributes: { attribute: [{ name: 'tier', value: 'gold' }] },
				customAttributesJson: '{"region": "emea"}',
			},
		});
		id = String(created.id);
		expect(created).toMatchObject({
			type: 'company',
			company_id: 'acme-42',
			name: 'Acme',
			size: 120,
			monthly_spend: 990,
			remote_created_at: 1709251200,
			plan: { name: 'pro' },
			custom_attributes: { tier: 'gold', region: 'emea' },
		});
		const before = sb.workspace.companies.size;
		const [again] = await ok({ operation: 'createOrUpdate', companyIdentifier: ' acme-42 ', additionalFields: { industry: 'Rockets' } });
		expect(again).toMatchObject({ id, name: 'Acme', industry: 'Rockets' });
		expect(sb.workspace.companies.size).toBe(before);
	});

	it('gets it by ID and by app URL, and finds it by Company ID and by name', async () => {
		expect((await ok({ operation: 'get', companyId: locator(id) }))[0].id).toBe(id);
		const url = `https://app.intercom.com/a/apps/${sb.workspace.idCode}/companies/${id}/users`;
		expect((await ok({ operation: 'get', companyId: locator(url, 'url') }))[0].id).toBe(id);
		expect((await ok({ operation: 'find', findBy: 'companyId', companyIdentifier: 'acme-42', returnAll: true })).map((c) => c.id)).toEqual([id]);
		expect((await ok({ operation: 'find', findBy: 'name', companyName: 'Acme', returnAll: true })).map((c) => c.id)).toEqual([id]);
	});

	it('finds the companies with a tag and in a segment', async () => {
		const tagged = sb.workspace.companies.all().filter((c) => c.tagIds.length > 0);
		const tagId = tagged.length > 0 ? tagged[0].tagIds[0] : [...sb.workspace.tags.keys()][0];
		if (tagged.length === 0) sb.workspace.companies.all()[0].tagIds = [tagId];
		const withTag = sb.workspace.companies.all().filter((c) => c.tagIds.includes(tagId));
		const found = await ok({ operation: 'find', findBy: 'tag', tagId, returnAll: true });
		expect(found.map((c) => c.id).sort()).toEqual(withTag.map((c) => c.id).sort());

		const contact = sb.workspace.contacts.all().find((c) => c.role === 'user')!;
		attachCompany(sb.workspace, contact.id, id);
		const segment = [...sb.workspace.segments.values()].find((s) => s.matches(contact))!;
		const inSegment = await ok({ operation: 'find', findBy: 'segment', segmentId: segment.id, returnAll: true });
		expect(inSegment.map((c) => c.id)).toContain(id);
		const segments = await ok({ operation: 'listSegments', companyId: locator(id), returnAll: true });
		expect(segments.map((s) => s.id)).toContain(segment.id);
		const contacts = await ok({ operation: 'listContacts', companyId: locator(id), returnAll: true });
		expect(contacts.map((c) => c.id)).toEqual([contact.id]);
	});

	it('updates fields and custom attributes, and leaves the rest', async () => {
		const [updated] = await ok({
			operation: 'update',
			companyId: locator(id),
			updateFields: { website: 'https://acme.example', customAttributesJson: '{"tier": "platinum"}' },
		});
		expect(updated).toMatchObject({ id, website: 'https://acme.example', name: 'Acme', custom_attributes: { tier: 'platinum', region: 'emea' } });
	});

	it('lists companies with contacts, most recently active first, up to a limit', async () => {
		const withContacts = sb.workspace.companies.all().filter((c) => c.contactIds.size > 0);
		const expected = [...withContacts].sort((a, b) => b.last_request_at - a.last_request_at).slice(0, 3).map((c) => c.id);
		expect((await ok({ operation: 'getMany', returnAll: false, limit: 3 })).map((c) => c.id)).toEqual(expected);
		const ascending = await ok({ operation: 'getMany', returnAll: false, limit: 100, order: 'asc' });
		expect(ascending).toHaveLength(withContacts.length);
		expect(ascending.map((c) => Number(c.last_request_at))).toEqual(ascending.map((c) => Number(c.last_request_at)).sort((a, b) => a - b));
	});

	it('deletes the company and detaches its contacts', async () => {
		expect(await ok({ operation: 'delete', companyId: locator(id) })).toEqual([{ id, object: 'company', deleted: true }]);
		expect(sb.workspace.companies.get(id)).toBeUndefined();
		expect(sb.workspace.contacts.all().some((c) => c.companyIds.includes(id))).toBe(false);
		const gone = await run({ operation: 'get', companyId: locator(id) });
		expect(gone.error?.message).toBe('Company was not found in Intercom');
	});

	it('sent only conformant requests', () => {
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
