import nock from 'nock';

import { call, CONTACT_ID, contact, fakeIntercom, locator, runContact } from '../helpers/fake-intercom';

afterEach(() => nock.cleanAll());

const notFound = { type: 'error.list', request_id: 'req-404', errors: [{ code: 'not_found', message: 'User Not Found' }] };

describe('contact get', () => {
	it.each([
		['an ID', locator(CONTACT_ID)],
		['an Intercom URL', locator(`https://app.intercom.com/a/apps/abc123/users/${CONTACT_ID}/all-conversations`, 'url')],
		['an EU lead URL', locator(`https://app.eu.intercom.com/a/apps/abc123/leads/${CONTACT_ID}`, 'url')],
		['a pick from the list', locator(CONTACT_ID, 'list')],
	])('gets a contact by %s', async (_label, contactId) => {
		const api = fakeIntercom().on('GET', `/contacts/${CONTACT_ID}`, contact());
		const result = await runContact({ operation: 'get', contactId });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', `/contacts/${CONTACT_ID}`)]);
		expect(result.items).toEqual([{ json: contact(), pairedItem: { item: 0 } }]);
	});

	it.each([
		['a path', '../admins'],
		['spaces', 'not an id'],
		['a query string', 'abc?x=1'],
	])('refuses an ID with %s from an expression before sending anything', async (_label, value) => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'get', contactId: locator(`={{ ${JSON.stringify(value)} }}`) });
		expect(result.error?.message).toBe(`Parameter "Contact": "${value}" is not a valid ID`);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.calls).toEqual([]);
	});

	it('refuses an empty ID from an expression before sending anything', async () => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'get', contactId: locator('={{ "" }}') }, { items: [{}, {}] });
		expect(result.error?.message).toBe('Parameter "Contact": a value is required');
		expect(api.calls).toEqual([]);
	});

	it("lets n8n's own check refuse a typed-in invalid ID or URL before running", async () => {
		const api = fakeIntercom();
		await expect(runContact({ operation: 'get', contactId: locator('not an id') })).rejects.toThrow('Not a valid Contact ID');
		await expect(runContact({ operation: 'get', contactId: locator('https://example.com/users/1', 'url') })).rejects.toThrow(
			'Not an Intercom Contact URL',
		);
		expect(api.calls).toEqual([]);
	});

	it('maps a 404 to a clear error', async () => {
		const api = fakeIntercom().on('GET', `/contacts/${CONTACT_ID}`, notFound, { status: 404 });
		const result = await runContact({ operation: 'get', contactId: locator(CONTACT_ID) });
		expect(api.calls).toHaveLength(1);
		expect(result.error?.message).toBe('Contact was not found in Intercom');
		expect(result.error?.description).toContain('not_found: User Not Found');
		expect(result.error?.httpCode).toBe('404');
	});

	it('with Continue On Fail, turns only the bad item into an error and keeps pairing', async () => {
		const second = '6762f0d51bb69f9f2193bb99';
		const api = fakeIntercom()
			.on('GET', `/contacts/${CONTACT_ID}`, contact())
			.on('GET', `/contacts/${second}`, notFound, { status: 404 })
			.on('GET', '/contacts/6762f0d51bb69f9f2193bb11', contact('6762f0d51bb69f9f2193bb11'));
		const result = await runContact(
			{ operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: CONTACT_ID }, { id: 'bad id' }, { id: second }, { id: '6762f0d51bb69f9f2193bb11' }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(api.calls.map((c) => c.path)).toEqual([`/contacts/${CONTACT_ID}`, `/contacts/${second}`, '/contacts/6762f0d51bb69f9f2193bb11']);
		expect(result.items).toEqual([
			{ json: contact(), pairedItem: { item: 0 } },
			{ json: { error: 'Parameter "Contact": "bad id" is not a valid ID', description: 'A contact ID looks like 6762f0d51bb69f9f2193bb7f.' }, pairedItem: { item: 1 } },
			{ json: { error: 'Contact was not found in Intercom', description: expect.stringContaining('not_found: User Not Found') }, pairedItem: { item: 2 } },
			{ json: contact('6762f0d51bb69f9f2193bb11'), pairedItem: { item: 3 } },
		]);
	});

	it('without Continue On Fail, stops at the bad item and names it', async () => {
		const api = fakeIntercom().on('GET', `/contacts/${CONTACT_ID}`, contact());
		const result = await runContact(
			{ operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ id: CONTACT_ID }, { id: 'bad id' }] },
		);
		expect(result.error?.message).toBe('Parameter "Contact": "bad id" is not a valid ID');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(api.calls).toHaveLength(1);
	});
});

describe('contact get by external ID', () => {
	it('sends a hostile external ID as one escaped path segment', async () => {
		const api = fakeIntercom().on('GET', '/contacts/find_by_external_id/a%2Fb%3Fc%23d', contact(CONTACT_ID, { external_id: 'a/b?c#d' }));
		const result = await runContact({ operation: 'getByExternalId', externalId: 'a/b?c#d' });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/contacts/find_by_external_id/a%2Fb%3Fc%23d')]);
		expect(result.items).toEqual([{ json: contact(CONTACT_ID, { external_id: 'a/b?c#d' }), pairedItem: { item: 0 } }]);
	});

	it('refuses a blank external ID and a dot-segment before sending anything', async () => {
		const api = fakeIntercom();
		const blank = await runContact({ operation: 'getByExternalId', externalId: '  ' });
		expect(blank.error?.message).toBe('Parameter "External ID": a value is required');
		const dots = await runContact({ operation: 'getByExternalId', externalId: '..' });
		expect(dots.error?.message).toBe('The parameter "External ID" is not a valid ID');
		expect(api.calls).toEqual([]);
	});

	it('maps a 404 to a clear error', async () => {
		fakeIntercom().on('GET', '/contacts/find_by_external_id/nobody', notFound, { status: 404 });
		const result = await runContact({ operation: 'getByExternalId', externalId: 'nobody' });
		expect(result.error?.message).toBe('Contact with this external ID was not found in Intercom');
	});
});

describe('contact delete, archive, unarchive, block', () => {
	it('deletes a contact', async () => {
		const deleted = { id: CONTACT_ID, external_id: null, type: 'contact', deleted: true };
		const api = fakeIntercom().on('DELETE', `/contacts/${CONTACT_ID}`, deleted);
		const result = await runContact({ operation: 'delete', contactId: locator(CONTACT_ID) });
		expect(api.calls).toEqual([call('DELETE', `/contacts/${CONTACT_ID}`)]);
		expect(result.items).toEqual([{ json: deleted, pairedItem: { item: 0 } }]);
	});

	it.each([
		['archive', { id: CONTACT_ID, external_id: null, type: 'contact', archived: true }],
		['unarchive', { id: CONTACT_ID, external_id: null, type: 'contact', archived: false }],
		['block', { id: CONTACT_ID, external_id: null, type: 'contact', blocked: true }],
	])('%s posts with no body', async (operation, response) => {
		const api = fakeIntercom().on('POST', `/contacts/${CONTACT_ID}/${operation}`, response);
		const result = await runContact({ operation, contactId: locator(CONTACT_ID) });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('POST', `/contacts/${CONTACT_ID}/${operation}`)]);
		expect(result.items).toEqual([{ json: response, pairedItem: { item: 0 } }]);
	});

	it.each(['delete', 'archive', 'unarchive', 'block'])('%s refuses an invalid ID before sending anything', async (operation) => {
		const api = fakeIntercom();
		const result = await runContact({ operation, contactId: locator('={{ "x/y" }}') });
		expect(result.error?.message).toBe('Parameter "Contact": "x/y" is not a valid ID');
		expect(api.calls).toEqual([]);
	});
});
