/**
 * The cursor moves over what was read, not only over what was emitted, and what it costs: days of
 * activity an event's filter rejects leave idle polls at their constant cost; a burst of K changes
 * costs about two reads of it (2 × ceil(K/150) pages) however long it stays within the
 * late-arrival window; a backlog too large for a poll's budget drains over several polls.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { adminAuthor, appendPart } from '../../sandbox/store/conversation-ops';
import { createContact, updateContact } from '../../sandbox/store/contact-ops';
import { updateArticle } from '../../sandbox/store/content-ops';
import { contactId, ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const HOUR = 3600;
const conversationId = (item: IDataObject) => String((item.conversation as IDataObject).id);

/** Requests of the last poll, without the daily GET /me of contact events. */
function searches(before: number): number {
	return h.sb.log.requests().slice(before).filter((r) => r.path !== '/me').length;
}

interface FilteredCase {
	name: string;
	params: INodeParameters;
	/** An hour of activity the event's filter rejects. */
	rejected: () => void;
	/** One change the event reports; returns the id its item carries. */
	matching: () => string;
	idOf: (item: IDataObject) => string;
}

let serial = 0;
/** Creates `n` contacts of a role; returns the last one's id. */
function contacts(role: 'user' | 'lead', n: number): string {
	let id = '';
	for (let i = 0; i < n; i++) id = createContact(h.sb.workspace, { role, email: `${role}.${++serial}@example.com` }).id;
	return id;
}

const CASES: FilteredCase[] = [
	{
		name: 'New Conversation Part, Part Kinds = Note, customers replying all day',
		params: { event: 'conversation_part.created', partKinds: ['note'] },
		rejected: () => h.sb.activity.userReplies(3),
		matching: () => {
			const c = h.sb.workspace.conversations.all()[0];
			return appendPart(h.sb.workspace, c, { part_type: 'note', author: adminAuthor(h.sb.workspace, [...h.sb.workspace.admins.keys()][0]), body: 'a note' }).id;
		},
		idOf: (item) => String((item.part as IDataObject).id),
	},
	{
		name: 'New Contact, Leads Only, users signing up all day',
		params: { event: 'contact.created', contactRole: 'lead' },
		rejected: () => contacts('user', 3),
		matching: () => contacts('lead', 1),
		idOf: contactId,
	},
	{
		name: 'Contact Updated, Users Only, leads changing all day',
		params: { event: 'contact.updated', contactRole: 'user' },
		rejected: () => contacts('lead', 3),
		matching: () => contacts('user', 1),
		idOf: contactId,
	},
	{
		name: 'Article Updated, Only Published, a draft edited all day',
		params: { event: 'article.updated', onlyPublished: true },
		rejected: () => {
			const draft = [...h.sb.workspace.articles.values()].find((a) => a.state === 'draft')!;
			updateArticle(h.sb.workspace, draft.id, { title: `Draft at ${h.now}` });
		},
		matching: () => h.sb.activity.articlePublishes(1)[0].id,
		idOf: (item) => String((item.article as IDataObject).id),
	},
	{
		name: 'Conversation Closed, conversations replied to all day',
		params: { event: 'conversation.closed' },
		rejected: () => h.sb.activity.userReplies(3),
		matching: () => h.sb.activity.closes(1)[0].id,
		idOf: conversationId,
	},
];

describe('progress over what was read', () => {
	it.each(CASES)('$name: idle polls stay at one request, a later match is emitted once', async (c) => {
		h = await TriggerHarness.start({ seed: { contacts: 30, conversations: 12, articles: 10, companies: 0 } });
		await h.poll(c.params);
		const perPoll: number[] = [];
		// Three days of hourly polls, with rejected activity in every hour.
		for (let hour = 0; hour < 72; hour++) {
			h.advance(HOUR / 2);
			c.rejected();
			h.advance(HOUR / 2);
			const before = h.sb.log.requests().length;
			const r = await h.poll(c.params);
			expect(r.error).toBeUndefined();
			expect(r.items).toEqual([]);
			perPoll.push(searches(before));
		}
		// The cost of a poll follows the hour's activity, not the days since the last match.
		expect(Math.max(...perPoll.slice(48))).toBeLessThanOrEqual(Math.max(...perPoll.slice(0, 24)));
		h.advance(HOUR);
		for (let i = 0; i < 3; i++) {
			const before = h.sb.log.requests().length;
			expect((await h.poll(c.params)).items).toEqual([]);
			expect(searches(before)).toBe(1);
			h.advance(HOUR);
		}
		const id = c.matching();
		h.advance(60);
		const { items } = await h.poll(c.params);
		expect(items.map(c.idOf)).toEqual([id]);
		for (let i = 0; i < 3; i++) {
			h.advance(10 * 60);
			expect((await h.poll(c.params)).items).toEqual([]);
		}
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
	});
});

describe('cost', () => {
	/** Polls once a minute from now until the burst is emitted and settled; returns the searches sent. */
	async function untilSettled(params: INodeParameters, expected: number): Promise<{ searches: number; polls: number; maxState: number }> {
		const before = h.sb.log.requests().length;
		let polls = 0;
		let maxState = 0;
		const emittedBefore = h.emitted.length;
		for (;;) {
			polls++;
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
			maxState = Math.max(maxState, JSON.stringify(h.state).length);
			const cursor = h.state.cursor as { settled: number; readTop: number; recent: object };
			if (h.emitted.length - emittedBefore >= expected && Object.keys(cursor.recent).length === 0 && cursor.readTop <= cursor.settled) break;
			if (polls > 40) throw new Error('not settled after 40 polls');
			h.advance(60);
		}
		return { searches: searches(before), polls, maxState };
	}

	it.each([
		['Contact Updated', 'contact.updated', 1_000],
		['Contact Updated', 'contact.updated', 2_000],
		['New Conversation', 'conversation.created', 1_000],
	])('%s (%s): a burst of %i changes in a minute costs at most 2 × ceil(K/150) pages plus one request a poll', async (_name, event, k) => {
		h = await TriggerHarness.start({ seed: { contacts: 3_000, conversations: 0, articles: 0, companies: 0 } });
		const params = { event, options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(HOUR);
		await h.poll(params);
		h.advance(1);
		for (let second = 0; second < 60; second++) {
			const n = Math.floor((k * (second + 1)) / 60) - Math.floor((k * second) / 60);
			if (event === 'contact.updated') {
				for (let i = 0; i < n; i++) h.sb.activity.contactUpdates(1);
			} else h.sb.activity.newConversations(n);
			h.advance(1);
		}
		const { searches: cost, polls, maxState } = await untilSettled(params, 1);
		const floor = Math.ceil(k / 150);
		expect(cost).toBeLessThanOrEqual(2 * floor + polls);
		// The state of a burst of up to 2,000 stays under 64 KB.
		expect(maxState).toBeLessThan(64 * 1024);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
	});

	it.each([
		['Contact Updated', 'contact.updated'],
		['New Conversation', 'conversation.created'],
	])('%s (%s): a burst larger than Max Events per Poll is read about once on its way out, not again by each draining poll', async (_name, event) => {
		h = await TriggerHarness.start({ seed: { contacts: 6_000, conversations: 0, articles: 0, companies: 0 } });
		const k = 4_500;
		const cap = 1_000;
		const params = { event, options: { maxEventsPerPoll: cap } };
		await h.poll(params);
		h.advance(HOUR);
		await h.poll(params);
		h.advance(1);
		// Changes to distinct contacts (or new conversations), over a minute, a second at a time.
		const contacts = h.sb.workspace.contacts.all().map((c) => c.id);
		let next = 0;
		for (let second = 0; second < 60; second++) {
			const n = Math.floor((k * (second + 1)) / 60) - Math.floor((k * second) / 60);
			if (event === 'contact.updated') for (let i = 0; i < n; i++) updateContact(h.sb.workspace, contacts[next++], { name: `Burst ${next}` });
			else h.sb.activity.newConversations(n);
			h.advance(1);
		}
		const before = h.emitted.length;
		const { searches: cost, polls } = await untilSettled(params, k);
		const floor = Math.ceil(k / 150);
		// Twice the floor (out once, settled once) and a page a poll read again where the last one stopped;
		// contact search, read newest first, also pays the pages of the first poll before it turned to
		// oldest first (about Max Events per Poll of them: cap / 150).
		const turn = event === 'contact.updated' ? Math.ceil(cap / 150) + 1 : 0;
		expect(cost).toBeLessThanOrEqual(2 * floor + 2 * polls + turn);
		expect(h.emitted.length - before).toBe(k);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(inOrder(h.emitted.slice(before), event === 'contact.updated' ? contactId : conversationId)).toBe(true);
	});

	it('late arrivals (contacts reaching search two minutes late) are emitted once, at the same cost', async () => {
		h = await TriggerHarness.start({ searchDelaySeconds: 120 });
		const params = { event: 'contact.created', options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(60);
		for (let second = 0; second < 60; second++) {
			h.sb.activity.newContacts(10);
			h.advance(1);
		}
		const { searches: cost, polls } = await untilSettled(params, 600);
		expect(cost).toBeLessThanOrEqual(2 * Math.ceil(600 / 150) + polls);
		const owed = h.sb.workspace.changes.list({ kinds: ['contact.created'] }).filter((e) => e.at >= T0).map((e) => `contact.created:${e.id}:${e.at}`);
		expect(ids(h.emitted).sort()).toEqual(owed.sort());
	});

	it('a burst of 50,000 changes within one minute is emitted over the next polls, without waiting for the late-arrival window', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 60, conversations: 0, articles: 0, companies: 0 } });
		const params = { event: 'conversation.created', options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(5);
		for (let second = 0; second < 50; second++) {
			h.sb.activity.newConversations(1_000);
			h.advance(1);
		}
		h.advance(10);
		const counts: number[] = [];
		for (let poll = 0; poll < 6; poll++) {
			counts.push((await h.poll(params)).items.length);
			h.advance(60);
		}
		// Five polls a minute apart, the late-arrival window (10 minutes) still open.
		expect(counts).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 0]);
		expect(inOrder(h.emitted, conversationId)).toBe(true);
		expect(new Set(ids(h.emitted)).size).toBe(50_000);
		// A few bytes a pending event: numeric ids pack to about four characters each.
		expect(JSON.stringify(h.state).length).toBeLessThan(50_000 * 8);
	});
});

describe('a backlog larger than a poll can read', () => {
	it.each([
		['New Conversation', 'conversation.created', 100_000],
		['New Contact', 'contact.created', 100_000],
	])('%s (%s): %i records in one second, under a small time budget, drain over several polls, exactly once, in order', async (_name, event, k) => {
		h = await TriggerHarness.start({ seed: { contacts: 60, conversations: 0, articles: 0, companies: 0 } });
		const params = { event, options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(5);
		// Every record in the same second: no whole second fits one poll.
		if (event === 'contact.created') h.sb.activity.newContacts(k);
		else h.sb.activity.newConversations(k);
		h.advance(10);
		// Each request takes 0.25 s of the shared clock; 60% of a 10 s budget: about 24 pages a poll.
		h.slowRequests(0.25);
		const idOf = event === 'contact.created' ? contactId : conversationId;
		let polls = 0;
		let requests = 0;
		while (h.emitted.length < k && polls < 80) {
			const r = await h.poll(params, { pollBudgetMs: 10_000 });
			expect(r.error).toBeUndefined();
			expect(r.items.length).toBeGreaterThan(0);
			expect(r.requests).toBeLessThanOrEqual(26);
			requests += r.requests;
			polls++;
			h.advance(60);
		}
		// Read about once: ceil(k/150) pages over the polls, plus a page a poll read again where it stopped
		// (and, for contacts, the newest-first pages of the first poll before it turned to oldest first).
		expect(polls).toBeGreaterThan(20);
		expect(requests).toBeLessThanOrEqual(Math.ceil(k / 150) + 2 * polls + 15);
		expect(h.emitted).toHaveLength(k);
		expect(new Set(ids(h.emitted)).size).toBe(k);
		expect(inOrder(h.emitted, idOf)).toBe(true);
		// Once the late-arrival window has passed, the read that settles that second (every record of it
		// again, for late arrivals) does not fit one poll either: it too goes on where it stopped, emits
		// nothing again, and ends with the cursor settled.
		h.advance(900);
		let settling = 0;
		for (;;) {
			const r = await h.poll(params, { pollBudgetMs: 40_000 });
			expect(r.error).toBeUndefined();
			expect(r.items).toEqual([]);
			if (h.settled) break;
			expect(++settling).toBeLessThan(40);
			h.advance(60);
		}
		expect(settling).toBeGreaterThan(1);
	}, 600_000);
	it('100,000 changes under a small time budget drain over several polls, exactly once, in order', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 60, conversations: 0, articles: 0, companies: 0 } });
		const params = { event: 'conversation.created', options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(5);
		for (let second = 0; second < 400; second++) {
			h.sb.activity.newConversations(250);
			h.advance(1);
		}
		h.advance(900);
		// Each request takes 0.25 s of the shared clock; 60% of a 10 s budget: about 24 pages a poll.
		h.slowRequests(0.25);
		let polls = 0;
		while (h.emitted.length < 100_000 && polls < 60) {
			const r = await h.poll(params, { pollBudgetMs: 10_000 });
			expect(r.error).toBeUndefined();
			expect(r.requests).toBeLessThanOrEqual(25);
			polls++;
			h.advance(60);
		}
		expect(polls).toBeGreaterThan(20);
		expect(h.emitted).toHaveLength(100_000);
		expect(new Set(ids(h.emitted)).size).toBe(100_000);
		expect(inOrder(h.emitted, conversationId)).toBe(true);
		expect((await h.poll(params, { pollBudgetMs: 10_000 })).items).toEqual([]);
	}, 600_000);
});
