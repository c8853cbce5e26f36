import nock from 'nock';

import { call, COMPANY_ID, CONTACT_ID, contact, fakeIntercom, locator, OTHER_CONTACT_ID, runContact } from '../helpers/fake-intercom';

afterEach(() => nock.cleanAll());

describe('contact merge', () => {
	it('merges a lead into a user, with IDs from a URL and from the list', async () => {
		const merged = contact(OTHER_CONTACT_ID);
		const api = fakeIntercom().on('POST', '/contacts/merge', merged);
		const result = await runContact({
			operation: 'merge',
			fromContactId: locator(`https://app.intercom.com/a/apps/abc123/leads/${CONTACT_ID}`, 'url'),
			intoContactId: locator(OTHER_CONTACT_ID, 'list'),
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('POST', '/contacts/merge', { body: { from: CONTACT_ID, into: OTHER_CONTACT_ID } })]);
		expect(result.items).toEqual([{ json: merged, pairedItem: { item: 0 } }]);
	});

	it.each([
		['the same contact twice', CONTACT_ID, CONTACT_ID, 'Parameter "Merge Into User": a contact cannot be merged into itself'],
		['an invalid lead ID', 'a b', CONTACT_ID, 'Parameter "Lead to Merge": "a b" is not a valid ID'],
		['a missing user ID', CONTACT_ID, '', 'Parameter "Merge Into User": a value is required'],
	])('refuses %s before sending anything', async (_label, from, into, message) => {
		const api = fakeIntercom();
		const result = await runContact({
			operation: 'merge',
			fromContactId: locator(`={{ ${JSON.stringify(from)} }}`),
			intoContactId: locator(`={{ ${JSON.stringify(into)} }}`),
		});
		expect(result.error?.message).toBe(message);
		expect(api.calls).toEqual([]);
	});
});

describe('contact tags', () => {
	const tag = { type: 'tag', id: '80', name: 'VIP' };

	it('adds a tag', async () => {
		const api = fakeIntercom().on('POST', `/contacts/${CONTACT_ID}/tags`, tag);
		const result = await runContact({ operation: 'addTag', contactId: locator(CONTACT_ID), tagId: '80' });
		expect(api.calls).toEqual([call('POST', `/contacts/${CONTACT_ID}/tags`, { body: { id: '80' } })]);
		expect(result.items).toEqual([{ json: tag, pairedItem: { item: 0 } }]);
	});

	it('removes a tag', async () => {
		const api = fakeIntercom().on('DELETE', `/contacts/${CONTACT_ID}/tags/80`, tag);
		const result = await runContact({ operation: 'removeTag', contactId: locator(CONTACT_ID), tagId: '80' });
		expect(api.calls).toEqual([call('DELETE', `/contacts/${CONTACT_ID}/tags/80`)]);
		expect(result.items).toEqual([{ json: tag, pairedItem: { item: 0 } }]);
	});

	it.each(['addTag', 'removeTag'])('%s refuses a tag name where an ID belongs, before sending anything', async (operation) => {
		const api = fakeIntercom();
		const result = await runContact({ operation, contactId: locator(CONTACT_ID), tagId: 'VIP' });
		expect(result.error?.message).toBe('Parameter "Tag Name or ID": "VIP" is not a valid ID');
		expect(api.calls).toEqual([]);
	});

	it('maps a 404 to a clear error', async () => {
		fakeIntercom().on('DELETE', `/contacts/${CONTACT_ID}/tags/80`, { type: 'error.list', errors: [{ code: 'not_found', message: 'Tag not found' }] }, { status: 404 });
		const result = await runContact({ operation: 'removeTag', contactId: locator(CONTACT_ID), tagId: '80' });
		expect(result.error?.message).toBe('Contact or tag was not found in Intercom');
	});
});

describe('contact notes', () => {
	const note = { type: 'note', id: '26', body: '<p>Called, wants a demo</p>' };

	it('adds a note, with and without an author', async () => {
		const api = fakeIntercom().on('POST', `/contacts/${CONTACT_ID}/notes`, note).on('POST', `/contacts/${CONTACT_ID}/notes`, note);
		const plain = await runContact({ operation: 'addNote', contactId: locator(CONTACT_ID), note: ' <p>Called, wants a demo</p> ' });
		await runContact({
			operation: 'addNote',
			contactId: locator(CONTACT_ID),
			note: '<p>Called, wants a demo</p>',
			additionalFields: { adminId: '991267708' },
		});
		expect(api.calls).toEqual([
			call('POST', `/contacts/${CONTACT_ID}/notes`, { body: { body: '<p>Called, wants a demo</p>' } }),
			call('POST', `/contacts/${CONTACT_ID}/notes`, { body: { body: '<p>Called, wants a demo</p>', admin_id: '991267708' } }),
		]);
		expect(plain.items).toEqual([{ json: note, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty note before sending anything', async () => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'addNote', contactId: locator(CONTACT_ID), note: '={{ "  " }}' });
		expect(result.error?.message).toBe('Parameter "Note": a value is required');
		expect(api.calls).toEqual([]);
	});
});

describe('contact companies', () => {
	const company = { type: 'company', id: COMPANY_ID, company_id: 'acme-1', name: 'Acme' };

	it('attaches a company', async () => {
		const api = fakeIntercom().on('POST', `/contacts/${CONTACT_ID}/companies`, company);
		const result = await runContact({ operation: 'attachCompany', contactId: locator(CONTACT_ID), companyId: COMPANY_ID });
		expect(api.calls).toEqual([call('POST', `/contacts/${CONTACT_ID}/companies`, { body: { id: COMPANY_ID } })]);
		expect(result.items).toEqual([{ json: company, pairedItem: { item: 0 } }]);
	});

	it('detaches a company', async () => {
		const api = fakeIntercom().on('DELETE', `/contacts/${CONTACT_ID}/companies/${COMPANY_ID}`, company);
		const result = await runContact({ operation: 'detachCompany', contactId: locator(CONTACT_ID), companyId: COMPANY_ID });
		expect(api.calls).toEqual([call('DELETE', `/contacts/${CONTACT_ID}/companies/${COMPANY_ID}`)]);
		expect(result.items).toEqual([{ json: company, pairedItem: { item: 0 } }]);
	});

	it.each(['attachCompany', 'detachCompany'])('%s refuses an invalid company ID before sending anything', async (operation) => {
		const api = fakeIntercom();
		const result = await runContact({ operation, contactId: locator(CONTACT_ID), companyId: 'acme/1' });
		expect(result.error?.message).toBe('Parameter "Company Name or ID": "acme/1" is not a valid ID');
		expect(api.calls).toEqual([]);
	});
});

describe('contact subscriptions', () => {
	const subscription = { type: 'subscription', id: '93', state: 'live', consent_type: 'opt_in' };

	it.each(['opt_in', 'opt_out'])('attaches a subscription type with consent %s', async (consentType) => {
		const api = fakeIntercom().on('POST', `/contacts/${CONTACT_ID}/subscriptions`, subscription);
		const result = await runContact({ operation: 'attachSubscription', contactId: locator(CONTACT_ID), subscriptionTypeId: '93', consentType });
		expect(api.calls).toEqual([call('POST', `/contacts/${CONTACT_ID}/subscriptions`, { body: { id: '93', consent_type: consentType } })]);
		expect(result.items).toEqual([{ json: subscription, pairedItem: { item: 0 } }]);
	});

	it('detaches a subscription type', async () => {
		const api = fakeIntercom().on('DELETE', `/contacts/${CONTACT_ID}/subscriptions/93`, subscription);
		const result = await runContact({ operation: 'detachSubscription', contactId: locator(CONTACT_ID), subscriptionTypeId: '93' });
		expect(api.calls).toEqual([call('DELETE', `/contacts/${CONTACT_ID}/subscriptions/93`)]);
		expect(result.items).toEqual([{ json: subscription, pairedItem: { item: 0 } }]);
	});

	it.each(['attachSubscription', 'detachSubscription'])('%s refuses a missing subscription type before sending anything', async (operation) => {
		const api = fakeIntercom();
		const result = await runContact({ operation, contactId: locator(CONTACT_ID), subscriptionTypeId: '={{ "" }}' });
		expect(result.error?.message).toBe('Parameter "Subscription Type Name or ID": a value is required');
		expect(api.calls).toEqual([]);
	});
});
