/**
 * Data events through n8n against the sandbox: submitting for a contact found three ways, with
 * metadata; listing a contact's events page by page; summaries in and out; and the input Intercom
 * would refuse or silently change, refused before anything is sent.
 */
import { credentials, fakeIntercom, resetFake } from '../conversation/fake-intercom';
import { locator } from '../helpers/fake-intercom';
import { runNode } from '../helpers/n8n';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('dataEvent');

function aUser() {
	const ws = node.sb().workspace;
	const contact = ws.contacts.all().find((c) => c.role === 'user' && c.external_id && c.email && !ws.dataEvents.has(c.id));
	if (!contact) throw new Error('the seed has no user without events left');
	return contact;
}

describe('data event submit', () => {
	it('submits for a contact by Intercom ID, external ID or email, with metadata of every kind Intercom takes', async () => {
		const contact = aUser();
		const [byId] = await node.ok({
			operation: 'create',
			eventName: 'ordered-item',
			identifyBy: 'id',
			contactId: locator(contact.id),
			additionalFields: {
				occurredAt: '2025-11-30T10:00:00Z',
				metadata: { attribute: [{ name: 'order_id', value: 'A-1' }, { name: 'shipped_date', value: '2025-11-30T12:00:00Z' }] },
				metadataJson: '{"total": 12.5, "price": {"amount": 1250, "currency": "eur"}, "article": {"url": "https://example.com/a", "value": "Pricing"}}',
			},
		});
		const metadata = { order_id: 'A-1', shipped_date: 1764504000, total: 12.5, price: { amount: 1250, currency: 'eur' }, article: { url: 'https://example.com/a', value: 'Pricing' } };
		// Intercom answers 202 with no body: the item is what it accepted.
		expect(byId).toEqual({ event_name: 'ordered-item', id: contact.id, created_at: 1764496800, metadata });

		const { sent } = await node.run({ operation: 'create', eventName: 'viewed-pricing', identifyBy: 'userId', externalUserId: contact.external_id, additionalFields: { occurredAt: 1764500000 } });
		expect(sent.map((r) => [r.method, r.path, r.status, r.body])).toEqual([['POST', '/events', 202, { event_name: 'viewed-pricing', user_id: contact.external_id, created_at: 1764500000 }]]);

		const before = Math.floor(Date.now() / 1000);
		const [byEmail] = await node.ok({ operation: 'create', eventName: 'signed-in', identifyBy: 'email', email: contact.email });
		expect(byEmail.created_at).toBeGreaterThanOrEqual(before);
		expect(byEmail.email).toBe(contact.email);

		const stored = node.sb().workspace.dataEvents.get(contact.id)!.events;
		expect(stored.map((e) => [e.event_name, e.metadata])).toEqual([['ordered-item', metadata], ['viewed-pricing', {}], ['signed-in', {}]]);
	});

	it('refuses, before sending, a name Intercom would change, metadata that is not key/value, and more than 10 keys', async () => {
		const contact = aUser();
		const base = { operation: 'create', identifyBy: 'id', contactId: locator(contact.id) };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ eventName: 'ordered.item' }, 'Parameter "Event Name": "ordered.item" contains ".", which Intercom turns into "-"'],
			[{ eventName: 'paid$' }, 'Parameter "Event Name": "paid$" contains "$", which Intercom turns into "-"'],
			[{ eventName: '   ' }, 'Parameter "Event Name": a value is required'],
			[{ eventName: 'x', additionalFields: { metadataJson: '{"cart": {"items": [1, 2]}}' } }, 'Parameter "Metadata (JSON)": the value of "cart" is not one Intercom takes'],
			[{ eventName: 'x', additionalFields: { metadataJson: '[1, 2]' } }, 'Parameter "Metadata (JSON)": a JSON object ({ … }) is required'],
			[{ eventName: 'x', additionalFields: { metadataJson: '{"ok": true}' } }, 'Parameter "Metadata (JSON)": the value of "ok" is not one Intercom takes'],
			[{ eventName: 'x', additionalFields: { metadataJson: '{"due_date": "soon"}' } }, 'Parameter "Metadata (JSON) "due_date"": "soon" is not a date'],
			[
				{ eventName: 'x', additionalFields: { metadata: { attribute: [{ name: 'a', value: '1' }] }, metadataJson: '{"a": "2"}' } },
				'Parameter "Metadata (JSON)": "a" is also set in "Metadata"',
			],
			[
				{
					eventName: 'x',
					additionalFields: {
						metadata: { attribute: Array.from({ length: 6 }, (_, i) => ({ name: `p${i}`, value: 'v' })) },
						metadataJson: JSON.stringify(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`j${i}`, i]))),
					},
				},
				'Parameter "Metadata": 11 keys given, Intercom keeps only the first 10 and drops the rest',
			],
			[{ eventName: 'x', identifyBy: 'email', email: 'not-an-email' }, 'Parameter "Email": "not-an-email" is not an email address'],
		];
		for (const [parameters, message] of cases) {
			const result = await node.run({ ...base, ...parameters });
			expect({ parameters, message: result.error?.message }).toEqual({ parameters, message });
			expect(result.sent).toEqual([]);
		}
	});

	it('names the contact that Intercom cannot find', async () => {
		const result = await node.run({ operation: 'create', eventName: 'x', identifyBy: 'userId', externalUserId: 'nobody-here' });
		expect(result.error?.message).toMatch(/Contact was not found in Intercom/);
	});
});

describe('data event lists', () => {
	it("lists a contact's events newest first, following Intercom's next-page links, with Return All or a Limit", async () => {
		const contact = aUser();
		const now = node.sb().workspace.now();
		for (let i = 0; i < 160; i++) {
			await node.ok({ operation: 'create', eventName: i % 2 ? 'odd-thing' : 'even-thing', identifyBy: 'id', contactId: locator(contact.id), additionalFields: { occurredAt: now - 1000 + i } });
		}
		const all = await node.run({ operation: 'getMany', identifyBy: 'id', contactId: locator(contact.id), returnAll: true });
		expect(all.json).toHaveLength(160);
		expect(all.json.map((e) => e.created_at)).toEqual(Array.from({ length: 160 }, (_, i) => now - 1000 + 159 - i));
		// Pages of 150: the second page comes from the first's pages.next, sent to the sandbox, not the link's host.
		expect(all.sent.map((r) => [r.path, r.query.per_page, r.query.before === undefined])).toEqual([
			['/events', '150', true],
			['/events', '150', false],
		]);

		const limited = await node.run({ operation: 'getMany', identifyBy: 'userId', externalUserId: contact.external_id, returnAll: false, limit: 3 });
		expect(limited.json.map((e) => e.created_at)).toEqual([now - 1000 + 159, now - 1000 + 158, now - 1000 + 157]);
		expect(limited.sent.map((r) => r.query)).toEqual([{ type: 'user', user_id: contact.external_id, per_page: '3' }]);

		const summaries = await node.ok({ operation: 'getSummaries', identifyBy: 'email', email: contact.email });
		expect(summaries).toEqual([
			expect.objectContaining({ name: 'even-thing', count: 80, intercom_user_id: contact.id, email: contact.email }),
			expect.objectContaining({ name: 'odd-thing', count: 80, intercom_user_id: contact.id, email: contact.email }),
		]);
	});

	it('adds submitted summaries to the counts', async () => {
		const contact = aUser();
		const [accepted] = await node.ok({ operation: 'createSummary', externalUserId: contact.external_id, eventName: 'logged-in', count: 41, first: '2025-01-01T00:00:00Z', last: '2026-06-01T00:00:00Z' });
		expect(accepted).toEqual({ user_id: contact.external_id, event_summaries: { event_name: 'logged-in', count: 41, first: 1735689600, last: 1780272000 } });
		const [summary] = await node.ok({ operation: 'getSummaries', identifyBy: 'id', contactId: locator(contact.id) });
		expect(summary).toMatchObject({ name: 'logged-in', count: 41, first: '2025-01-01T00:00:00.000Z', last: '2026-06-01T00:00:00.000Z' });

		const refused = await node.run({ operation: 'createSummary', externalUserId: contact.external_id, eventName: 'logged.in', count: 1, first: 1735689600, last: 1735689600 });
		expect(refused.error?.message).toBe('Parameter "Event Name": "logged.in" contains ".", which Intercom turns into "-"');
		expect(refused.sent).toEqual([]);
	});
});

describe("following Intercom's next-page links", () => {
	afterEach(resetFake);
	const page = (next: string | undefined, id: string) => [200, { type: 'event.list', events: [{ type: 'event', id, event_name: 'x', created_at: 1 }], pages: next ? { next } : {} }] as [number, unknown];

	it("takes only the link's query and sends it to the credential's own host", async () => {
		const api = fakeIntercom({ 'GET /events': [page('https://elsewhere.example/events?type=user&intercom_user_id=abc&per_page=150&before=Y3Vy', 'e1'), page(undefined, 'e2')] });
		const result = await runNode({ parameters: { resource: 'dataEvent', operation: 'getMany', identifyBy: 'id', contactId: locator('abc'), returnAll: true }, credentials });
		expect(result.items.map((i) => i.json.id)).toEqual(['e1', 'e2']);
		expect(api.sent.map((r) => [r.path, r.query])).toEqual([
			['/events', { type: 'user', intercom_user_id: 'abc', per_page: '150' }],
			['/events', { type: 'user', intercom_user_id: 'abc', per_page: '150', before: 'Y3Vy' }],
		]);
	});

	it('refuses a link to another path, and stops at a link back to the same page', async () => {
		fakeIntercom({ 'GET /events': [page('https://api.intercom.io/admins?x=1', 'e1')] });
		const other = await runNode({ parameters: { resource: 'dataEvent', operation: 'getMany', identifyBy: 'id', contactId: locator('abc'), returnAll: true }, credentials });
		expect(other.error?.message).toBe("Intercom's link to the next page of events could not be followed");
		resetFake();
		const api = fakeIntercom({ 'GET /events': [page('/events?type=user&intercom_user_id=abc&per_page=150', 'e1')] });
		const same = await runNode({ parameters: { resource: 'dataEvent', operation: 'getMany', identifyBy: 'id', contactId: locator('abc'), returnAll: true }, credentials });
		expect(same.items.map((i) => i.json.id)).toEqual(['e1']);
		expect(api.sent).toHaveLength(1);
	});
});
