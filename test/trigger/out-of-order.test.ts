/**
 * Windows whose events are not in the order they are read (New Conversation Part: conversations
 * found by `updated_at`, each with parts of many times; a second of conversation closes) and that
 * do not fit one poll's time budget: they are handled out of order over several polls, at the
 * search position where the last poll stopped, each event exactly once (never lost, never
 * repeated), also while conversations receive new parts or are deleted during the drain.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as pagination from '../../sandbox/pagination';
import { adminAuthor, appendPart, contactAuthor, deleteConversation } from '../../sandbox/store/conversation-ops';
import { createTicket, updateTicket } from '../../sandbox/store/ticket-ops';
import type { ConversationRecord, TicketStateCategory } from '../../sandbox/store/types';
import { ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

/** Undoes what one test changed outside its sandbox. */
let afterThis = () => undefined as void;

afterEach(async () => {
	afterThis();
	afterThis = () => undefined;
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const partsParams = (cap: number): INodeParameters => ({ event: 'conversation_part.created', options: { maxEventsPerPoll: cap } });
const partId = (item: IDataObject) => String((item.part as IDataObject).id);
const partEventId = (c: ConversationRecord, i: number) => `conversation_part.created:${c.parts[i].id}:${c.parts[i].created_at}`;

/** Every part made from T0 on, in the conversations that exist now. */
function owedParts(): string[] {
	const out: string[] = [];
	for (const c of h.sb.workspace.conversations.all()) c.parts.forEach((p, i) => p.created_at >= T0 && out.push(partEventId(c, i)));
	return out.sort();
}

/** A reply, a note, and a teammate's reply: parts of three kinds (all emitted by default). */
function addParts(c: ConversationRecord, n: number): void {
	const ws = h.sb.workspace;
	const admin = [...ws.admins.keys()][0];
	for (let i = 0; i < n; i++) {
		const contact = ws.contact(c.contactIds[0]);
		if (i % 3 === 0 && contact) appendPart(ws, c, { part_type: 'comment', author: contactAuthor(contact), body: `reply ${i}` });
		else appendPart(ws, c, { part_type: i % 3 === 1 ? 'note' : 'comment', author: adminAuthor(ws, admin), body: `part ${i}` });
	}
}

interface Drain {
	polls: number;
	maxRequests: number;
	maxState: number;
	failed: number;
}

/** Polls a minute apart under a 10 s budget until the read is done and the cursor has settled. */
async function drain(params: INodeParameters, during: (poll: number) => void = () => undefined): Promise<Drain> {
	const result: Drain = { polls: 0, maxRequests: 0, maxState: 0, failed: 0 };
	for (;;) {
		const r = await h.poll(params, { pollBudgetMs: 10_000 });
		if (r.error) result.failed++;
		// Within a poll, emitted in (time, id) order.
		expect(inOrder(r.items, partId)).toBe(true);
		result.polls++;
		result.maxRequests = Math.max(result.maxRequests, r.requests);
		result.maxState = Math.max(result.maxState, JSON.stringify(h.state).length);
		if (h.settled) return result;
		if (result.polls >= 200) throw new Error('not drained after 200 polls');
		during(result.polls);
		h.advance(60);
	}
}

describe('New Conversation Part: a window far larger than one poll', () => {
	it.each([
		['the default cap', 500, 500],
		['a cap smaller than one conversation', 5, 40],
	])('drains over many polls with %s, every part exactly once, while conversations get new parts and are deleted', async (_name, cap, conversations) => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const params = partsParams(cap);
		await h.poll(params);
		h.advance(5);
		// Conversations of 8 parts (4,000 parts for 500), made two a second; parts of early ones keep coming.
		const made: ConversationRecord[] = [];
		for (let second = 0; second < conversations / 2; second++) {
			made.push(...h.sb.activity.newConversations(2));
			for (let k = 0; k < 2; k++) addParts(made[(second * 7 + k * 131) % made.length], 1);
			h.advance(1);
		}
		for (const c of made) if (c.parts.length < 8) addParts(c, 8 - c.parts.length);
		h.advance(30);
		// Each request takes 0.25 s of the shared clock; 60% of a 10 s budget: about 24 requests a poll,
		// a search page and the GETs of some 23 conversations.
		h.slowRequests(0.25);
		const deleted = new Set<string>();
		const deletedParts = new Set<string>();
		const during = (poll: number) => {
			if (poll % 3 !== 0 || poll > 30) return;
			// New parts in conversations read already (they move to the end of the sort) and not yet read.
			addParts(made[(poll * 37) % made.length], 2);
			addParts(made[made.length - 1 - poll], 1);
			// A conversation deleted in the middle of the drain (read already, or not yet).
			const gone = made[(poll * 53 + 11) % made.length];
			if (!deleted.has(gone.id)) {
				gone.parts.forEach((p, i) => p.created_at >= T0 && deletedParts.add(partEventId(gone, i)));
				deleteConversation(h.sb.workspace, gone.id);
				deleted.add(gone.id);
			}
		};
		const run = await drain(params, during);
		expect(run.failed).toBe(0);
		expect(run.polls).toBeGreaterThan(20);
		expect(run.maxRequests).toBeLessThanOrEqual(26);
		// Exactly once: every part of every conversation that still exists; a deleted one's parts at most once.
		const emitted = ids(h.emitted);
		expect(new Set(emitted).size).toBe(emitted.length);
		const owed = owedParts();
		expect(owed.length).toBeGreaterThan(conversations * 6);
		expect(emitted.filter((id) => !deletedParts.has(id)).sort()).toEqual(owed);
		expect(emitted.every((id) => owed.includes(id) || deletedParts.has(id))).toBe(true);
		expect(deleted.size).toBeGreaterThan(5);
		// The cursor stays bounded (numeric part ids pack to a few bytes each).
		expect(run.maxState).toBeLessThan(64 * 1024);
		// An idle poll afterwards: one search request, as before.
		h.advance(60);
		const idle = await h.poll(params, { pollBudgetMs: 10_000 });
		expect(idle.items).toEqual([]);
		expect(idle.requests).toBe(1);
	}, 600_000);

	it('each poll emits in (time, id) order; a later part of a conversation read earlier is emitted once, by a later poll', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const params = partsParams(500);
		await h.poll(params);
		h.advance(5);
		const made = h.sb.activity.newConversations(120);
		for (const c of made) addParts(c, 3);
		h.advance(30);
		h.slowRequests(0.25);
		const first = await h.poll(params, { pollBudgetMs: 10_000 });
		expect(first.error).toBeUndefined();
		expect(first.items.length).toBeGreaterThan(0);
		expect(first.items.length).toBeLessThan(360);
		expect(inOrder(first.items, partId)).toBe(true);
		// A conversation emitted by the first poll gets a new part: it moves to the end of the sort.
		const readFirst = made.find((c) => first.items.some((i) => (i.conversation as IDataObject).id === c.id))!;
		h.advance(10);
		addParts(readFirst, 1);
		const late = partEventId(readFirst, readFirst.parts.length - 1);
		h.advance(50);
		await drain(params);
		const emitted = ids(h.emitted);
		expect(emitted.filter((id) => id === late)).toHaveLength(1);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual(owedParts());
	}, 120_000);
});

describe('Conversation Closed: a single second of closes larger than one poll', () => {
	it('drains at its search position instead of failing, exactly once', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const closed = { event: 'conversation.closed' };
		await h.poll(closed);
		h.advance(5);
		const open = h.sb.activity.newConversations(1_300);
		const ws = h.sb.workspace;
		const admin = [...ws.admins.keys()][0];
		const close = (list: ConversationRecord[]) => list.forEach((c) => appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, admin) }));
		h.advance(20);
		close(open.slice(0, 40));
		h.advance(1);
		// 1,200 closes in one second.
		close(open.slice(40, 1_240));
		h.advance(1);
		// Notes on a third of them: updated later, so the search's order (updated_at) is not the closes' order.
		for (const c of open.slice(40, 1_240).filter((_, i) => i % 3 === 0)) appendPart(ws, c, { part_type: 'note', author: adminAuthor(ws, admin), body: 'after the close' });
		h.advance(1);
		close(open.slice(1_240, 1_280));
		h.advance(900);
		h.slowRequests(2);
		const owed = [...new Set(h.sb.workspace.changes.list({ kinds: ['conversation.closed'] }).filter((e) => e.at >= T0).map((e) => `conversation.closed:${e.id}:${e.at}`))];
		let polls = 0;
		let maxRequests = 0;
		let outOfOrder = 0;
		for (;;) {
			const r = await h.poll(closed, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			maxRequests = Math.max(maxRequests, r.requests);
			const cursor = h.state.cursor as { resume?: { outOfOrder?: object } };
			if (cursor.resume?.outOfOrder) outOfOrder++;
			expect(inOrder(r.items, (i) => String((i.conversation as IDataObject).id))).toBe(true);
			if (++polls > 100) throw new Error('not drained after 100 polls');
			if (h.emitted.length >= owed.length && !cursor.resume) break;
			h.advance(60);
		}
		// 3 s of fetching at 2 s a request: two pages of 150 a poll, so the second takes several polls.
		expect(maxRequests).toBeLessThanOrEqual(2);
		expect(outOfOrder).toBeGreaterThanOrEqual(3);
		expect(owed.length).toBe(1_280);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed.sort());
		h.advance(60);
		expect((await h.poll(closed, { pollBudgetMs: 5_000 })).items).toEqual([]);
	}, 120_000);
});

describe('Ticket State Changed: a window larger than one poll', () => {
	function newTicket(title: string) {
		const ws = h.sb.workspace;
		const type = [...ws.ticketTypes.values()].find((t) => t.category === 'Customer')!;
		return createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: ws.contacts.all()[0].id }], ticket_attributes: { _default_title_: title } });
	}
	/** Moves a ticket to a state of a category; returns the `event_id` its change is owed under. */
	function moveTo(id: string, category: TicketStateCategory): string {
		const ws = h.sb.workspace;
		const state = [...ws.ticketStates.values()].find((s) => s.category === category && s.ticketTypeIds.includes(ws.tickets.get(id)!.ticketTypeId))!;
		const part = updateTicket(ws, id, { ticket_state_id: state.id, admin_id: Number([...ws.admins.keys()][0]) }).parts.at(-1)!;
		return `ticket.state_changed:${part.id}:${part.created_at}`;
	}

	it('drains at the search position (tickets in created_at order), every change exactly once, while tickets keep changing', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 10, conversations: 0, articles: 0, companies: 0, tickets: 0 } });
		const params = { event: 'ticket.state_changed', options: { maxEventsPerPoll: 200 } };
		await h.poll(params);
		h.advance(5);
		const tickets = Array.from({ length: 1_200 }, (_, i) => newTicket(`Ticket ${i}`).id);
		h.advance(5);
		const owed: string[] = [];
		// Changes in an order unrelated to the tickets' creation: the last tickets first.
		for (let second = 0; second < 60; second++) {
			for (let k = 0; k < 20; k++) owed.push(moveTo(tickets[tickets.length - 1 - (second * 20 + k)], 'in_progress'));
			h.advance(1);
		}
		for (const id of tickets.filter((_, i) => i % 4 === 0)) owed.push(moveTo(id, 'waiting_on_customer'));
		h.advance(30);
		// 3 s of fetching at 2 s a request: two pages of 150 tickets a poll.
		h.slowRequests(2);
		let polls = 0;
		let outOfOrder = 0;
		for (;;) {
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			expect(r.requests).toBeLessThanOrEqual(2);
			expect(inOrder(r.items, (i) => String((i.part as IDataObject).id))).toBe(true);
			if ((h.state.cursor as { resume?: { outOfOrder?: object } }).resume?.outOfOrder) outOfOrder++;
			if (++polls > 200) throw new Error('not drained after 200 polls');
			// Tickets read already and not yet read change again during the drain.
			if (polls % 4 === 1 && polls < 30) for (const id of [tickets[polls], tickets[tickets.length - polls]]) owed.push(moveTo(id, 'resolved'));
			if (h.settled) break;
			h.advance(60);
		}
		expect(outOfOrder).toBeGreaterThanOrEqual(3);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed.sort());
	}, 120_000);
});

describe('where a window still cannot be continued', () => {
	it('New Conversation Part whose search pages do not come in (updated_at, id) order: the poll fails with the old error, the cursor where it was', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const params = partsParams(500);
		await h.poll(params);
		h.advance(5);
		for (const c of h.sb.activity.newConversations(300)) addParts(c, 2);
		h.advance(30);
		h.slowRequests(0.25);
		// Pages answered in reverse: no position in them can be trusted to continue from.
		const original = pagination.pageOfResults;
		const reversed = jest.spyOn(pagination, 'pageOfResults').mockImplementation((...args: Parameters<typeof original>) => {
			const page = original(...args);
			return { ...page, items: [...page.items].reverse() };
		});
		const before = h.stored;
		afterThis = () => reversed.mockRestore();
		for (let i = 0; i < 2; i++) {
			const r = await h.poll(params, { pollBudgetMs: 10_000 });
			expect(r.error?.message).toMatch(/^Could not read Intercom's changes since .* within this poll's time budget$/);
			expect(r.items).toEqual([]);
			expect(h.stored).toBe(before);
			h.advance(60);
		}
		// The same window with no budget to keep to (an older n8n) is read whole: each part once, over two polls (the cap).
		for (let i = 0; i < 2; i++) expect((await h.poll(params, { legacy: true })).error).toBeUndefined();
		expect(ids(h.emitted).sort()).toEqual(owedParts());
	}, 60_000);
});

describe('a link so slow that one request spends the poll\'s time', () => {
	it('Conversation Closed handles each page it gets whole (its records cost no request), not one record a poll', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const closed = { event: 'conversation.closed' };
		await h.poll(closed);
		h.advance(5);
		const open = h.sb.activity.newConversations(900);
		const ws = h.sb.workspace;
		const admin = [...ws.admins.keys()][0];
		h.advance(20);
		for (const c of open) appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, admin) }); // 900 closes in one second
		h.advance(900);
		// 3 s a request, 60% of a 5 s budget: one request a poll.
		h.slowRequests(3);
		let polls = 0;
		for (; h.emitted.length < 900; polls++) {
			const r = await h.poll(closed, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			expect(r.requests).toBe(1);
			if (polls > 40) throw new Error(`${h.emitted.length} of 900 closes after 40 polls`);
			h.advance(60);
		}
		// Six pages of 150, a page a poll, after the window was narrowed down to that second (halving a
		// window of some 900 s, a request a poll). Handling one record a poll took more than 40 polls.
		expect(polls).toBeLessThanOrEqual(30);
		expect(new Set(ids(h.emitted)).size).toBe(900);
	}, 120_000);
});

describe('Conversation Closed: a backlog that one poll can read but not emit', () => {
	it.each([
		['with a poll time budget (n8n 2.x)', false],
		['without one (n8n 1.x)', true],
	])('drains %s at its search position, every close exactly once, never stalled', async (_name, legacy) => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const closed = { event: 'conversation.closed', options: { maxEventsPerPoll: 200 } };
		await h.poll(closed);
		h.advance(5);
		const open = h.sb.activity.newConversations(1_200);
		const ws = h.sb.workspace;
		const admin = [...ws.admins.keys()][0];
		h.advance(20);
		// 1,200 closes over a minute, 20 a second: six polls' worth at 200 a poll.
		for (let second = 0; second < 60; second++) {
			for (const c of open.slice(second * 20, second * 20 + 20)) appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, admin) });
			h.advance(1);
		}
		h.advance(30);
		const owed = [...new Set(h.sb.workspace.changes.list({ kinds: ['conversation.closed'] }).filter((e) => e.at >= T0).map((e) => `conversation.closed:${e.id}:${e.at}`))];
		expect(owed).toHaveLength(1_200);
		for (let polls = 1; h.emitted.length < owed.length; polls++) {
			const r = await h.poll(closed, legacy ? { legacy: true } : { pollBudgetMs: 120_000 });
			expect(r.error).toBeUndefined();
			expect(r.items.length).toBeGreaterThan(0);
			expect(r.items.length).toBeLessThanOrEqual(200);
			expect(inOrder(r.items, (i) => String((i.conversation as IDataObject).id))).toBe(true);
			if (polls > 20) throw new Error('not drained after 20 polls');
			h.advance(60);
		}
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed.sort());
	}, 120_000);
});

describe('New Conversation Part: a backlog that one poll can read but not emit', () => {
	it.each([
		['with a poll time budget (n8n 2.x), fetches each conversation about once on the way out and once to settle', false, 2 * 300],
		['without one (n8n 1.x, which saves static data only when a poll emits), fetches each conversation about once on the way out', true, 300],
	])('%s, not once a poll', async (_name, legacy, most) => {
		h = await TriggerHarness.start({ seed: { contacts: 40, conversations: 0, articles: 0, companies: 0 } });
		const params = partsParams(500);
		await h.poll(params);
		h.advance(5);
		// 300 conversations of 4 parts: 1,200 parts, three polls' worth at 500 a poll.
		for (const c of h.sb.activity.newConversations(300)) addParts(c, 4);
		const owed = owedParts();
		expect(owed).toHaveLength(1_200);
		h.advance(30);
		const since = h.sb.log.requests().length;
		for (let polls = 1; ; polls++) {
			const r = await h.poll(params, legacy ? { legacy: true } : { pollBudgetMs: 120_000 });
			expect(r.error).toBeUndefined();
			expect(r.items.length).toBeLessThanOrEqual(500);
			expect(inOrder(r.items, partId)).toBe(true);
			if (h.emitted.length === owed.length && (legacy || h.settled)) break;
			if (polls > 60) throw new Error('not drained after 60 polls');
			h.advance(60);
		}
		const emitted = ids(h.emitted);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual(owed);
		const fetches = h.sb.log.requests().slice(since).filter((r) => r.operation === 'GET /conversations/{conversation_id}').length;
		// Read whole by each poll that emits part of it, the backlog was fetched once a poll: 900 GETs for three polls (and 300 to settle).
		expect(fetches).toBeLessThanOrEqual(most + 10);
	}, 120_000);
});
