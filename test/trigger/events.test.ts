/**
 * Each event type against the sandbox, and what the quiet cases cost: an idle poll and the
 * editor's "Fetch Test Event", in exact request counts.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { compareIds } from '../../nodes/IntercomTrigger/cursor';
import { adminAuthor, appendPart, contactAuthor } from '../../sandbox/store/conversation-ops';
import { createArticle, updateArticle } from '../../sandbox/store/content-ops';
import { ids, inOrder, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 30, conversations: 12, articles: 10, companies: 0 };
const conversationId = (item: IDataObject) => String((item.conversation as IDataObject).id);
const partId = (item: IDataObject) => String((item.part as IDataObject).id);

/** A teammate's API call (outside any poll): PUT /admins/{id}/away. */
async function setAway(adminId: string, away: boolean): Promise<void> {
	const response = await fetch(`${h.sb.baseUrl}/admins/${adminId}/away`, {
		method: 'PUT',
		headers: { Authorization: `Bearer ${h.sb.token}`, 'Intercom-Version': '2.14', 'Content-Type': 'application/json' },
		body: JSON.stringify({ away_mode_enabled: away, away_mode_reassign: false }),
	});
	expect(response.status).toBe(200);
}

describe('conversations', () => {
	it('New Conversation and Conversation Updated emit each change once, optionally with the full conversation', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const created = { event: 'conversation.created', options: { includeFullConversation: true } };
		const updated = { event: 'conversation.updated' };
		await h.poll(created);
		const before = h.stored;
		h.stored = '{}';
		await h.poll(updated);
		const updatedState = h.stored;
		h.advance(10);
		const started = h.sb.activity.newConversations(3).map((c) => c.id);
		h.advance(10);
		const replied = h.sb.activity.userReplies(2).map((c) => c.id);
		h.advance(10);

		h.stored = before;
		const first = await h.poll(created);
		expect(first.items.map(conversationId)).toEqual(started);
		expect(first.items[0]).toMatchObject({ event: 'conversation.created', conversation: { type: 'conversation' } });
		// Full conversations: one GET each, parts included.
		expect((first.items[0].conversation as IDataObject).conversation_parts).toMatchObject({ type: 'conversation_part.list' });
		expect(first.requests).toBe(1 + 3);

		h.stored = updatedState;
		const second = await h.poll(updated);
		expect(new Set(second.items.map(conversationId))).toEqual(new Set([...started, ...replied]));
		expect(inOrder(second.items, conversationId)).toBe(true);
		expect((second.items[0].conversation as IDataObject).conversation_parts).toBeUndefined();
		h.advance(60);
		expect((await h.poll(updated)).items).toEqual([]);
	});

	it('Conversation Closed emits each close at its time, a second close after a reopen too', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'conversation.closed' };
		await h.poll(params);
		h.advance(10);
		const [c] = h.sb.activity.newConversations(1);
		h.advance(5);
		const admin = [...h.sb.workspace.admins.keys()][0];
		appendPart(h.sb.workspace, c, { part_type: 'close', author: adminAuthor(h.sb.workspace, admin) });
		const firstClose = h.now;
		h.advance(20);
		const one = await h.poll(params);
		expect(one.items).toHaveLength(1);
		expect(one.items[0]).toMatchObject({ event: 'conversation.closed', occurred_at: firstClose, conversation: { id: c.id, state: 'closed' } });
		h.advance(20);
		appendPart(h.sb.workspace, c, { part_type: 'comment', author: contactAuthor(h.sb.workspace.contact(c.contactIds[0])!), body: 'again' });
		h.advance(20);
		expect((await h.poll(params)).items).toEqual([]); // reopened, not closed
		appendPart(h.sb.workspace, c, { part_type: 'close', author: adminAuthor(h.sb.workspace, admin) });
		const secondClose = h.now;
		h.advance(20);
		const two = await h.poll(params);
		expect(two.items.map((i) => i.occurred_at)).toEqual([secondClose]);
	});

	it('New Conversation Part emits one event per part of the chosen kinds, in order', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'conversation_part.created', partKinds: ['customerReply', 'note', 'assignment'] };
		await h.poll(params);
		h.advance(10);
		const ws = h.sb.workspace;
		const [c] = h.sb.activity.newConversations(1);
		const contact = ws.contact(c.contactIds[0])!;
		const [admin, other] = [...ws.admins.keys()];
		h.advance(1);
		const wanted = [
			appendPart(ws, c, { part_type: 'comment', author: contactAuthor(contact), body: 'help' }),
			appendPart(ws, c, { part_type: 'note', author: adminAuthor(ws, admin), body: 'looking' }),
		];
		appendPart(ws, c, { part_type: 'comment', author: adminAuthor(ws, admin), body: 'hi' }); // an admin reply: not chosen
		h.advance(1);
		wanted.push(appendPart(ws, c, { part_type: 'assignment', author: adminAuthor(ws, admin), assignedTo: { type: 'admin', id: other } }));
		appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, admin) }); // a close: not chosen
		h.advance(10);
		const { items } = await h.poll(params);
		expect(items.map(partId)).toEqual(wanted.map((p) => p.id));
		expect(items.map((i) => (i.part as IDataObject).kind)).toEqual(['customerReply', 'note', 'assignment']);
		expect(items[0]).toMatchObject({ event: 'conversation_part.created', conversation: { id: c.id } });
		expect((items[0].conversation as IDataObject).conversation_parts).toBeUndefined();
		h.advance(60);
		h.sb.activity.userReplies(1);
		h.advance(10);
		expect((await h.poll(params)).items).toHaveLength(1);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
	});
});

describe('articles and admins', () => {
	it('Article Updated, only published: publishing counts, editing a draft does not', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'article.updated', onlyPublished: true };
		await h.poll(params);
		h.advance(10);
		const draft = [...h.sb.workspace.articles.values()].find((a) => a.state === 'draft');
		expect(draft).toBeDefined();
		updateArticle(h.sb.workspace, draft!.id, { title: 'Still a draft' });
		h.advance(5);
		const published = h.sb.activity.articlePublishes(2).map((a) => a.id);
		h.advance(5);
		const { items } = await h.poll(params);
		expect(items.map((i) => String((i.article as IDataObject).id))).toEqual(published);
		expect(items.every((i) => (i.article as IDataObject).state === 'published')).toBe(true);
	});

	it('New Article, only published: a draft published within the late-arrival window after its creation is emitted, one published later is not (it comes out as Article Updated, above)', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'article.created', onlyPublished: true };
		await h.poll(params);
		const author = Number([...h.sb.workspace.admins.keys()][0]);
		h.advance(5);
		const soon = createArticle(h.sb.workspace, { title: 'Published soon', author_id: author, state: 'draft' }).id;
		const late = createArticle(h.sb.workspace, { title: 'Published late', author_id: author, state: 'draft' }).id;
		h.advance(5);
		expect((await h.poll(params)).items).toEqual([]); // drafts: read, not emitted
		h.advance(120);
		updateArticle(h.sb.workspace, soon, { state: 'published' });
		h.advance(5);
		const id = (r: { items: IDataObject[] }) => r.items.map((i) => String((i.article as IDataObject).id));
		const emitted: string[] = [];
		for (let i = 0; i < 4; i++) {
			emitted.push(...id(await h.poll(params)));
			h.advance(600);
		}
		expect(emitted).toEqual([soon]);
		updateArticle(h.sb.workspace, late, { state: 'published' });
		h.advance(5);
		for (let i = 0; i < 4; i++) {
			emitted.push(...id(await h.poll(params)));
			h.advance(600);
		}
		expect(emitted).toEqual([soon]);
	});

	it('New Article emits articles created since the activation', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'article.created' };
		await h.poll(params);
		h.advance(10);
		while ([...h.sb.workspace.articles.values()].some((a) => a.state === 'draft')) h.sb.activity.articlePublishes(1);
		h.advance(5);
		const fresh = h.sb.activity.articlePublishes(2).map((a) => a.id);
		h.advance(5);
		expect((await h.poll(params)).items.map((i) => String((i.article as IDataObject).id))).toEqual(fresh);
	});

	it('Admin Away Status Changed reports changes since the last poll, not the state at activation', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'admin.away_mode_changed' };
		const [a, b] = [...h.sb.workspace.admins.keys()];
		await setAway(a, true);
		expect((await h.poll(params)).items).toEqual([]);
		await setAway(b, true);
		await setAway(a, false);
		const { items } = await h.poll(params);
		const changes = items.map((i) => [String((i.admin as IDataObject).id), i.away_mode_enabled, i.previous_away_mode_enabled]);
		const expected = [[a, false, true], [b, true, false]];
		// Same time for both: ordered by admin id.
		expect(changes).toEqual(compareIds(a, b) < 0 ? expected : expected.reverse());
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('New Admin Activity Log Entry emits each entry once', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'admin.activity_log.created' };
		await h.poll(params);
		h.advance(10);
		const [a] = [...h.sb.workspace.admins.keys()];
		await setAway(a, true);
		h.advance(1);
		await setAway(a, false);
		h.advance(10);
		const { items } = await h.poll(params);
		expect(items.map((i) => (i.activity_log as IDataObject).activity_type)).toEqual(['admin_away_mode_change', 'admin_away_mode_change']);
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
		// More than a page of entries, several in each second.
		for (let i = 0; i < 160; i++) {
			await setAway(a, i % 2 === 0);
			if (i % 4 === 3) h.advance(1);
		}
		h.advance(30);
		const many = await h.poll(params);
		expect(many.items).toHaveLength(160);
		expect(many.requests).toBe(2);
		expect(new Set(ids(h.emitted)).size).toBe(162);
		expect(inOrder(many.items, (i) => String((i.activity_log as IDataObject).id))).toBe(true);
	});
});

describe('request counts', () => {
	const cases: Array<{ name: string; params: INodeParameters; manual: number }> = [
		{ name: 'New Contact', params: { event: 'contact.created' }, manual: 1 },
		{ name: 'Contact Updated', params: { event: 'contact.updated', contactRole: 'user' }, manual: 1 },
		{ name: 'New Conversation', params: { event: 'conversation.created' }, manual: 1 },
		{ name: 'New Conversation, full', params: { event: 'conversation.created', options: { includeFullConversation: true } }, manual: 2 },
		{ name: 'Conversation Updated', params: { event: 'conversation.updated' }, manual: 1 },
		{ name: 'Conversation Closed', params: { event: 'conversation.closed' }, manual: 1 },
		{ name: 'New Conversation Part', params: { event: 'conversation_part.created' }, manual: 2 },
		{ name: 'New Article', params: { event: 'article.created' }, manual: 1 },
		{ name: 'Article Updated', params: { event: 'article.updated' }, manual: 1 },
		{ name: 'Admin Away Status Changed', params: { event: 'admin.away_mode_changed' }, manual: 1 },
		{ name: 'New Admin Activity Log Entry', params: { event: 'admin.activity_log.created' }, manual: 1 },
	];

	it.each(cases)('$name: an idle poll costs 1 request, "Fetch Test Event" $manual and moves nothing', async ({ params, manual: manualRequests }) => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		h.advance(3600);
		const idle = await h.poll(params);
		expect(idle).toMatchObject({ items: [], requests: 1 });
		const stored = h.stored;
		const manual = await h.poll(params, { mode: 'manual' });
		expect(manual.error).toBeUndefined();
		expect(manual.requests).toBe(manualRequests);
		expect(h.stored).toBe(stored);
		// The seed has records of every kind: the latest one is the test event.
		expect(manual.items).toHaveLength(1);
		expect(manual.items[0].event).toBe(params.event);
	});
});

describe('parameters', () => {
	it.each<[INodeParameters, RegExp]>([
		[{ event: 'contact.created', options: { maxEventsPerPoll: 0 } }, /Max Events per Poll/],
		[{ event: 'contact.created', options: { maxEventsPerPoll: 2.5 } }, /Max Events per Poll/],
		[{ event: 'contact.created', options: { lateArrivalMinutes: -1 } }, /Late Arrival Window/],
		[{ event: 'contact.created', options: { startAt: 'last tuesday' } }, /Start From/],
		[{ event: 'conversation_part.created', partKinds: [] }, /Part Kinds/],
		[{ event: 'contact.created', contactRole: 'visitor' }, /Contact Role/],
		[{ event: 'ticket.deleted' }, /Event/],
	])('%j is refused, naming the parameter, before any request', async (params, message) => {
		h = await TriggerHarness.start();
		const r = await h.poll(params);
		expect(r.error?.message).toMatch(message);
		expect(r.requests).toBe(0);
		expect(h.stored).toBe('{}');
	});
});
