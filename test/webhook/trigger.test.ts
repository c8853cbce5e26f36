/**
 * The Intercom Webhook Trigger through n8n-core's WebhookContext and WorkflowExecute (harness.ts),
 * fed by the sandbox's outgoing webhooks: what starts an execution, what does not, what the item
 * holds, and that each notification reaches the workflow once.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { presentContactDetail } from '../../sandbox/api/present-contacts';
import { presentConversation } from '../../sandbox/api/present-conversations';
import { signIntercomBody } from '../../nodes/IntercomWebhookTrigger/signature';
import { logLines, processedStore, WebhookHarness } from './harness';

const SECRET = 'sandbox-app-client-secret';
const secretCredential = { intercomWebhookSecretApi: { clientSecret: SECRET } };

let sb: RunningSandbox;
let harness: WebhookHarness | undefined;

beforeEach(async () => {
	sb = await startSandbox({ port: 0, seed: { seed: 5, contacts: 20, conversations: 5 } });
	logLines.length = 0;
	processedStore.tables.clear();
});

afterEach(async () => {
	await sb.sandbox.webhooks.idle();
	await harness?.close();
	harness = undefined;
	await sb.close();
});

async function listen(parameters: Record<string, unknown> = {}, credentials: Record<string, Record<string, unknown>> = secretCredential) {
	harness = await WebhookHarness.start({ parameters: { topics: [], ...parameters } as never, credentials: credentials as never });
	return harness;
}

async function subscribe(url: string, options: Record<string, unknown> = {}) {
	return await sb.sandbox.webhooks.subscribe({ url, topics: ['*'], clientSecret: SECRET, retryDelayMs: 0, ...options });
}

/** Lets the sandbox deliver everything and n8n run every execution it started. */
async function drain(h: WebhookHarness): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await sb.sandbox.webhooks.idle();
		await h.settled();
	}
}

async function createConversation(): Promise<string> {
	const contact = sb.workspace.contacts.all()[0];
	const res = await fetch(`${sb.baseUrl}/conversations`, {
		method: 'POST',
		headers: { authorization: `Bearer ${sb.token}`, 'intercom-version': '2.14', 'content-type': 'application/json' },
		body: JSON.stringify({ from: { type: 'user', id: contact.id }, body: 'Where is my invoice?' }),
	});
	expect(res.status).toBe(200);
	return String(((await res.json()) as { conversation_id: string }).conversation_id);
}

describe('Intercom Webhook Trigger in n8n-core', () => {
	it('answers the HEAD check with 200, so the subscription can be saved', async () => {
		const h = await listen();
		const res = await fetch(h.url, { method: 'HEAD' });
		expect(res.status).toBe(200);
		await expect(subscribe(h.url)).resolves.toMatchObject({ url: h.url });
		expect(h.executions).toEqual([]);
	});

	it('starts one execution per signed notification, with the item under its own name', async () => {
		const h = await listen({ topics: ['conversation.user.created'] });
		const subscription = await subscribe(h.url);
		const id = await createConversation();
		await drain(h);

		expect(h.executions).toHaveLength(1);
		const [item] = h.emitted();
		const [sent] = sb.sandbox.webhooks.notifications().filter((n) => n.topic === 'conversation.user.created');
		expect(item).toEqual({
			topic: 'conversation.user.created',
			notification_id: sent.id,
			app_id: sb.workspace.idCode,
			created_at: sent.body.created_at,
			created_at_iso: new Date(Number(sent.body.created_at) * 1000).toISOString(),
			delivery_attempts: 1,
			first_sent_at: sent.body.first_sent_at,
			conversation: presentConversation(sb.workspace, sb.workspace.conversations.get(id)!),
		});
		expect(sb.sandbox.webhooks.deliveries().filter((d) => d.subscriptionId === subscription.id).every((d) => d.status === 200)).toBe(true);
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('starts exactly one execution when Intercom delivers a notification three times', async () => {
		const h = await listen({ topics: ['contact.user.created'] });
		// Each repeat comes once n8n has finished what it started (Intercom repeats after a minute).
		sb.sandbox.webhooks.schedule = (callback) => void h.settled().then(callback);
		await subscribe(h.url, { duplicates: 2 });
		sb.activity.run({ newContacts: 1 });
		await drain(h);

		const deliveries = sb.sandbox.webhooks.deliveries().filter((d) => d.topic === 'contact.user.created');
		expect(deliveries.map((d) => [d.copy, d.status])).toEqual([
			[0, 200],
			[1, 200],
			[2, 200],
		]);
		expect(new Set(deliveries.map((d) => d.notificationId)).size).toBe(1);
		expect(h.executions).toHaveLength(1);
		const contactId = sb.workspace.changes.list({ kinds: ['contact.created'] })[0].id;
		expect(h.emitted()).toEqual([expect.objectContaining({ topic: 'contact.user.created', contact: presentContactDetail(sb.workspace, sb.workspace.contact(contactId)!) })]);
	});

	it('still remembers the notification after a restart of n8n', async () => {
		const first = await listen({ topics: ['contact.user.created'] });
		await subscribe(first.url);
		sb.activity.run({ newContacts: 1 });
		await drain(first);
		const [sent] = sb.sandbox.webhooks.notifications();
		const stored = first.storedStaticData;
		await first.close();

		// A new server process: the same database (static data, processed-data table), nothing in memory.
		harness = await WebhookHarness.start({ parameters: { topics: ['contact.user.created'] }, credentials: secretCredential });
		harness.storedStaticData = stored;
		const raw = JSON.stringify({ ...sent.body, delivery_attempts: 2 });
		const res = await fetch(harness.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, SECRET) }, body: raw });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'duplicate' });
		await harness.settled();
		expect(harness.executions).toEqual([]);
		expect(first.executions).toHaveLength(1);
	});

	it('lets an overlapping repeat through the door, but emits its item only once', async () => {
		const h = await listen({ topics: ['contact.user.created'] });
		let release!: () => void;
		h.hold = new Promise<void>((resolve) => (release = resolve));
		h.serial = true;
		await subscribe(h.url, { duplicates: 2 });
		sb.activity.run({ newContacts: 1 });
		await sb.sandbox.webhooks.idle();
		// All three deliveries arrived while the first execution had not finished.
		release();
		await h.settled();
		expect(h.executions).toHaveLength(3);
		expect(h.executions.map((e) => e.items.length).sort()).toEqual([0, 0, 1]);
		expect(h.emitted()).toHaveLength(1);
	});

	it('keeps every record of a burst whose executions run at the same moment', async () => {
		// n8n's processed-data row is read, changed and written back without a lock (the harness's
		// store does the same): simultaneous executions overwrite each other's ids, and the trigger's
		// confirmation rounds write them again.
		const h = await listen({ topics: ['conversation.user.created'] });
		let release!: () => void;
		h.hold = new Promise<void>((resolve) => (release = resolve));
		await subscribe(h.url);
		sb.activity.run({ newConversations: 5 });
		await sb.sandbox.webhooks.idle();
		release();
		await h.settled();
		const ids = sb.sandbox.webhooks.notifications().map((n) => n.id);
		expect(h.emitted().map((i) => i.notification_id).sort()).toEqual([...ids].sort());
		expect([...(processedStore.tables.values().next().value ?? [])].sort()).toEqual([...ids].sort());

		// Every repeat now reaches the workflow's nodes no more (the door may still open: static
		// data has the same lost writes, and n8n saves it only when each execution ends).
		for (const n of sb.sandbox.webhooks.notifications()) {
			const raw = JSON.stringify({ ...n.body, delivery_attempts: 2 });
			const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, SECRET) }, body: raw });
			expect(res.status).toBe(200);
		}
		await h.settled();
		expect(h.emitted()).toHaveLength(5);
	});

	it('retries a failed delivery with the same id and starts one execution', async () => {
		const h = await listen({ topics: ['contact.user.created'] });
		sb.sandbox.webhooks.schedule = (callback) => void h.settled().then(callback);
		await subscribe(h.url);
		h.failNext = { count: 1, status: 503 };
		sb.activity.run({ newContacts: 1 });
		await drain(h);
		const deliveries = sb.sandbox.webhooks.deliveries();
		expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 503],
			[2, 200],
		]);
		expect(deliveries[0].notificationId).toBe(deliveries[1].notificationId);
		expect(h.emitted()).toEqual([expect.objectContaining({ delivery_attempts: 2, notification_id: deliveries[0].notificationId })]);
	});

	it('answers 401 to a wrong signature, starts nothing, and logs it without the body', async () => {
		const h = await listen();
		await subscribe(h.url, { clientSecret: 'not-the-app-secret' });
		sb.activity.run({ newContacts: 1 });
		await drain(h);
		expect(sb.sandbox.webhooks.deliveries().map((d) => [d.attempt, d.status])).toEqual([
			[1, 401],
			[2, 401],
		]);
		expect(h.executions).toEqual([]);
		const rejections = logLines.filter((l) => l.level === 'warn');
		expect(rejections).toHaveLength(2);
		for (const line of rejections) {
			expect(line.message).toContain('does not match the body and the client secret');
			expect(line.message).toContain('no execution started');
			expect(line.metadata).toMatchObject({ reason: 'mismatch', node: 'Intercom Webhook Trigger' });
			const logged = JSON.stringify(line);
			expect(logged).not.toContain('notification_event');
			expect(logged).not.toContain(SECRET);
		}
	});

	it.each([
		['no header', undefined, 'no X-Hub-Signature header'],
		['a malformed header', 'sha1=1234', 'not sha1=<40 hex digits>'],
		['a body changed after signing', 'changed', 'does not match'],
	])('answers 401 to %s', async (_what, signature, logged) => {
		const h = await listen();
		const raw = JSON.stringify({ type: 'notification_event', id: 'notif_x', topic: 'ping', app_id: 'a', data: { item: { type: 'ping' } } });
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (signature === 'changed') headers['x-hub-signature'] = signIntercomBody(raw.replace('notif_x', 'notif_y'), SECRET);
		else if (signature) headers['x-hub-signature'] = signature;
		const res = await fetch(h.url, { method: 'POST', headers, body: raw });
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ error: 'invalid or missing X-Hub-Signature' });
		await h.settled();
		expect(h.executions).toEqual([]);
		expect(logLines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([expect.stringContaining(logged)]);
	});

	it('accepts a signed body over 1 MB', async () => {
		const h = await listen();
		const raw = JSON.stringify({
			type: 'notification_event',
			id: 'notif_big',
			topic: 'conversation.user.replied',
			app_id: 'a',
			created_at: 1700000000,
			data: { type: 'notification_event_data', item: { type: 'conversation', id: '9', body: 'é'.repeat(600_000) } },
		});
		expect(Buffer.byteLength(raw)).toBeGreaterThan(1024 * 1024);
		const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, SECRET) }, body: raw });
		expect(res.status).toBe(200);
		await h.settled();
		expect(h.emitted()).toEqual([expect.objectContaining({ notification_id: 'notif_big', conversation: expect.objectContaining({ id: '9' }) })]);
	});

	it('ignores topics and apps not selected, answering 200', async () => {
		const h = await listen({ topics: ['conversation.user.created'], options: { appIds: 'other-app, third' } });
		await subscribe(h.url);
		sb.activity.run({ newContacts: 1, newConversations: 1 });
		await drain(h);
		expect(sb.sandbox.webhooks.deliveries().length).toBeGreaterThanOrEqual(2);
		expect(sb.sandbox.webhooks.deliveries().every((d) => d.status === 200)).toBe(true);
		expect(h.executions).toEqual([]);
	});

	it('takes the notifications of the selected app', async () => {
		const h = await listen({ topics: ['conversation.user.created'], options: { appIds: `other-app, ${sb.workspace.idCode}` } });
		await subscribe(h.url);
		sb.activity.run({ newConversations: 2 });
		await drain(h);
		expect(h.emitted().map((i) => i.app_id)).toEqual([sb.workspace.idCode, sb.workspace.idCode]);
	});

	it('reads the client secret from the OAuth2 credential', async () => {
		const h = await listen(
			{ secretSource: 'oAuth2', topics: ['ping'] },
			{ intercomOAuth2Api: { clientId: 'sandbox-client-id', clientSecret: SECRET, region: 'custom', baseUrl: sb.baseUrl, oauthTokenData: { access_token: 't' } } },
		);
		const subscription = await subscribe(h.url);
		sb.sandbox.webhooks.ping(subscription.id);
		await drain(h);
		expect(h.emitted()).toEqual([expect.objectContaining({ topic: 'ping', ping: expect.objectContaining({ type: 'ping' }) })]);
	});

	it('accepts unsigned requests only when verification is turned off', async () => {
		const h = await listen({ verifySignature: false }, {});
		const raw = JSON.stringify({ type: 'notification_event', id: 'notif_u', topic: 'ping', app_id: 'a', data: { item: { type: 'ping' } } });
		const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
		expect(res.status).toBe(200);
		await h.settled();
		expect(h.emitted()).toEqual([expect.objectContaining({ notification_id: 'notif_u' })]);
	});

	it('answers 400 to a signed body that is not a notification, and starts nothing', async () => {
		const h = await listen();
		const raw = JSON.stringify({ hello: 'world' });
		const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, SECRET) }, body: raw });
		expect(res.status).toBe(400);
		await h.settled();
		expect(h.executions).toEqual([]);
	});

	it('fails clearly when the credential holds no client secret', async () => {
		const h = await listen({}, { intercomWebhookSecretApi: { clientSecret: '  ' } });
		const raw = JSON.stringify({ type: 'notification_event', id: 'n', topic: 'ping', data: { item: { type: 'ping' } } });
		const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, '') }, body: raw });
		expect(res.status).toBe(500);
		expect(((await res.json()) as { error: string }).error).toBe('The Intercom Webhook Secret credential has no client secret');
		expect(h.executions).toEqual([]);
	});

	it('test runs (the test URL) remember nothing, so the live workflow still gets the notification', async () => {
		harness = await WebhookHarness.start({ parameters: { topics: [] }, credentials: secretCredential, mode: 'manual' });
		const raw = JSON.stringify({ type: 'notification_event', id: 'notif_t', topic: 'ping', app_id: 'a', data: { item: { type: 'ping' } } });
		const send = () => fetch(harness!.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': signIntercomBody(raw, SECRET) }, body: raw });
		expect((await send()).status).toBe(200);
		expect((await send()).status).toBe(200);
		await harness.settled();
		expect(harness.emitted()).toHaveLength(2);
		expect(harness.storedStaticData).toBe('{}');
		expect([...processedStore.tables.values()].flat()).toEqual([]);
	});
});
