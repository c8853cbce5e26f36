/**
 * Custom object instances through n8n against the sandbox: create or update by external ID with
 * custom attributes, get and delete by Intercom's ID or the external ID, and linking instances to a
 * contact and a conversation; bad input refused naming the parameter, with nothing sent.
 */
import { locator } from '../helpers/fake-intercom';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('customObjectInstance', { contacts: 5, conversations: 3, articles: 0, companies: 0 });

function orders() {
	return node.sb().workspace.customObjects.types.get('Order')!;
}

describe('custom object instances', () => {
	it('creates an instance, then updates the same one by its external ID, merging its attributes', async () => {
		const created = await node.run({
			operation: 'createOrUpdate',
			objectType: 'Order',
			externalId: 'ORDER-2001',
			additionalFields: {
				externalCreatedAt: '2025-11-30T10:00:00Z',
				customAttributes: { attribute: [{ name: 'order_number', value: 'ORDER-2001' }] },
				customAttributesJson: '{"total_amount": 99.99}',
			},
		});
		expect(created.sent.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/custom_object_instances/Order',
				{ external_id: 'ORDER-2001', external_created_at: 1764496800, custom_attributes: { order_number: 'ORDER-2001', total_amount: 99.99 } },
			],
		]);
		const [instance] = created.json;
		const stored = orders().get(String(instance.id))!;
		expect(instance).toEqual({
			id: stored.id,
			type: 'Order',
			external_id: 'ORDER-2001',
			external_created_at: 1764496800,
			external_updated_at: null,
			created_at: stored.created_at,
			updated_at: stored.updated_at,
			custom_attributes: { order_number: 'ORDER-2001', total_amount: 99.99 },
		});

		const [updated] = await node.ok({ operation: 'createOrUpdate', objectType: 'Order', externalId: 'ORDER-2001', additionalFields: { customAttributesJson: '{"total_amount": 120}' } });
		expect(updated.id).toBe(instance.id);
		expect(updated.custom_attributes).toEqual({ order_number: 'ORDER-2001', total_amount: 120 });
		expect([...orders().values()].filter((o) => o.external_id === 'ORDER-2001')).toHaveLength(1);
	});

	it("gets an instance by Intercom's ID (or its external ID in the same field) and by external ID", async () => {
		const order = [...orders().values()].find((o) => o.external_id === 'ORDER-1001')!;
		const byId = await node.run({ operation: 'get', objectType: 'Order', instanceId: order.id });
		expect(byId.sent.map((r) => [r.method, r.path])).toEqual([['GET', `/custom_object_instances/Order/${order.id}`]]);
		expect(byId.json).toEqual([expect.objectContaining({ id: order.id, external_id: 'ORDER-1001', custom_attributes: order.custom_attributes })]);

		const [sameByExternal] = await node.ok({ operation: 'get', objectType: 'Order', instanceId: 'ORDER-1001' });
		expect(sameByExternal.id).toBe(order.id);

		const byExternal = await node.run({ operation: 'getByExternalId', objectType: 'Order', externalId: 'ORDER-1001' });
		expect(byExternal.sent.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/custom_object_instances/Order', { external_id: 'ORDER-1001' }]]);
		expect(byExternal.json[0].id).toBe(order.id);
	});

	it("deletes by Intercom's ID and by external ID", async () => {
		const [a] = await node.ok({ operation: 'createOrUpdate', objectType: 'Order', externalId: 'DEL-1' });
		const [b] = await node.ok({ operation: 'createOrUpdate', objectType: 'Order', externalId: 'DEL 2/b' });
		const byId = await node.run({ operation: 'delete', objectType: 'Order', instanceId: String(a.id) });
		expect(byId.sent.map((r) => [r.method, r.path])).toEqual([['DELETE', `/custom_object_instances/Order/${a.id}`]]);
		expect(byId.json).toEqual([{ id: a.id, object: 'Order', deleted: true }]);
		// An external ID with a space and a slash travels escaped in the query.
		const byExternal = await node.run({ operation: 'deleteByExternalId', objectType: 'Order', externalId: 'DEL 2/b' });
		expect(byExternal.sent.map((r) => [r.method, r.path, r.query])).toEqual([['DELETE', '/custom_object_instances/Order', { external_id: 'DEL 2/b' }]]);
		expect(byExternal.json).toEqual([{ id: b.id, object: 'Order', deleted: true }]);
		expect(orders().has(String(a.id))).toBe(false);
		expect(orders().has(String(b.id))).toBe(false);

		const gone = await node.run({ operation: 'get', objectType: 'Order', instanceId: String(a.id) });
		expect(gone.error?.message).toMatch(/not found/i);
	});

	it('answers an unknown object type with Intercom\'s "not found"', async () => {
		const result = await node.run({ operation: 'getByExternalId', objectType: 'Invoice', externalId: 'X-1' });
		expect(result.sent.map((r) => [r.path, r.status])).toEqual([['/custom_object_instances/Invoice', 404]]);
		expect(result.error?.message).toMatch(/not found/i);
		// A type identifier is one escaped path segment.
		const spaced = await node.run({ operation: 'get', objectType: 'Order Item', instanceId: '1' });
		expect(spaced.sent.map((r) => [r.path, r.status])).toEqual([['/custom_object_instances/Order%20Item/1', 404]]);
	});

	it('links instances to a contact and to a conversation through relationship attributes', async () => {
		const ws = node.sb().workspace;
		const [first, second] = [...orders().values()];
		const contact = ws.contacts.all()[0];
		const toContact = await node.run({
			operation: 'linkToContact',
			contactId: locator(contact.id),
			links: { attribute: [{ name: 'order', value: `${first.id}, ${second.id}` }] },
		});
		expect(toContact.sent.map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `/contacts/${contact.id}`, { custom_attributes: { order: [first.id, second.id] } }]]);
		expect(toContact.json[0]).toMatchObject({ type: 'contact', id: contact.id, custom_attributes: expect.objectContaining({ order: [first.id, second.id] }) });

		const conversation = ws.conversations.all()[0];
		const toConversation = await node.run({
			operation: 'linkToConversation',
			conversationId: locator(conversation.id),
			links: { attribute: [{ name: 'order', value: first.id }] },
		});
		expect(toConversation.sent.map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `/conversations/${conversation.id}`, { custom_attributes: { order: [first.id] } }]]);
		expect(toConversation.json[0]).toMatchObject({ type: 'conversation', id: conversation.id });
		expect(ws.conversations.get(conversation.id)!.custom_attributes.order).toEqual([first.id]);
	});

	it('refuses bad input naming the parameter, and sends nothing', async () => {
		const contact = node.sb().workspace.contacts.all()[0];
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'get', objectType: 'Or/der', instanceId: '1' }, 'Parameter "Object Type": "Or/der" is not a valid ID'],
			[{ operation: 'get', objectType: '  ', instanceId: '1' }, 'Parameter "Object Type": a value is required'],
			[{ operation: 'get', objectType: 'Order', instanceId: '1/../2' }, 'Parameter "Instance ID": "1/../2" is not a valid ID'],
			[{ operation: 'delete', objectType: 'Order', instanceId: 'ORDER-1001' }, 'Parameter "Instance ID": "ORDER-1001" is not a valid ID'],
			[{ operation: 'getByExternalId', objectType: 'Order', externalId: '  ' }, 'Parameter "External ID": a value is required'],
			[{ operation: 'createOrUpdate', objectType: 'Order', externalId: { id: 1 } }, 'Parameter "External ID" [item 0]: an object is not text'],
			[
				{ operation: 'createOrUpdate', objectType: 'Order', externalId: 'X', additionalFields: { customAttributesJson: '{"paid": true}' } },
				'Parameter "Custom Attributes (JSON)": the value of "paid" is not text or a number',
			],
			[
				{ operation: 'createOrUpdate', objectType: 'Order', externalId: 'X', additionalFields: { customAttributes: { attribute: [{ name: 'a', value: '1' }] }, customAttributesJson: '{"a": 2}' } },
				'Parameter "Custom Attributes (JSON)": "a" is also set in "Custom Attributes"',
			],
			[{ operation: 'linkToContact', contactId: locator(contact.id), links: {} }, 'Parameter "Links": at least one link is required'],
			[
				{ operation: 'linkToContact', contactId: locator(contact.id), links: { attribute: [{ name: 'order', value: '1, ORDER-1001' }] } },
				'Parameter "Links": "ORDER-1001" is not an instance ID (for "order")',
			],
		];
		for (const [parameters, message] of cases) {
			const result = await node.run(parameters as never);
			expect({ parameters, message: result.error?.message }).toEqual({ parameters, message });
			expect(result.sent).toEqual([]);
		}
	});
});
