/**
 * The sandbox's outgoing webhooks on their own: subscriptions, Intercom's envelope and signature,
 * one notification per change (API calls, simulated activity, control API), retries with the same
 * id, duplicates and delays, and the control routes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { verifyIntercomSignature } from '../../nodes/IntercomWebhookTrigger/signature';

const SECRET = 'receiver-secret';

interface Received {
	method: string;
	headers: IncomingMessage['headers'];
	raw: Buffer;
	body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An endpoint that records what it receives and answers with `answer()` (or never, for 'hang'). */
/** Every receiver a test opened, closed after it whatever happened (an open server keeps jest alive). */
const openReceivers: Array<{ close: () => Promise<void> }> = [];

async function receiver(answer: (r: Received) => number | 'hang' = () => 200) {
	const received: Received[] = [];
	const server: Server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const r: Received = { method: String(req.method), headers: req.headers, raw, body: raw.length ? JSON.parse(raw.toString()) : {} };
		if (r.method === 'POST') received.push(r);
		const status = answer(r);
		if (status !== 'hang') res.writeHead(status).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const opened = {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		topics: () => received.map((r) => r.body.topic as string),
		close: () =>
			new Promise<void>((resolve) => {
				if (!server.listening) return resolve();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
	openReceivers.push(opened);
	return opened;
}

let sb: RunningSandbox;
beforeEach(async () => {
	sb = await startSandbox({ port: 0, seed: { seed: 9, contacts: 10, conversations: 4, articles: 2 } });
});
afterEach(async () => {
	await Promise.all(openReceivers.splice(0).map((r) => r.close()));
	await sb.sandbox.webhooks.idle();
	await sb.close();
});

async function api(method: string, path: string, body?: unknown) {
	const res = await fetch(`${sb.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${sb.token}`, 'intercom-version': '2.14', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(res.status).toBeLessThan(300);
	return (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('sandbox outgoing webhooks', () => {
	it('notifies ticket creation, replies, notes, assignment and state changes under Intercom\'s ticket topics', async () => {
		const r = await receiver();
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET });
		const type = [...sb.workspace.ticketTypes.values()].find((t) => t.category === 'Customer')!;
		const contact = sb.workspace.contacts.all().find((c) => c.role === 'user')!;
		const admin = [...sb.workspace.admins.keys()][0];
		const ticket = await api('POST', '/tickets', { ticket_type_id: type.id, contacts: [{ id: contact.id }], ticket_attributes: { _default_title_: 'Broken' } });
		await api('POST', `/tickets/${ticket.id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: contact.id, body: 'More detail' });
		await api('POST', `/tickets/${ticket.id}/reply`, { type: 'admin', message_type: 'comment', admin_id: admin, body: 'On it' });
		await api('POST', `/tickets/${ticket.id}/reply`, { type: 'admin', message_type: 'note', admin_id: admin, body: 'Internal' });
		await api('PUT', `/tickets/${ticket.id}`, { admin_id: Number(admin), assignee_id: admin });
		await api('PUT', `/tickets/${ticket.id}`, { open: false });
		await sb.sandbox.webhooks.idle();
		// Deliveries run concurrently, so their arrival order is not the order of the changes.
		const forTicket = r.received.filter((x) => x.body.data.item.id === ticket.id).map((x) => x.body.topic as string);
		await r.close();
		expect(forTicket.sort()).toEqual([
			'ticket.admin.assigned',
			'ticket.admin.replied',
			'ticket.contact.replied',
			'ticket.created',
			'ticket.note.created',
			'ticket.resolved',
			'ticket.state.updated',
		]);
		for (const x of r.received) expect(verifyIntercomSignature(x.raw, String(x.headers['x-hub-signature']), SECRET)).toMatchObject({ valid: true });
	});

	it('checks the URL with HEAD before saving a subscription, as Intercom does', async () => {
		const refusing = await receiver((r) => (r.method === 'HEAD' ? 404 : 200));
		await expect(sb.sandbox.webhooks.subscribe({ url: refusing.url, topics: ['*'], clientSecret: SECRET })).rejects.toThrow(
			'the endpoint URL did not answer the HEAD check with 2xx (404)',
		);
		const res = await fetch(`${sb.baseUrl}/__sandbox/webhooks`, { method: 'POST', body: JSON.stringify({ url: refusing.url, topics: ['*'], clientSecret: SECRET }) });
		expect(res.status).toBe(400);
		expect(sb.sandbox.webhooks.list()).toEqual([]);
		await refusing.close();
	});

	it('sends Intercom\'s envelope, signed over the exact body with the client secret', async () => {
		const r = await receiver();
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['contact.user.created'], clientSecret: SECRET });
		const contact = await api('POST', '/contacts', { role: 'user', email: 'new.user@example.com' });
		await sb.sandbox.webhooks.idle();
		expect(r.received).toHaveLength(1);
		const [got] = r.received;
		expect(got.headers['content-type']).toBe('application/json');
		expect(verifyIntercomSignature(got.raw, got.headers['x-hub-signature'], SECRET)).toEqual({ valid: true });
		expect(verifyIntercomSignature(got.raw, got.headers['x-hub-signature'], 'other')).toEqual({ valid: false, reason: 'mismatch' });
		expect(got.body).toMatchObject({
			type: 'notification_event',
			topic: 'contact.user.created',
			app_id: sb.workspace.idCode,
			id: expect.stringMatching(/^notif_/),
			delivery_attempts: 1,
			created_at: sb.clock.nowSeconds(),
			first_sent_at: sb.clock.nowSeconds(),
			data: { type: 'notification_event_data', item: { ...contact } },
		});
		await r.close();
	});

	it('notifies each API change under Intercom\'s topic, and nothing for topics not subscribed', async () => {
		const r = await receiver();
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET });
		const lead = await api('POST', '/contacts', { role: 'lead', name: 'Lee' });
		await api('PUT', `/contacts/${lead.id}`, { name: 'Lee Ann' });
		const tag = await api('POST', '/tags', { name: 'vip' });
		await api('POST', `/contacts/${lead.id}/tags`, { id: tag.id });
		const conversation = [...sb.workspace.conversations.all()].find((c) => c.state === 'open')!;
		const admin = [...sb.workspace.admins.values()][0];
		await api('POST', `/conversations/${conversation.id}/reply`, { message_type: 'comment', type: 'admin', admin_id: admin.id, body: 'Hi' });
		await api('POST', `/conversations/${conversation.id}/reply`, { message_type: 'note', type: 'admin', admin_id: admin.id, body: 'Note' });
		await api('POST', `/conversations/${conversation.id}/parts`, { message_type: 'close', type: 'admin', admin_id: admin.id });
		await api('DELETE', `/contacts/${lead.id}`);
		await sb.sandbox.webhooks.idle();
		// Each notification is its own POST, as with Intercom: they may arrive in any order.
		expect(r.topics().sort()).toEqual(
			[
				'contact.lead.created',
				'contact.lead.updated',
				'contact.lead.tag.created',
				'conversation.admin.replied',
				'conversation.admin.noted',
				'conversation.admin.closed',
				'contact.deleted',
			].sort(),
		);
		const item = (topic: string) => r.received.find((x) => x.body.topic === topic)?.body.data.item;
		expect(item('contact.lead.tag.created')).toMatchObject({ type: 'contact_tag', tag: { type: 'tag', id: tag.id, name: 'vip' }, contact: { id: lead.id } });
		expect(item('contact.deleted')).toEqual({ type: 'contact', id: lead.id });
		expect(new Set(r.received.map((x) => x.body.id)).size).toBe(7);
		expect(sb.log.nonConformant()).toEqual([]);
		await r.close();
	});

	it('notifies the simulated activity and control-API changes too, for the subscribed topics only', async () => {
		const r = await receiver();
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['conversation.user.created', 'conversation.user.replied'], clientSecret: SECRET });
		const result = sb.activity.run({ newConversations: 2, userReplies: 1, newContacts: 3 });
		await fetch(`${sb.baseUrl}/__sandbox/activity`, { method: 'POST', body: JSON.stringify({ newConversations: 1 }) });
		await sb.sandbox.webhooks.idle();
		expect(r.topics().sort()).toEqual(['conversation.user.created', 'conversation.user.created', 'conversation.user.created', 'conversation.user.replied']);
		const created = r.received.filter((x) => x.body.topic === 'conversation.user.created').map((x) => x.body.data.item.id);
		expect(created.slice(0, 2)).toEqual(result.conversations);
		await r.close();
	});

	it('sends nothing for another workspace\'s changes', async () => {
		const r = await receiver();
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET });
		sb.sandbox.addWorkspace({ idCode: 'other', seed: false });
		sb.activity.run({ newContacts: 2 }, sb.workspaceById('other'));
		await sb.sandbox.webhooks.idle();
		expect(r.received).toEqual([]);
		await r.close();
	});

	it('retries a non-2xx answer with the same id and delivery_attempts + 1, up to maxAttempts', async () => {
		let calls = 0;
		const r = await receiver((x) => (x.method === 'HEAD' ? 200 : ++calls < 3 ? 500 : 200));
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['contact.user.created'], clientSecret: SECRET, retryDelayMs: 0, maxAttempts: 3 });
		sb.activity.run({ newContacts: 1 });
		await sb.sandbox.webhooks.idle();
		expect(r.received.map((x) => x.body.delivery_attempts)).toEqual([1, 2, 3]);
		expect(new Set(r.received.map((x) => x.body.id)).size).toBe(1);
		// Each attempt is signed for its own body.
		for (const x of r.received) expect(verifyIntercomSignature(x.raw, x.headers['x-hub-signature'], SECRET)).toEqual({ valid: true });
		expect(sb.sandbox.webhooks.deliveries().map((d) => d.status)).toEqual([500, 500, 200]);
		expect(sb.sandbox.webhooks.notifications()[0].delivered).toBe(true);
		await r.close();
	});

	it('retries once by default, as Intercom does, then gives up', async () => {
		const r = await receiver((x) => (x.method === 'HEAD' ? 200 : 503));
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET, retryDelayMs: 0 });
		sb.activity.run({ newContacts: 1 });
		await sb.sandbox.webhooks.idle();
		expect(r.received.map((x) => x.body.delivery_attempts)).toEqual([1, 2]);
		expect(sb.sandbox.webhooks.notifications()[0].delivered).toBe(false);
		await r.close();
	});

	it('retries an attempt that gets no answer in time', async () => {
		let calls = 0;
		const r = await receiver((x) => (x.method === 'HEAD' ? 200 : ++calls === 1 ? 'hang' : 200));
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET, retryDelayMs: 0, timeoutMs: 200 });
		sb.activity.run({ newContacts: 1 });
		await sb.sandbox.webhooks.idle();
		const deliveries = sb.sandbox.webhooks.deliveries();
		expect(deliveries.map((d) => [d.attempt, d.status, d.error])).toEqual([
			[1, null, 'no answer within 200 ms'],
			[2, 200, undefined],
		]);
		await r.close();
	});

	it('delivers duplicates as identical bytes and signature, and holds deliveries back when told', async () => {
		const r = await receiver();
		const waits: number[] = [];
		sb.sandbox.webhooks.schedule = (callback, ms) => {
			waits.push(ms);
			setImmediate(callback);
		};
		await sb.sandbox.webhooks.subscribe({ url: r.url, topics: ['*'], clientSecret: SECRET, duplicates: 2, delayMs: 1500, duplicateDelayMs: 250 });
		sb.activity.run({ newContacts: 1 });
		await sb.sandbox.webhooks.idle();
		expect(waits).toEqual([1500, 250, 250]);
		expect(r.received).toHaveLength(3);
		expect(r.received[1].raw.equals(r.received[0].raw)).toBe(true);
		expect(r.received[2].headers['x-hub-signature']).toBe(r.received[0].headers['x-hub-signature']);
		expect(sb.sandbox.webhooks.deliveries().map((d) => d.copy)).toEqual([0, 1, 2]);
		await r.close();
	});

	it('is driven through the control API: subscribe, list without secrets, ping, deliveries, delete', async () => {
		const r = await receiver();
		const control = async (method: string, path: string, body?: unknown) => {
			const res = await fetch(`${sb.baseUrl}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
			return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
		};
		const created = await control('POST', 'webhooks', { url: r.url, topics: ['conversation.user.created'], clientSecret: SECRET });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ id: expect.stringMatching(/^sub_/), topics: ['conversation.user.created', 'ping'], workspace: sb.workspace.idCode });
		expect(JSON.stringify((await control('GET', 'webhooks')).body)).not.toContain(SECRET);
		const ping = await control('POST', 'webhooks/ping', { id: created.body.id });
		expect(ping.body).toMatchObject({ topic: 'ping' });
		await control('POST', 'webhooks/notify', { topic: 'conversation.user.created', item: { type: 'conversation', id: 'x1' } });
		await control('POST', 'webhooks/idle');
		expect(r.topics()).toEqual(['ping', 'conversation.user.created']);
		const deliveries = await control('GET', 'webhooks/deliveries?since=1');
		expect(deliveries.body.deliveries).toEqual([expect.objectContaining({ seq: 2, topic: 'conversation.user.created', status: 200 })]);
		expect((await control('GET', 'webhooks/notifications')).body.notifications).toHaveLength(2);
		expect((await control('DELETE', `webhooks?id=${created.body.id}`)).body).toEqual({ deleted: true });
		sb.activity.run({ newConversations: 1 });
		await sb.sandbox.webhooks.idle();
		expect(r.received).toHaveLength(2);
		await r.close();
	});
});
