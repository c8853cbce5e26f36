/**
 * The sandbox's data events, outbound messages, visitors and data attributes, over HTTP: each
 * answers in the shape the spec describes and behaves as Intercom documents, and requests that
 * break the spec are told apart from those that do not.
 */
import { formatProblems, loadSpec, RunningSandbox, startSandbox, validateSchema } from '../../sandbox';
import { createVisitor } from '../../sandbox/store/visitor-ops';
import { call, shapeProblems } from './helpers';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 60, conversations: 0, articles: 0, companies: 2 } });
});
afterAll(async () => await sb.close());
afterEach(() => sb.log.clear());

const user = () => sb.workspace.contacts.all().find((c) => c.role === 'user' && c.external_id && c.email)!;
const lead = () => sb.workspace.contacts.all().find((c) => c.role === 'lead')!;
const admin = () => [...sb.workspace.admins.values()][0];

describe('data events', () => {
	it('stores events per contact, found by id, user_id or email, and lists them newest first in pages', async () => {
		const contact = user();
		sb.workspace.dataEvents.delete(contact.id);
		const now = sb.workspace.now();
		const submissions = [
			{ id: contact.id, event_name: 'Ordered.Item', created_at: now - 300, metadata: { order: 'A-1', total: 12.5, price: { amount: 1250, currency: 'eur' } } },
			{ user_id: contact.external_id, event_name: 'ordered-item', created_at: now - 200 },
			{ email: contact.email.toUpperCase(), event_name: 'viewed-pricing', created_at: now - 100 },
		];
		for (const body of submissions) {
			const res = await call(sb, 'POST', '/events', body);
			expect(res.status).toBe(202);
			expect(res.text).toBe('');
		}
		// (contact, name, created_at) repeats are accepted and ignored, as Intercom does.
		expect((await call(sb, 'POST', '/events', submissions[1])).status).toBe(202);

		const first = await call(sb, 'GET', `/events?type=user&intercom_user_id=${contact.id}&per_page=2`);
		expect(first.status).toBe(200);
		// The plain list is the spec's data_event_list (the operation's declared answer is the summary's).
		expect(formatProblems(validateSchema(first.json, { $ref: '#/schemas/data_event_list' }, { schemas: loadSpec().schemas }))).toEqual([]);
		expect(first.json.events.map((e: { event_name: string }) => e.event_name)).toEqual(['viewed-pricing', 'ordered-item']);
		expect(first.json.events[0]).toMatchObject({ type: 'event', intercom_user_id: contact.id, user_id: contact.external_id, email: contact.email });
		const next = new URL(first.json.pages.next);
		expect(next.searchParams.get('intercom_user_id')).toBe(contact.id);

		const second = await call(sb, 'GET', `/events?${next.searchParams.toString()}`);
		expect(second.json.events).toEqual([
			expect.objectContaining({ event_name: 'ordered-item', created_at: now - 300, metadata: { order: 'A-1', total: 12.5, price: { amount: 1250, currency: 'eur' } } }),
		]);
		expect(second.json.pages).toEqual({});

		const summary = await call(sb, 'GET', `/events?type=user&user_id=${encodeURIComponent(String(contact.external_id))}&summary=true`);
		expect(shapeProblems('GET /events', 200, summary.json)).toEqual([]);
		expect(summary.json.events).toEqual([
			{ name: 'ordered-item', count: 2, first: new Date((now - 300) * 1000).toISOString(), last: new Date((now - 200) * 1000).toISOString(), description: '' },
			{ name: 'viewed-pricing', count: 1, first: new Date((now - 100) * 1000).toISOString(), last: new Date((now - 100) * 1000).toISOString(), description: '' },
		]);
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('adds submitted summaries to the counts, and keeps only the first 10 metadata keys', async () => {
		const contact = user();
		sb.workspace.dataEvents.delete(contact.id);
		const res = await call(sb, 'POST', '/events/summaries', { user_id: contact.external_id, event_summaries: { event_name: 'logged-in', count: 40, first: 1700000000, last: 1710000000 } });
		expect(res.status).toBe(200);
		await call(sb, 'POST', '/events/summaries', { user_id: contact.external_id, event_summaries: { event_name: 'logged-in', count: 2, first: 1690000000, last: 1720000000 } });
		expect(sb.workspace.dataEvents.get(contact.id)?.summaries.get('logged-in')).toEqual({ name: 'logged-in', count: 42, first: 1690000000, last: 1720000000 });

		const metadata = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, `v${i}`]));
		await call(sb, 'POST', '/events', { id: contact.id, event_name: 'big', created_at: sb.workspace.now(), metadata });
		expect(Object.keys(sb.workspace.dataEvents.get(contact.id)!.events[0].metadata)).toHaveLength(10);
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('answers 404 for an unknown contact, and flags a list without an identifier or with two', async () => {
		expect((await call(sb, 'POST', '/events', { user_id: 'nobody', event_name: 'x', created_at: 1700000000 })).json.errors[0]).toMatchObject({ code: 'not_found', message: 'User Not Found' });
		const none = await call(sb, 'GET', '/events?type=user');
		expect(none.status).toBe(400);
		// Two identifiers: Intercom answers for one of them, but the spec allows only one.
		await call(sb, 'GET', `/events?type=user&user_id=a&email=b%40c.d`);
		expect(sb.log.nonConformant().map((r) => r.verdict.problems.join('; '))).toEqual([
			expect.stringContaining('query.filter: matches none of 3 alternatives'),
			expect.stringContaining('is not declared by the spec'),
		]);
		sb.log.clear();
		// Metadata beyond key/value is not what the API describes.
		await call(sb, 'POST', '/events', { id: user().id, event_name: 'x', created_at: 1700000000, metadata: { nested: { a: { b: 1 } } } });
		expect(sb.log.nonConformant()).toHaveLength(1);
	});
});

describe('outbound messages', () => {
	it('creates a conversation from an admin in-app message, out of the inbox until the contact replies', async () => {
		const contact = user();
		const res = await call(sb, 'POST', '/messages', { message_type: 'in_app', body: 'Welcome aboard', from: { type: 'admin', id: Number(admin().id) }, to: { type: 'user', id: contact.id } });
		expect(res.status).toBe(200);
		expect(shapeProblems('POST /messages', 200, res.json)).toEqual([]);
		expect(res.json).toMatchObject({ type: 'admin_message', body: 'Welcome aboard', message_type: 'inapp', owner: { id: admin().id } });
		const conversation = sb.workspace.conversations.get(res.json.conversation_id)!;
		expect(conversation).toMatchObject({ state: 'closed', contactIds: [contact.id] });
		expect(conversation.source).toMatchObject({ id: res.json.id, delivered_as: 'admin_initiated', type: 'conversation', body: 'Welcome aboard' });
		const reply = await call(sb, 'POST', `/conversations/${conversation.id}/reply`, { message_type: 'comment', type: 'user', intercom_user_id: contact.id, body: 'Thanks!' });
		expect(reply.status).toBe(200);
		expect(sb.workspace.conversations.get(conversation.id)?.state).toBe('open');
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('sends email with a subject and template, opened at once when asked', async () => {
		const contact = user();
		const res = await call(sb, 'POST', '/messages', {
			message_type: 'email', subject: 'Your trial', body: '<p>Hi</p>', template: 'plain',
			from: { type: 'admin', id: Number(admin().id) }, to: { type: 'user', id: contact.id }, create_conversation_without_contact_reply: true,
		});
		expect(res.json).toMatchObject({ message_type: 'email', subject: 'Your trial' });
		expect(sb.workspace.conversations.get(res.json.conversation_id)).toMatchObject({ state: 'open', source: { type: 'email', subject: 'Your trial' } });
	});

	it('refuses what Intercom refuses: no body, email without subject, a recipient of the wrong role', async () => {
		const from = { type: 'admin', id: Number(admin().id) };
		const noBody = await call(sb, 'POST', '/messages', { message_type: 'in_app', body: ' ', from, to: { type: 'user', id: user().id } });
		expect([noBody.status, noBody.json.errors[0].message]).toEqual([400, 'Body is required']);
		const noSubject = await call(sb, 'POST', '/messages', { message_type: 'email', body: 'x', template: 'plain', subject: '', from, to: { type: 'user', id: user().id } });
		expect([noSubject.status, noSubject.json.errors[0].message]).toEqual([422, 'No subject supplied for email message']);
		const wrongRole = await call(sb, 'POST', '/messages', { message_type: 'in_app', body: 'x', from, to: { type: 'user', id: lead().id } });
		expect(wrongRole.status).toBe(404);
	});
});

describe('visitors', () => {
	it('gets by user_id, updates, and converts a visitor into a new user or into an existing one', async () => {
		const ws = sb.workspace;
		const visitor = createVisitor(ws, { pseudonym: 'Teal Kettle' });
		const got = await call(sb, 'GET', `/visitors?user_id=${visitor.user_id}`);
		expect(shapeProblems('GET /visitors', 200, got.json)).toEqual([]);
		expect(got.json).toMatchObject({ type: 'visitor', id: visitor.id, user_id: visitor.user_id, anonymous: true, pseudonym: 'Teal Kettle' });

		const updated = await call(sb, 'PUT', '/visitors', { user_id: visitor.user_id, name: 'Sam Visitor', custom_attributes: { plan_interest: 'pro' } });
		expect(updated.json).toMatchObject({ name: 'Sam Visitor', custom_attributes: { plan_interest: 'pro' } });

		const converted = await call(sb, 'POST', '/visitors/convert', { type: 'user', user: { user_id: 'crm-77', email: 'sam@example.com' }, visitor: { user_id: visitor.user_id } });
		expect(shapeProblems('POST /visitors/convert', 200, converted.json)).toEqual([]);
		expect(converted.json).toMatchObject({ type: 'contact', role: 'user', external_id: 'crm-77', email: 'sam@example.com', name: 'Sam Visitor', custom_attributes: { plan_interest: 'pro' } });
		expect((await call(sb, 'GET', `/visitors?user_id=${visitor.user_id}`)).status).toBe(404);

		// The Messenger's side, through the control API: a visitor arrives, and is listed.
		const arrived = await (await fetch(`${sb.baseUrl}/__sandbox/visitors`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'From the Messenger' }) })).json() as { user_id: string };
		const listed = await (await fetch(`${sb.baseUrl}/__sandbox/visitors`)).json() as { visitors: Array<{ user_id: string }> };
		expect(listed.visitors.map((v) => v.user_id)).toContain(arrived.user_id);
		expect((await call(sb, 'GET', `/visitors?user_id=${arrived.user_id}`)).json.name).toBe('From the Messenger');

		const second = createVisitor(ws, { name: 'Returning', custom_attributes: { landing_page: '/docs' } });
		const existing = user();
		const merged = await call(sb, 'POST', '/visitors/convert', { type: 'user', user: { id: existing.id }, visitor: { id: second.id } });
		expect(merged.json).toMatchObject({ id: existing.id, custom_attributes: expect.objectContaining({ landing_page: '/docs' }) });
		expect(ws.visitors.has(second.id)).toBe(false);
		expect(sb.log.nonConformant()).toEqual([]);
	});
});

describe('data attributes', () => {
	it('creates and updates custom attributes, with the refusals Intercom documents', async () => {
		const created = await call(sb, 'POST', '/data_attributes', { name: 'Seat Band', model: 'company', data_type: 'options', options: [{ value: '1-10' }, { value: '11-50' }] });
		expect(shapeProblems('POST /data_attributes', 200, created.json)).toEqual([]);
		expect(created.json).toMatchObject({ type: 'data_attribute', name: 'Seat Band', model: 'company', data_type: 'string', options: ['1-10', '11-50'], custom: true });

		const again = await call(sb, 'POST', '/data_attributes', { name: 'seat band', model: 'contact', data_type: 'string' });
		expect(again.json.errors[0].message).toBe("You already have 'Seat Band' in your company data. To save this as new people data, use a different name.");
		const badName = await call(sb, 'POST', '/data_attributes', { name: '!nv@l!d', model: 'contact', data_type: 'string' });
		expect(badName.status).toBe(400);

		const updated = await call(sb, 'PUT', `/data_attributes/${created.json.id}`, { description: 'Company size band', options: [{ value: '1-10' }, { value: '11-50' }, { value: '51+' }], archived: true });
		expect(updated.json).toMatchObject({ description: 'Company size band', options: ['1-10', '11-50', '51+'], archived: true });
		const listed = await call(sb, 'GET', '/data_attributes?model=company&include_archived=true');
		expect(listed.json.data.map((a: { name: string }) => a.name)).toContain('Seat Band');
		const missing = await call(sb, 'PUT', '/data_attributes/999999', { description: 'x' });
		expect([missing.status, missing.json.errors[0].code]).toEqual([404, 'field_not_found']);
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
