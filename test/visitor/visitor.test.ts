/**
 * Visitors through n8n against the sandbox: get by user_id, update name and custom attributes,
 * convert into a new user or into an existing contact.
 */
import { createVisitor } from '../../sandbox/store/visitor-ops';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('visitor');

describe('visitor operations', () => {
	it('gets a visitor by the user_id Intercom generated, and names a missing one', async () => {
		const visitor = createVisitor(node.sb().workspace, { pseudonym: 'Amber Lantern' });
		const { json, sent } = await node.run({ operation: 'get', visitorUserId: visitor.user_id });
		expect(sent.map((r) => [r.path, r.query])).toEqual([['/visitors', { user_id: visitor.user_id }]]);
		expect(json).toEqual([expect.objectContaining({ type: 'visitor', id: visitor.id, user_id: visitor.user_id, pseudonym: 'Amber Lantern' })]);

		const missing = await node.run({ operation: 'get', visitorUserId: 'no-such-visitor' });
		expect(missing.error?.message).toBe('Visitor was not found in Intercom');
	});

	it('updates by user_id or by Intercom ID, setting only what is given', async () => {
		const visitor = createVisitor(node.sb().workspace, { custom_attributes: { landing_page: '/docs' } });
		const { json, sent } = await node.run({
			operation: 'update',
			visitorIdentifyBy: 'userId',
			visitorUserId: visitor.user_id,
			updateFields: { name: ' Sam ', customAttributes: { attribute: [{ name: 'plan_interest', value: 'pro' }] } },
		});
		expect(sent.map((r) => r.body)).toEqual([{ user_id: visitor.user_id, name: 'Sam', custom_attributes: { plan_interest: 'pro' } }]);
		expect(json[0]).toMatchObject({ name: 'Sam', custom_attributes: { landing_page: '/docs', plan_interest: 'pro' } });

		const byId = await node.run({ operation: 'update', visitorIdentifyBy: 'id', visitorId: visitor.id, updateFields: { name: 'Samantha' } });
		expect(byId.sent.map((r) => r.body)).toEqual([{ id: visitor.id, name: 'Samantha' }]);
	});

	it('converts a visitor into a new user, and another into an existing contact', async () => {
		const ws = node.sb().workspace;
		const visitor = createVisitor(ws, { name: 'New Person', email: 'new.person@example.com' });
		const { json, sent } = await node.run({ operation: 'convert', visitorIdentifyBy: 'email', visitorEmail: 'new.person@example.com', convertTo: 'user', externalUserId: 'crm-900' });
		expect(sent.map((r) => r.body)).toEqual([{ visitor: { email: 'new.person@example.com' }, type: 'user', user: { user_id: 'crm-900' } }]);
		expect(json[0]).toMatchObject({ type: 'contact', role: 'user', external_id: 'crm-900', email: 'new.person@example.com', name: 'New Person' });
		expect(ws.visitors.has(visitor.id)).toBe(false);

		const existing = ws.contacts.all().find((c) => c.role === 'user')!;
		const other = createVisitor(ws, { custom_attributes: { referrer_page: '/blog' } });
		const [merged] = await node.ok({ operation: 'convert', visitorIdentifyBy: 'id', visitorId: other.id, contactIdentifyBy: 'id', contactId: existing.id, additionalFields: { email: ' ' } });
		expect(merged).toMatchObject({ id: existing.id, custom_attributes: expect.objectContaining({ referrer_page: '/blog' }) });
	});

	it('refuses a malformed identifier before sending', async () => {
		const result = await node.run({ operation: 'convert', visitorIdentifyBy: 'email', visitorEmail: 'nobody', externalUserId: 'x' });
		expect(result.error?.message).toBe('Parameter "Visitor Email": "nobody" is not an email address');
		expect(result.sent).toEqual([]);
	});
});
