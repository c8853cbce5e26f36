/**
 * Every contact operation end to end against the local Intercom sandbox: the node's requests
 * must all conform to the spec of the version under test, and the sandbox's state must show each operation's effect.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { createNote } from '../../sandbox/store/contact-ops';
import { credentialsFor, runNode } from '../helpers/n8n';
import { locator } from '../helpers/fake-intercom';
import { TEST_API_VERSION } from '../helpers/api-version';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 160, companies: 3, conversations: 0, articles: 0 } });
});
afterAll(async () => await sb?.close());

async function run(parameters: INodeParameters) {
	const result = await runNode({ parameters: { resource: 'contact', ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });
	return { ...result, json: result.items.map((i) => i.json) };
}

/** Runs and expects success. */
async function ok(parameters: INodeParameters) {
	const result = await run(parameters);
	expect(result.error).toBeUndefined();
	return result.json;
}

describe('contact operations against the sandbox', () => {
	let userId = '';
	const hostileExternalId = 'crm/42?x=1#top';

	it('creates, reads, updates and lists contacts', async () => {
		const [user] = await ok({
			operation: 'create',
			email: 'ada@example.com',
			additionalFields: {
				externalId: hostileExternalId,
				name: 'Ada Lovelace',
				signedUpAt: '2024-12-10T09:30:00Z',
				customAttributes: { attribute: [{ name: 'plan', value: 'pro' }] },
				customAttributesJson: '{"seats": 5}',
			},
		});
		userId = String(user.id);
		expect(user).toMatchObject({ role: 'user', email: 'ada@example.com', signed_up_at: 1733823000, custom_attributes: { plan: 'pro', seats: 5 } });

		expect((await ok({ operation: 'get', contactId: locator(userId) }))[0].id).toBe(userId);
		expect((await ok({ operation: 'getByExternalId', externalId: hostileExternalId }))[0].id).toBe(userId);

		const [updated] = await ok({ operation: 'update', contactId: locator(userId), updateFields: { name: 'Ada King', lastSeenAt: 1735689600 } });
		expect(updated).toMatchObject({ name: 'Ada King', last_seen_at: 1735689600 });

		const limited = await ok({ operation: 'getMany', returnAll: false, limit: 20 });
		expect(limited).toHaveLength(20);
		const all = await ok({ operation: 'getMany', returnAll: true });
		expect(all).toHaveLength(sb.workspace.contacts.size);
		expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
	});

	it('merges a lead into the user', async () => {
		const [lead] = await ok({ operation: 'create', additionalFields: { role: 'lead', name: 'Visitor' } });
		const [merged] = await ok({ operation: 'merge', fromContactId: locator(String(lead.id)), intoContactId: locator(userId) });
		expect(merged.id).toBe(userId);
		expect(sb.workspace.contact(String(lead.id))).toBeUndefined();
	});

	it('adds, lists and removes a tag', async () => {
		const tagId = [...sb.workspace.tags.keys()][0];
		await ok({ operation: 'addTag', contactId: locator(userId), tagId });
		expect((await ok({ operation: 'listTags', contactId: locator(userId), returnAll: true })).map((t) => t.id)).toContain(tagId);
		await ok({ operation: 'removeTag', contactId: locator(userId), tagId });
		expect((await ok({ operation: 'listTags', contactId: locator(userId), returnAll: true })).map((t) => t.id)).not.toContain(tagId);
	});

	it('adds and lists notes', async () => {
		const adminId = [...sb.workspace.admins.keys()][0];
		const [note] = await ok({ operation: 'addNote', contactId: locator(userId), note: '<p>Wants a demo</p>', additionalFields: { adminId } });
		await ok({ operation: 'addNote', contactId: locator(userId), note: 'Second note' });
		const notes = await ok({ operation: 'listNotes', contactId: locator(userId), returnAll: true });
		expect(notes.map((n) => n.id)).toContain(note.id);
		expect(notes).toHaveLength(2);
	});

	it('walks every page of a long notes list', async () => {
		const contactId = sb.workspace.contacts.at(5)!.id;
		const adminId = [...sb.workspace.admins.keys()][0];
		const before = sb.workspace.contact(contactId)!.noteIds.length;
		for (let i = 0; i < 155; i++) createNote(sb.workspace, contactId, `note ${i}`, adminId);
		const start = sb.log.requests().length;
		const notes = await ok({ operation: 'listNotes', contactId: locator(contactId), returnAll: true });
		expect(notes).toHaveLength(before + 155);
		expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
		expect(sb.log.requests().slice(start).map((r) => r.query)).toEqual([{ per_page: '150' }, { per_page: '150', page: '2' }]);
	});

	it('attaches, lists and detaches a company', async () => {
		const company = sb.workspace.companies.at(0)!;
		await ok({ operation: 'attachCompany', contactId: locator(userId), companyId: company.id });
		expect((await ok({ operation: 'listCompanies', contactId: locator(userId), returnAll: true })).map((c) => c.id)).toEqual([company.id]);
		expect((await ok({ operation: 'getManyByCompany', companyId: company.id, returnAll: true })).map((c) => c.id)).toContain(userId);
		await ok({ operation: 'detachCompany', contactId: locator(userId), companyId: company.id });
		expect(await ok({ operation: 'listCompanies', contactId: locator(userId), returnAll: true })).toEqual([]);
	});

	it('lists segments and manages subscriptions', async () => {
		await ok({ operation: 'listSegments', contactId: locator(userId), returnAll: true });
		const subscriptionTypeId = [...sb.workspace.subscriptionTypes.keys()][0];
		await ok({ operation: 'attachSubscription', contactId: locator(userId), subscriptionTypeId, consentType: 'opt_out' });
		expect((await ok({ operation: 'listSubscriptions', contactId: locator(userId), returnAll: true })).map((s) => s.id)).toEqual([subscriptionTypeId]);
		await ok({ operation: 'detachSubscription', contactId: locator(userId), subscriptionTypeId });
		expect(await ok({ operation: 'listSubscriptions', contactId: locator(userId), returnAll: true })).toEqual([]);
	});

	it('archives, unarchives, blocks and deletes', async () => {
		expect((await ok({ operation: 'archive', contactId: locator(userId) }))[0]).toMatchObject({ id: userId, archived: true });
		expect((await ok({ operation: 'unarchive', contactId: locator(userId) }))[0]).toMatchObject({ id: userId, archived: false });
		expect((await ok({ operation: 'block', contactId: locator(userId) }))[0]).toMatchObject({ id: userId, blocked: true });
		expect((await ok({ operation: 'delete', contactId: locator(userId) }))[0]).toMatchObject({ id: userId, deleted: true });
		const gone = await run({ operation: 'get', contactId: locator(userId) });
		expect(gone.error?.message).toBe('Contact was not found in Intercom');
	});

	it('reached every Contacts operation of the spec but search, with conforming requests only', () => {
		const requests = sb.log.requests();
		expect(new Set(requests.map((r) => r.operation))).toEqual(
			new Set([
				'POST /contacts',
				'GET /contacts',
				'GET /contacts/{contact_id}',
				'PUT /contacts/{contact_id}',
				'DELETE /contacts/{contact_id}',
				'GET /contacts/find_by_external_id/{external_id}',
				'POST /contacts/merge',
				'POST /contacts/{contact_id}/archive',
				'POST /contacts/{contact_id}/unarchive',
				'POST /contacts/{contact_id}/block',
				'GET /contacts/{contact_id}/tags',
				'POST /contacts/{contact_id}/tags',
				'DELETE /contacts/{contact_id}/tags/{tag_id}',
				'GET /contacts/{contact_id}/notes',
				'POST /contacts/{contact_id}/notes',
				'GET /contacts/{contact_id}/companies',
				'POST /contacts/{contact_id}/companies',
				'DELETE /contacts/{contact_id}/companies/{company_id}',
				'GET /companies/{company_id}/contacts',
				'GET /contacts/{contact_id}/segments',
				'GET /contacts/{contact_id}/subscriptions',
				'POST /contacts/{contact_id}/subscriptions',
				'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}',
			]),
		);
		expect(requests.every((r) => r.intercomVersion === TEST_API_VERSION)).toBe(true);
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
