import nock from 'nock';

import { call, CONTACT_ID, contact, fakeIntercom, locator, runContact } from '../helpers/fake-intercom';

afterEach(() => nock.cleanAll());

describe('contact update', () => {
	it('sends only the fields given, converted', async () => {
		const updated = contact(CONTACT_ID, { name: 'Ada King' });
		const api = fakeIntercom().on('PUT', `/contacts/${CONTACT_ID}`, updated);
		const result = await runContact({
			operation: 'update',
			contactId: locator(CONTACT_ID),
			updateFields: {
				email: 'ada.king@example.com',
				role: 'lead',
				name: 'Ada King',
				signedUpAt: '2025-01-01T00:00:00+01:00',
				ownerId: 991267708,
				unsubscribedFromEmails: false,
			},
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('PUT', `/contacts/${CONTACT_ID}`, {
				body: {
					email: 'ada.king@example.com',
					role: 'lead',
					name: 'Ada King',
					signed_up_at: 1735686000,
					owner_id: 991267708,
					unsubscribed_from_emails: false,
				},
			}),
		]);
		expect(result.items).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
	});

	it('updates custom attributes in both modes', async () => {
		const api = fakeIntercom().on('PUT', `/contacts/${CONTACT_ID}`, contact());
		await runContact({
			operation: 'update',
			contactId: locator(CONTACT_ID),
			updateFields: {
				customAttributes: { attribute: [{ name: 'plan', value: 'enterprise' }] },
				customAttributesJson: '{"seats": 40, "renewal": null}',
			},
		});
		expect(api.calls).toEqual([
			call('PUT', `/contacts/${CONTACT_ID}`, { body: { custom_attributes: { seats: 40, renewal: null, plan: 'enterprise' } } }),
		]);
	});

	it('fails when there is nothing to update, before sending anything', async () => {
		const api = fakeIntercom();
		for (const updateFields of [{}, { email: ' ', customAttributesJson: '{}' }]) {
			const result = await runContact({ operation: 'update', contactId: locator(CONTACT_ID), updateFields });
			expect(result.error?.message).toBe('Parameter "Update Fields": add at least one field to update');
		}
		expect(api.calls).toEqual([]);
	});

	it('fails on an unparsable date before sending anything', async () => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'update', contactId: locator(CONTACT_ID), updateFields: { lastSeenAt: '2025-13-45' } });
		expect(result.error?.message).toBe('Parameter "Last Seen At": "2025-13-45" is not a date');
		expect(api.calls).toEqual([]);
	});

	it('maps a 404 to a clear error', async () => {
		fakeIntercom().on('PUT', `/contacts/${CONTACT_ID}`, { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] }, { status: 404 });
		const result = await runContact({ operation: 'update', contactId: locator(CONTACT_ID), updateFields: { name: 'x' } });
		expect(result.error?.message).toBe('Contact was not found in Intercom');
	});
});
