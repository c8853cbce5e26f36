/**
 * Outbound messages through n8n against the sandbox: in-app and email, the conversation Intercom
 * starts with each, and what fails before sending.
 */
import { locator } from '../helpers/fake-intercom';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('message');

const admin = () => [...node.sb().workspace.admins.values()][0];
const user = () => node.sb().workspace.contacts.all().find((c) => c.role === 'user' && c.email)!;
const lead = () => node.sb().workspace.contacts.all().find((c) => c.role === 'lead')!;

describe('message send', () => {
	it('sends an in-app message from an admin to a user; the conversation waits for the reply', async () => {
		const contact = user();
		const { json, sent } = await node.run({ operation: 'send', channel: 'in_app', adminId: admin().id, contactId: locator(contact.id), body: '<p>Welcome aboard</p>' });
		expect(sent.map((r) => r.body)).toEqual([
			{ message_type: 'in_app', from: { id: Number(admin().id), type: 'admin' }, to: { id: contact.id, type: 'user' }, body: '<p>Welcome aboard</p>' },
		]);
		expect(json).toEqual([expect.objectContaining({ type: 'admin_message', message_type: 'inapp', body: '<p>Welcome aboard</p>', conversation_id: expect.any(String) })]);
		const conversation = node.sb().workspace.conversations.get(String(json[0].conversation_id))!;
		expect(conversation).toMatchObject({ state: 'closed', contactIds: [contact.id], source: { delivered_as: 'admin_initiated', author: { id: admin().id } } });
	});

	it('sends an email with subject and template to a lead, opened in the inbox at once', async () => {
		const contact = lead();
		contact.email ||= 'lead@example.com';
		const [message] = await node.ok({
			operation: 'send',
			channel: 'email',
			adminId: admin().id,
			contactId: locator(contact.id),
			contactRole: 'lead',
			subject: '  Your trial  ',
			template: 'personal',
			body: 'Hi there',
			additionalFields: { openConversation: true },
		});
		expect(message).toMatchObject({ message_type: 'email', subject: 'Your trial' });
		expect(node.sb().workspace.conversations.get(String(message.conversation_id))).toMatchObject({ state: 'open', source: { type: 'email', subject: 'Your trial' } });
	});

	it('refuses, before sending, an email without a subject, a blank body, a bad contact ID or admin', async () => {
		const base = { operation: 'send', channel: 'email', adminId: admin().id, contactId: locator(user().id), subject: 'Hello', body: 'Hi' };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ subject: ' ' }, 'Parameter "Subject": a value is required'],
			[{ body: '={{ "  " }}' }, 'Parameter "Body": a value is required'],
			[{ contactId: locator('={{ "not a contact" }}') }, 'Parameter "To Contact": "not a contact" is not a valid ID'],
			[{ adminId: 'Ann' }, 'Parameter "From Admin Name or ID": "Ann" is not a whole number'],
		];
		for (const [parameters, message] of cases) {
			const result = await node.run({ ...base, ...parameters });
			expect({ parameters, message: result.error?.message }).toEqual({ parameters, message });
			expect(result.sent).toEqual([]);
		}
	});

	it('reports the recipient Intercom cannot find as a user (a lead given as a user)', async () => {
		const result = await node.run({ operation: 'send', channel: 'in_app', adminId: admin().id, contactId: locator(lead().id), body: 'Hi' });
		expect(result.error?.message).toMatch(/was not found in Intercom/);
	});
});
