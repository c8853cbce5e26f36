import { runNode } from '../helpers/n8n';
import { credentials, expected, fakeIntercom, resetFake } from './fake-intercom';

const CONVERSATION = { type: 'conversation', id: '123', state: 'open' };
const PATH = '/conversations/123/reply';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function reply(parameters: Record<string, unknown>) {
	return runNode({
		parameters: { resource: 'conversation', operation: 'reply', conversationId: { __rl: true, mode: 'id', value: '123' }, ...parameters } as never,
		credentials,
	});
}

afterEach(resetFake);

describe('conversation reply as an admin', () => {
	it.each(['comment', 'note'])('sends a %s with its admin and body', async (messageType) => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		const result = await reply({ replyAs: 'admin', actingAdminId: '991267696', messageType, body: '<p>On it</p>' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('POST', PATH, { body: { message_type: messageType, type: 'admin', admin_id: '991267696', body: '<p>On it</p>' } }),
		]);
		expect(result.items).toEqual([{ json: CONVERSATION, pairedItem: { item: 0 } }]);
	});

	it('defaults to an admin comment and adds attachments and a creation time', async () => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		await reply({
			actingAdminId: '7',
			body: 'See attached',
			additionalFields: { attachmentUrls: 'https://example.com/a.png', createdAt: 1735689600 },
		});
		expect(api.sent).toEqual([
			expected('POST', PATH, {
				body: {
					message_type: 'comment',
					type: 'admin',
					admin_id: '7',
					body: 'See attached',
					attachment_urls: ['https://example.com/a.png'],
					created_at: 1735689600,
				},
			}),
		]);
	});

	it('sends quick reply options, keeping given UUIDs and generating missing ones', async () => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		const result = await reply({
			actingAdminId: '7',
			messageType: 'quick_reply',
			replyOptions: { option: [{ text: 'Yes', uuid: 'a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb' }, { text: 'No', uuid: '' }] },
		});
		expect(result.error).toBeUndefined();
		expect(api.sent).toHaveLength(1);
		const body = api.sent[0].body as { reply_options: Array<{ text: string; uuid: string }> };
		expect(body).toEqual({
			message_type: 'quick_reply',
			type: 'admin',
			admin_id: '7',
			reply_options: [
				{ text: 'Yes', uuid: 'a5e1c524-5ddd-4c3e-9328-6bca5d6e3edb' },
				{ text: 'No', uuid: expect.stringMatching(UUID) },
			],
		});
	});

	it.each([
		['a comment without body', { actingAdminId: '7', body: ' ' }, 'Parameter "Body": a value is required'],
		['a blank admin from an expression', { actingAdminId: '={{ " " }}', body: 'Hi' }, 'Parameter "Admin Name or ID": a value is required'],
		['a non-numeric admin', { actingAdminId: 'bob', body: 'Hi' }, 'Parameter "Admin Name or ID": "bob" is not a valid ID'],
		['a quick reply without options', { actingAdminId: '7', messageType: 'quick_reply' }, 'Parameter "Quick Reply Options": a quick reply needs at least one option'],
		[
			'a quick reply option without text',
			{ actingAdminId: '7', messageType: 'quick_reply', replyOptions: { option: [{ text: '', uuid: '' }] } },
			'Parameter "Quick Reply Options": option 1 has no text',
		],
		[
			'a quick reply option with a bad UUID',
			{ actingAdminId: '7', messageType: 'quick_reply', replyOptions: { option: [{ text: 'Yes', uuid: '42' }] } },
			'Parameter "Quick Reply Options": "42" (option 1) is not a UUID',
		],
		['an unknown message type', { actingAdminId: '7', messageType: '={{ "shout" }}', body: 'Hi' }, 'Parameter "Message Type": "shout" is not one of comment, note, quick_reply'],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const api = fakeIntercom();
		const result = await reply(parameters);
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});

	it('lets n8n refuse an empty required admin before the node runs', async () => {
		const api = fakeIntercom();
		await expect(reply({ actingAdminId: '', body: 'Hi' })).rejects.toThrow('Parameter "Admin Name or ID" is required');
		expect(api.sent).toEqual([]);
	});
});

describe('conversation reply as a contact', () => {
	it.each([
		['intercom_user_id', '6762f1571bb69f9f2193bbbb'],
		['user_id', 'customer-42'],
		['email', 'sam@example.com'],
	])('identifies the contact by %s', async (by, value) => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		const result = await reply({ replyAs: 'contact', contactIdentifierType: by, contactIdentifier: value, body: 'Thanks again :)' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('POST', PATH, { body: { message_type: 'comment', type: 'user', [by]: value, body: 'Thanks again :)' } }),
		]);
	});

	it('adds attachments to a contact reply', async () => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		await reply({
			replyAs: 'contact',
			contactIdentifierType: 'email',
			contactIdentifier: 'sam@example.com',
			body: 'Photo',
			additionalFields: { attachmentUrls: 'https://example.com/p.jpg' },
		});
		expect(api.sent.map((r) => r.body)).toEqual([
			{ message_type: 'comment', type: 'user', email: 'sam@example.com', body: 'Photo', attachment_urls: ['https://example.com/p.jpg'] },
		]);
	});

	it.each([
		['a missing body', { contactIdentifierType: 'email', contactIdentifier: 'sam@example.com', body: '' }, 'Parameter "Body": a value is required'],
		['a malformed email', { contactIdentifierType: 'email', contactIdentifier: 'sam', body: 'Hi' }, 'Parameter "Contact Identifier": "sam" is not an email address'],
		['a bad Intercom ID', { contactIdentifierType: 'intercom_user_id', contactIdentifier: 'a b', body: 'Hi' }, 'Parameter "Contact Identifier": "a b" is not a valid ID'],
		['a blank identifier from an expression', { contactIdentifierType: 'user_id', contactIdentifier: '={{ "" }}', body: 'Hi' }, 'Parameter "Contact Identifier": a value is required'],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const api = fakeIntercom();
		const result = await reply({ replyAs: 'contact', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});
});
