import nock from 'nock';

import { call, contact, fakeIntercom, runContact } from '../helpers/fake-intercom';

afterEach(() => nock.cleanAll());

describe('contact create', () => {
	it.each([
		['email', { email: ' ada@example.com ' }, { email: 'ada@example.com' }],
		['external ID', { additionalFields: { externalId: 'user-42' } }, { external_id: 'user-42' }],
		['role', { additionalFields: { role: 'lead' } }, { role: 'lead' }],
	])('creates a contact identified by %s alone', async (_label, parameters, body) => {
		const api = fakeIntercom().on('POST', '/contacts', contact());
		const result = await runContact({ operation: 'create', ...parameters });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('POST', '/contacts', { body })]);
		expect(result.items).toEqual([{ json: contact(), pairedItem: { item: 0 } }]);
	});

	it('sends every attribute in the form Intercom takes', async () => {
		const api = fakeIntercom().on('POST', '/contacts', contact());
		const result = await runContact({
			operation: 'create',
			email: 'ada@example.com',
			additionalFields: {
				role: 'user',
				externalId: 'user-42',
				phone: '+15551234',
				name: 'Ada Lovelace',
				avatar: 'https://example.com/ada.png',
				signedUpAt: '2025-01-01T00:00:00Z',
				lastSeenAt: '1735689600',
				ownerId: '991267708',
				unsubscribedFromEmails: true,
			},
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('POST', '/contacts', {
				body: {
					email: 'ada@example.com',
					role: 'user',
					external_id: 'user-42',
					phone: '+15551234',
					name: 'Ada Lovelace',
					avatar: 'https://example.com/ada.png',
					signed_up_at: 1735689600,
					last_seen_at: 1735689600,
					owner_id: 991267708,
					unsubscribed_from_emails: true,
				},
			}),
		]);
	});

	it('converts an n8n date from an expression to Unix seconds', async () => {
		const api = fakeIntercom().on('POST', '/contacts', contact());
		const result = await runContact({
			operation: 'create',
			email: 'ada@example.com',
			additionalFields: { lastSeenAt: '={{ DateTime.fromISO("2025-03-01T12:00:30Z") }}' },
		});
		expect(result.error).toBeUndefined();
		expect(api.calls[0].body).toEqual({ email: 'ada@example.com', last_seen_at: 1740830430 });
	});

	it('refuses to send a contact with none of email, external ID and role', async () => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'create', email: '  ', additionalFields: { name: 'Nobody', externalId: '' } });
		expect(result.error?.message).toBe(
			'Parameter "Email": Intercom needs at least one of "Email", "External ID" or "Role" to create a contact',
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.calls).toEqual([]);
	});

	it.each([
		['an unparsable date', { signedUpAt: 'next tuesday' }, 'Parameter "Signed Up At": "next tuesday" is not a date'],
		['milliseconds for seconds', { lastSeenAt: '1735689600000' }, 'Parameter "Last Seen At": 1735689600000 is not a Unix time in seconds'],
		['a non-numeric owner', { ownerId: 'ada' }, 'Parameter "Owner Name or ID": "ada" is not a whole number'],
		['invalid custom attribute JSON', { customAttributesJson: '{plan: pro}' }, 'Parameter "Custom Attributes (JSON)": invalid JSON'],
		['custom attribute JSON that is not an object', { customAttributesJson: '["pro"]' }, 'Parameter "Custom Attributes (JSON)": a JSON object ({ … }) is required'],
	])('fails on %s before sending anything', async (_label, additionalFields, message) => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'create', email: 'ada@example.com', additionalFields });
		expect(result.error?.message).toBe(message);
		expect(api.calls).toEqual([]);
	});

	describe('custom attributes', () => {
		it('sends name/value pairs chosen from the list', async () => {
			const api = fakeIntercom().on('POST', '/contacts', contact());
			await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: {
					customAttributes: { attribute: [{ name: 'plan', value: 'pro' }, { name: 'team', value: 'Analytics' }, { name: '', value: 'ignored' }] },
				},
			});
			expect(api.calls[0].body).toEqual({ email: 'ada@example.com', custom_attributes: { plan: 'pro', team: 'Analytics' } });
		});

		it('sends typed values from JSON, an object from an expression too', async () => {
			const api = fakeIntercom().on('POST', '/contacts', contact()).on('POST', '/contacts', contact());
			await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { customAttributesJson: '{"seats": 5, "trial": false, "renews_at": 1735689600}' },
			});
			await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { customAttributesJson: '={{ { seats: 7 } }}' },
			});
			expect(api.calls.map((c) => c.body)).toEqual([
				{ email: 'ada@example.com', custom_attributes: { seats: 5, trial: false, renews_at: 1735689600 } },
				{ email: 'ada@example.com', custom_attributes: { seats: 7 } },
			]);
		});

		it('merges both modes, and refuses an attribute set in both', async () => {
			const api = fakeIntercom().on('POST', '/contacts', contact());
			const merged = await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { customAttributes: { attribute: [{ name: 'plan', value: 'pro' }] }, customAttributesJson: '{"seats": 5}' },
			});
			expect(merged.error).toBeUndefined();
			expect(api.calls[0].body).toEqual({ email: 'ada@example.com', custom_attributes: { seats: 5, plan: 'pro' } });

			const clash = await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { customAttributes: { attribute: [{ name: 'plan', value: 'pro' }] }, customAttributesJson: '{"plan": "free"}' },
			});
			expect(clash.error?.message).toBe('Parameter "Custom Attributes (JSON)": "plan" is also set in "Custom Attributes"');
			expect(api.calls).toHaveLength(1);
		});

		it('leaves custom_attributes out when both modes are empty', async () => {
			const api = fakeIntercom().on('POST', '/contacts', contact());
			await runContact({
				operation: 'create',
				email: 'ada@example.com',
				additionalFields: { customAttributes: {}, customAttributesJson: '{}' },
			});
			expect(api.calls[0].body).toEqual({ email: 'ada@example.com' });
		});
	});

	it('maps an Intercom validation error to its message', async () => {
		const api = fakeIntercom().on(
			'POST',
			'/contacts',
			{ type: 'error.list', request_id: 'req-1', errors: [{ code: 'conflict', message: 'A contact matching those details already exists with id=abc' }] },
			{ status: 409 },
		);
		const result = await runContact({ operation: 'create', email: 'ada@example.com' });
		expect(api.calls).toHaveLength(1);
		expect(result.error?.message).toBe('A contact matching those details already exists with id=abc');
		expect(result.error?.description).toContain('HTTP 409 on POST /contacts · request_id req-1');
	});
});
