/** Phone switch through n8n against the sandbox: the SMS link, and the attributes on the contact. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('phoneSwitch', { contacts: 3, conversations: 0, articles: 0, companies: 0 });

describe('phone switch', () => {
	it('texts a Messenger link and sets custom attributes on the contact with that phone, or a new lead', async () => {
		const ws = node.sb().workspace;
		const contact = ws.contacts.all()[0];
		contact.phone = '+353832345678';
		const result = await node.run({
			operation: 'create',
			phone: '+353832345678',
			additionalFields: { customAttributes: { attribute: [{ name: 'plan', value: 'pro' }] }, customAttributesJson: '{"seats": 5}' },
		});
		expect(result.sent.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/phone_call_redirects', { phone: '+353832345678', custom_attributes: { plan: 'pro', seats: 5 } }]]);
		expect(result.json).toEqual([{ type: 'phone_call_redirect', phone: '+353832345678', url: ws.phoneRedirects[0].url }]);
		expect(ws.phoneRedirects.map((r) => r.phone)).toEqual(['+353832345678']);
		expect(contact.custom_attributes).toMatchObject({ plan: 'pro', seats: 5 });

		const before = ws.contacts.size;
		await node.ok({ operation: 'create', phone: '+1 415 555 0100' });
		expect(ws.contacts.size).toBe(before + 1);
		expect(ws.contacts.all().find((c) => c.phone === '+14155550100')?.role).toBe('lead');
	});

	it('refuses a number that is not E.164 before sending', async () => {
		for (const phone of ['0832345678', '+0123456', '+12', 'call me']) {
			const result = await node.run({ operation: 'create', phone });
			expect(result.error?.message).toBe(`Parameter "Phone": "${phone}" is not a phone number in E.164 format`);
			expect(result.sent).toEqual([]);
		}
	});
});
