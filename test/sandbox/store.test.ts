/**
 * Store semantics: timestamps, conversation parts and states, statistics,
 * merges, archive/block, and the change log every mutation writes.
 */
import { RunningSandbox, SandboxClock, startSandbox } from '../../sandbox';
import { seedWorkspace } from '../../sandbox/seed';
import { Workspace } from '../../sandbox/store/workspace';
import { call } from './helpers';

describe('workspace store', () => {
	let sb: RunningSandbox;
	const clock = new SandboxClock();
	const T0 = 1_750_000_000;

	beforeAll(async () => {
		clock.freezeAt(T0);
		sb = await startSandbox({ port: 0, clock, seed: { contacts: 40, conversations: 10 } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('maintains created_at / updated_at from the injectable clock and logs changes', async () => {
		const created = await call(sb, 'POST', '/contacts', { email: 'clock@example.com', role: 'user' });
		expect(created.json).toMatchObject({ created_at: T0, updated_at: T0 });
		expect(created.json.id).toMatch(/^[0-9a-f]{24}$/);
		clock.advanceSeconds(90);
		const updated = await call(sb, 'PUT', `/contacts/${created.json.id}`, { name: 'Clock' });
		expect(updated.json).toMatchObject({ created_at: T0, updated_at: T0 + 90, name: 'Clock' });
		const changes = sb.workspace.changes.list({ kinds: ['contact'] }).filter((c) => c.id === created.json.id);
		expect(changes.map((c) => [c.kind, c.at])).toEqual([['contact.created', T0], ['contact.updated', T0 + 90]]);
	});

	it('appends conversation parts, moves state, statistics and updated_at on every part', async () => {
		const ws = sb.workspace;
		const admin = ws.meAdmin().id;
		const contact = ws.contacts.all().find((c) => c.role === 'user' && c.email)!;
		const started = await call(sb, 'POST', '/conversations', { from: { type: 'user', id: contact.id }, body: 'Hi' });
		const id = started.json.conversation_id;
		expect(id).toMatch(/^\d+$/);
		const step = async (body: Record<string, unknown>, path = 'reply') => {
			clock.advanceSeconds(60);
			const res = await call(sb, 'POST', `/conversations/${id}/${path}`, body);
			expect(res.status).toBe(200);
			return res.json;
		};
		let c = await step({ message_type: 'comment', type: 'admin', admin_id: admin, body: 'Hello' });
		expect(c.state).toBe('open');
		expect(c.statistics.first_admin_reply_at).toBe(clock.nowSeconds());
		c = await step({ message_type: 'note', type: 'admin', admin_id: admin, body: 'internal' });
		c = await step({ message_type: 'assignment', type: 'admin', admin_id: admin, assignee_id: admin }, 'parts');
		expect(c.admin_assignee_id).toBe(Number(admin));
		c = await step({ message_type: 'close', type: 'admin', admin_id: admin }, 'parts');
		expect(c).toMatchObject({ state: 'closed', open: false });
		c = await step({ message_type: 'comment', type: 'user', email: contact.email, body: 'One more thing' });
		expect(c.state).toBe('open');
		expect(c.statistics.count_reopens).toBe(1);
		const until = clock.nowSeconds() + 3600;
		c = await step({ message_type: 'snoozed', admin_id: admin, snoozed_until: until }, 'parts');
		expect(c).toMatchObject({ state: 'snoozed', snoozed_until: until });
		c = await step({ message_type: 'open', admin_id: admin }, 'parts');
		expect(c.state).toBe('open');
		expect(c.updated_at).toBe(clock.nowSeconds());
		const parts = c.conversation_parts.conversation_parts;
		expect(parts.map((p: { part_type: string }) => p.part_type)).toEqual(['comment', 'note', 'assignment', 'close', 'comment', 'snoozed', 'open']);
		expect(parts.map((p: { author: { type: string } }) => p.author.type)).toEqual(['admin', 'admin', 'admin', 'admin', 'user', 'admin', 'admin']);
		expect(c.statistics.count_conversation_parts).toBe(8);
		const log = sb.workspace.changes.list({ kinds: ['conversation'] }).filter((e) => e.id === id);
		expect(log.map((e) => (e.kind === 'conversation.part.created' ? `part:${e.detail?.part_type}` : e.kind))).toEqual([
			'conversation.created', 'part:comment', 'part:note', 'part:assignment', 'conversation.assigned',
			'part:close', 'conversation.closed', 'part:comment', 'conversation.opened',
			'part:snoozed', 'conversation.snoozed', 'part:open', 'conversation.opened',
		]);
	});

	it('merges a lead into a user, archives, unarchives, blocks and deletes', async () => {
		const lead = (await call(sb, 'POST', '/contacts', { role: 'lead', email: 'lead-merge@example.com', name: 'Lead' })).json;
		const user = (await call(sb, 'POST', '/contacts', { role: 'user', email: 'user-merge@example.com' })).json;
		const tag = [...sb.workspace.tags.keys()][0];
		await call(sb, 'POST', `/contacts/${lead.id}/tags`, { id: tag });
		const merged = await call(sb, 'POST', '/contacts/merge', { from: lead.id, into: user.id });
		expect(merged.json).toMatchObject({ id: user.id, name: 'Lead', role: 'user' });
		expect(merged.json.tags.data.map((t: { id: string }) => t.id)).toContain(tag);
		expect((await call(sb, 'GET', `/contacts/${lead.id}`)).status).toBe(404);
		expect((await call(sb, 'POST', '/contacts/merge', { from: user.id, into: user.id })).status).toBe(400);
		expect((await call(sb, 'POST', `/contacts/${user.id}/archive`)).json).toEqual({ type: 'contact', id: user.id, external_id: null, archived: true });
		expect((await call(sb, 'POST', `/contacts/${user.id}/unarchive`)).json.archived).toBe(false);
		expect((await call(sb, 'POST', `/contacts/${user.id}/block`)).json.blocked).toBe(true);
		expect((await call(sb, 'DELETE', `/contacts/${user.id}`)).json.deleted).toBe(true);
		expect((await call(sb, 'GET', `/contacts/${user.id}`)).json.errors[0].code).toBe('not_found');
		const kinds = sb.workspace.changes.list().filter((e) => e.id === user.id || e.id === lead.id).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['contact.merged', 'contact.archived', 'contact.unarchived', 'contact.blocked', 'contact.deleted']));
	});

	it('answers 409 for a duplicate external_id or user email', async () => {
		await call(sb, 'POST', '/contacts', { email: 'dupe@example.com', external_id: 'dupe-1' });
		const again = await call(sb, 'POST', '/contacts', { email: 'dupe2@example.com', external_id: 'dupe-1' });
		expect(again.status).toBe(409);
		expect(again.json.type).toBe('error.list');
		expect((await call(sb, 'POST', '/contacts', { email: 'dupe@example.com', role: 'user' })).status).toBe(409);
	});

	it('logs article publishes and admin away changes, and simulates activity', async () => {
		const ws = sb.workspace;
		const before = ws.changes.lastSeq;
		const result = sb.activity.run({ newContacts: 3, contactUpdates: 2, newConversations: 2, userReplies: 2, adminReplies: 1, closes: 1, articlePublishes: 2 });
		expect(result.contacts).toHaveLength(3);
		expect(result.articles).toHaveLength(2);
		await call(sb, 'PUT', `/admins/${ws.meAdmin().id}/away`, { away_mode_enabled: true, away_mode_reassign: false });
		const kinds = ws.changes.list({ afterSeq: before }).map((e) => e.kind);
		expect(kinds.filter((k) => k === 'contact.created')).toHaveLength(3);
		expect(kinds.filter((k) => k === 'contact.updated')).toHaveLength(2);
		expect(kinds.filter((k) => k === 'conversation.created')).toHaveLength(2);
		expect(kinds.filter((k) => k === 'article.published')).toHaveLength(2);
		expect(kinds).toContain('conversation.part.created');
		expect(kinds).toContain('conversation.closed');
		expect(kinds[kinds.length - 1]).toBe('admin.away_changed');
	});

	it('seeds deterministically, and 100,000 contacts in one go', () => {
		const a = new Workspace({ idCode: 'det', clock });
		const b = new Workspace({ idCode: 'det', clock });
		seedWorkspace(a, { seed: 9, contacts: 300, conversations: 20 });
		seedWorkspace(b, { seed: 9, contacts: 300, conversations: 20 });
		const snapshot = (ws: Workspace) => JSON.stringify([ws.contacts.all().map((c) => [c.id, c.email, c.role, c.custom_attributes]), ws.conversations.all().map((c) => [c.id, c.state, c.parts.length])]);
		expect(snapshot(a)).toEqual(snapshot(b));
		const roles = new Set(a.contacts.all().map((c) => c.role));
		expect(roles).toEqual(new Set(['user', 'lead']));
		const big = new Workspace({ idCode: 'big', clock });
		seedWorkspace(big, { contacts: 100_000, conversations: 100 });
		expect(big.contacts.size).toBe(100_000);
		expect(big.changes.list()).toEqual([]);
	});
});

describe('contact JSON fast path', () => {
	it('serialises exactly like the contact presenter', async () => {
		const { contactJsonText } = await import('../../sandbox/api/contact-json');
		const { presentContact } = await import('../../sandbox/api/present-contacts');
		const ws = new Workspace({ idCode: 'json', clock: new SandboxClock() });
		seedWorkspace(ws, { contacts: 2000, conversations: 0, noteRatio: 0.5 });
		const c = ws.contacts.all()[5];
		c.subscriptions = new Map([['1', 'opt_in'], ['2', 'opt_out']]);
		c.noteIds = Array.from({ length: 12 }, (_, i) => String(i)); // more than the embedded limit
		const mismatches = ws.contacts.all().filter((contact) => contactJsonText(ws, contact) !== JSON.stringify(presentContact(ws, contact)));
		expect(mismatches.map((m) => m.id)).toEqual([]);
	});
});
