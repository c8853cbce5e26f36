/**
 * From Intercom's envelope to the n8n item: the object under its own name, composite items
 * spread, the envelope's facts alongside; and what is refused as not a notification.
 */
import type { ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import { IntercomWebhookTrigger } from '../../nodes/IntercomWebhookTrigger/IntercomWebhookTrigger.node';
import { notificationToItem, objectFields, readNotification, type IntercomNotification } from '../../nodes/IntercomWebhookTrigger/notification';

const envelope = (topic: string, item: IDataObject): IntercomNotification => ({
	type: 'notification_event',
	id: 'notif_1',
	topic,
	app_id: 'abc123',
	created_at: 1700000000,
	delivery_attempts: 2,
	first_sent_at: 1700000001,
	data: { type: 'notification_event_data', item },
});

describe('notification items', () => {
	it('carries the envelope and the object under its own name', () => {
		expect(notificationToItem(envelope('conversation.user.created', { type: 'conversation', id: '7' }))).toEqual({
			topic: 'conversation.user.created',
			notification_id: 'notif_1',
			app_id: 'abc123',
			created_at: 1700000000,
			created_at_iso: '2023-11-14T22:13:20.000Z',
			delivery_attempts: 2,
			first_sent_at: 1700000001,
			conversation: { type: 'conversation', id: '7' },
		});
	});

	it.each([
		['contact.user.created', { type: 'contact', id: 'c' }, { contact: { type: 'contact', id: 'c' } }],
		['user.created', { type: 'user', id: 'u' }, { contact: { type: 'user', id: 'u' } }],
		['ticket.created', { type: 'ticket', id: 't' }, { ticket: { type: 'ticket', id: 't' } }],
		['ticket.closed', { type: 'conversation', ticket: { type: 'ticket', id: 't' } }, { ticket: { type: 'ticket', id: 't' } }],
		['company.created', { type: 'company', id: 'co' }, { company: { type: 'company', id: 'co' } }],
		['admin.away_mode_updated', { type: 'admin', id: '1' }, { admin: { type: 'admin', id: '1' } }],
		['article.deleted', { type: 'article', id: '9' }, { article: { type: 'article', id: '9' } }],
		['conversation_part.tag.created', { type: 'conversation_part', id: 'p' }, { part: { type: 'conversation_part', id: 'p' } }],
		['contact.unsubscribed', { type: 'subscription', id: 's' }, { subscription: { type: 'subscription', id: 's' } }],
		['ping', { type: 'ping', message: 'hi' }, { ping: { type: 'ping', message: 'hi' } }],
		['content_stat.email', { type: 'content_stat.email' }, { content_stat_email: { type: 'content_stat.email' } }],
		['something.new', { id: 'x' }, { item: { id: 'x' } }],
	])('%s → %j', (topic, item, expected) => {
		expect(objectFields(topic, item)).toEqual(expected);
	});

	it('spreads a contact tag into the contact and the tag', () => {
		const item = { type: 'contact_tag', created_at: 5, tag: { type: 'tag', id: '1', name: 'vip' }, contact: { type: 'contact', id: 'c' } };
		expect(objectFields('contact.user.tag.created', item)).toEqual({ contact: item.contact, tag: item.tag, tagged_at: 5 });
	});

	it.each([
		['not an object', []],
		['another type', { type: 'event', id: 'x', topic: 't', data: { item: {} } }],
		['no id', { type: 'notification_event', topic: 't', data: { item: {} } }],
		['no topic', { type: 'notification_event', id: 'x', data: { item: {} } }],
		['no item', { type: 'notification_event', id: 'x', topic: 't', data: {} }],
	])('refuses a body with %s', (_what, body) => {
		expect(readNotification(body)).toEqual({ problem: expect.any(String) });
	});
});

describe('the webhook secret credential check', () => {
	const check = (clientSecret: unknown) =>
		new IntercomWebhookTrigger().methods.credentialTest.intercomWebhookSecretTest.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'secret',
			type: 'intercomWebhookSecretApi',
			data: { clientSecret } as never,
		});

	it('accepts a pasted secret and says it cannot be checked against Intercom', async () => {
		await expect(check('a1b2c3d4e5f6')).resolves.toEqual({ status: 'OK', message: expect.stringContaining('send a test (ping)') });
	});

	it.each([[''], ['   '], ['abc def'], ['abc\ndef'], [undefined]])('refuses %j', async (secret) => {
		await expect(check(secret)).resolves.toMatchObject({ status: 'Error' });
	});
});
