/**
 * The trigger's state is never thrown away in silence: a partly readable cursor is recovered
 * (nothing lost, repeats only under the same event_id), an unreadable or future-dated one fails
 * the poll saying what is wrong and how to start afresh, and another event's state starts afresh.
 * Also: records without their time, conversations deleted between search and GET, and Start From
 * read in the workflow's time zone.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';

import { parseCursor } from '../../nodes/IntercomTrigger/cursor-state';
import { MAX_RECENT_IDS } from '../../nodes/IntercomTrigger/poll';
import { deleteConversation } from '../../sandbox/store/conversation-ops';
import { ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const params = { event: 'conversation.created' };
const conversationId = (item: IDataObject) => String((item.conversation as IDataObject).id);

function owed(since = T0): string[] {
	return h.sb.workspace.changes
		.list({ kinds: ['conversation.created'] })
		.filter((e) => e.at >= since)
		.map((e) => `conversation.created:${e.id}:${e.at}`)
		.sort();
}

/** Activation, 30 conversations emitted, 20 more made since: the cursor to tamper with. */
async function started(): Promise<{ cursor: IDataObject; emittedBefore: string[] }> {
	h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
	await h.poll(params);
	h.advance(5);
	for (let i = 0; i < 30; i++) {
		h.sb.activity.newConversations(1);
		h.advance(2);
	}
	h.advance(5);
	expect((await h.poll(params)).items).toHaveLength(30);
	h.advance(5);
	for (let i = 0; i < 20; i++) {
		h.sb.activity.newConversations(1);
		h.advance(2);
	}
	h.advance(5);
	return { cursor: h.state.cursor as IDataObject, emittedBefore: ids(h.emitted) };
}

describe('a partly readable cursor is recovered: nothing lost, nothing new invented', () => {
	it.each<[string, (c: IDataObject) => IDataObject]>([
		['settled missing', ({ settled: _s, ...c }) => c],
		['settled of the wrong type', (c) => ({ ...c, settled: String(c.settled) })],
		['watermark.id of the wrong type', (c) => ({ ...c, watermark: { ...(c.watermark as IDataObject), id: 42 } })],
		['recent of the wrong type', (c) => ({ ...c, recent: ['1', '2'] })],
		['recent with an unreadable second', (c) => ({ ...c, recent: { soon: 'x' } })],
		['an oversized recent set', (c) => ({ ...c, recent: { [String(Number(c.settled) + 1)]: Array.from({ length: MAX_RECENT_IDS + 1 }, (_, i) => `x${i}`) } })],
	])('%s', async (_name, tamper) => {
		// n8n's logger: the recovery is said there too (and kept out of the test output).
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		const { cursor, emittedBefore } = await started();
		h.state = { ...h.state, cursor: tamper(cursor) };
		const r = await h.poll(params);
		expect(r.error).toBeUndefined();
		// The 20 new ones come; those emitted already may come again (same event_id), none is invented.
		const got = ids(r.items);
		for (const id of owed().filter((x) => !emittedBefore.includes(x))) expect(got).toContain(id);
		expect(got.every((id) => owed().includes(id))).toBe(true);
		expect(inOrder(r.items, conversationId)).toBe(true);
		// Said, not silent: the state keeps what was recovered and why.
		expect((h.state.recovered as IDataObject).message).toMatch(/partly unreadable .* nothing is lost/);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Intercom Trigger "Trigger": The saved position was partly unreadable/));
		warn.mockRestore();
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});
});

describe('an unreadable cursor fails the poll, saying what is wrong and how to start afresh', () => {
	it.each<[string, (c: IDataObject) => unknown, RegExp]>([
		['no cursor', () => undefined, /saved position is missing/],
		['a cursor that is not an object', () => 'corrupt', /not an object/],
		['no watermark', ({ watermark: _w, ...c }) => c, /no readable time/],
		['a watermark time of the wrong type', (c) => ({ ...c, watermark: { ts: '1741608000', id: '' } }), /no readable time/],
		['an unknown version', (c) => ({ ...c, version: 7 }), /format this version of the node does not know \(7\)/],
		['a watermark dated two days ahead', (c) => ({ ...c, watermark: { ts: h.now + 2 * 86_400, id: '' } }), /dated .* later than now/],
		['a settled line dated two days ahead', (c) => ({ ...c, settled: h.now + 2 * 86_400 }), /dated .* later than now/],
	])('%s', async (_name, tamper, message) => {
		const { cursor } = await started();
		h.state = { ...h.state, cursor: tamper(cursor) as IDataObject };
		const before = h.stored;
		const r = await h.poll(params);
		expect(r.error?.message).toMatch(/^The trigger's saved position cannot be used: /);
		expect(r.error?.message).toMatch(message);
		expect((r.error as { description?: string }).description).toMatch(/rename this trigger node/);
		expect(r.requests).toBe(0);
		expect(h.stored).toBe(before);
	});

	it('a state of an unknown version fails the same way', async () => {
		await started();
		h.state = { ...h.state, version: 9 };
		expect((await h.poll(params)).error?.message).toMatch(/does not know \(9\)/);
	});

	it('a cursor a little ahead (within the late-arrival window: Intercom\'s clock) is kept', async () => {
		const { cursor } = await started();
		h.state = { ...h.state, cursor: { ...cursor, watermark: { ts: h.now + 300, id: '' }, settled: h.now + 299 } };
		const r = await h.poll(params);
		expect(r.error).toBeUndefined();
		expect(r.items).toEqual([]);
	});
});

describe('other states', () => {
	it('the first cursor format (version 1) is carried over: nothing lost, nothing repeated', async () => {
		const { cursor } = await started();
		const parsed = parseCursor(cursor, { now: h.now, lateArrivalSeconds: 600, maxRecent: MAX_RECENT_IDS });
		if (!parsed.ok) throw new Error(parsed.problem);
		// Version 1 kept the last emitted key as its watermark, and plain lists of ids.
		const last = h.emitted[h.emitted.length - 1];
		const v1 = { version: 1, watermark: { ts: last.occurred_at, id: conversationId(last) }, settled: parsed.cursor.settled, recent: parsed.cursor.recent };
		expect(Object.keys(v1.recent).length).toBeGreaterThan(0);
		h.state = { ...h.state, version: 1, cursor: v1 };
		for (let i = 0; i < 4; i++) {
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
			h.advance(300);
		}
		expect(h.state.recovered).toBeUndefined();
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed());
	});

	it('a state of another event starts afresh, as documented', async () => {
		await started();
		h.state = { ...h.state, event: 'contact.created' };
		const r = await h.poll(params);
		expect(r.error).toBeUndefined();
		expect(r.items).toEqual([]);
		expect(h.state.event).toBe('conversation.created');
	});
});

describe('records', () => {
	it('a part without its time is emitted at its fallback time (updated_at), and one with no time at all as untimed', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 3, articles: 0, companies: 0 } });
		const parts = { event: 'conversation_part.created' };
		await h.poll(parts);
		h.advance(10);
		const [a, b] = h.sb.activity.userReplies(2);
		const partA = a.parts[a.parts.length - 1] as unknown as IDataObject;
		const partB = b.parts[b.parts.length - 1] as unknown as IDataObject;
		const updatedA = partA.updated_at;
		delete partA.created_at;
		delete partB.created_at;
		delete partB.updated_at;
		h.advance(10);
		const { items } = await h.poll(parts);
		const byPart = new Map(items.map((i) => [String((i.part as IDataObject).id), i]));
		expect(byPart.get(String(partA.id))).toMatchObject({ occurred_at: updatedA, event_id: `conversation_part.created:${partA.id}:${updatedA}` });
		expect(byPart.get(String(partB.id))).toMatchObject({ occurred_at: h.now - 0, event_id: `conversation_part.created:${partB.id}:untimed` });
	});

	it('a conversation deleted between the search and the GET of its parts is skipped; the poll goes on', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
		const parts = { event: 'conversation_part.created' };
		await h.poll(parts);
		h.advance(10);
		const [gone, kept] = h.sb.activity.newConversations(2);
		h.sb.activity.userReplies(2);
		h.advance(10);
		const faults = h.sb.faults;
		const next = faults.next.bind(faults);
		jest.spyOn(faults, 'next').mockImplementation((method: string, path: string) => {
			if (method === 'GET' && path === `/conversations/${gone.id}` && h.sb.workspace.conversations.get(gone.id)) deleteConversation(h.sb.workspace, gone.id);
			return next(method, path);
		});
		const r = await h.poll(parts);
		expect(r.error).toBeUndefined();
		expect(r.items.length).toBeGreaterThan(0);
		expect(r.items.every((i) => conversationId(i) === kept.id)).toBe(true);
		expect(h.sb.log.requests().some((q) => q.path === `/conversations/${gone.id}` && q.status === 404)).toBe(true);
	});
});

describe('Include Full Conversation', () => {
	it('a conversation deleted before its GET keeps its event, with the conversation as search returned it', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
		const full = { event: 'conversation.created', options: { includeFullConversation: true } };
		await h.poll(full);
		h.advance(10);
		const [gone, kept] = h.sb.activity.newConversations(2);
		h.advance(10);
		const faults = h.sb.faults;
		const next = faults.next.bind(faults);
		jest.spyOn(faults, 'next').mockImplementation((method: string, path: string) => {
			if (method === 'GET' && path === `/conversations/${gone.id}` && h.sb.workspace.conversations.get(gone.id)) deleteConversation(h.sb.workspace, gone.id);
			return next(method, path);
		});
		const r = await h.poll(full);
		expect(r.error).toBeUndefined();
		expect(r.items.map(conversationId)).toEqual([gone.id, kept.id]);
		expect((r.items[0].conversation as IDataObject).conversation_parts).toBeUndefined();
		expect((r.items[1].conversation as IDataObject).conversation_parts).toBeDefined();
	});
});

describe('Start From', () => {
	it('a date without a zone is read in the workflow\'s time zone, not the host\'s (UTC)', async () => {
		// The run's host zone (test/global-setup.ts) is not New York's, so only the workflow's zone can give this result.
		expect(new Date(T0 * 1000).getTimezoneOffset()).not.toBe(240);
		h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
		// T0 is 12:00 UTC on 10 March 2025, 08:00 in New York (EDT, UTC-4).
		for (let i = 0; i < 6; i++) {
			h.sb.activity.newConversations(1);
			h.advance(1200);
		}
		const options = { startAt: '2025-03-10T08:40:00' };
		const r = await h.poll({ ...params, options }, { timezone: 'America/New_York' });
		expect(r.items.length).toBe(4);
		expect(ids(r.items).sort()).toEqual(owed(T0 + 2400));
	});
});

describe('a saved search position', () => {
	it('is where the next poll goes on inside a second; one Intercom refuses is dropped and the window read from its start, nothing lost or repeated', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
		const capped = { event: 'conversation.created', options: { maxEventsPerPoll: 200 } };
		await h.poll(capped);
		h.advance(5);
		h.sb.activity.newConversations(1_000); // one second
		h.advance(5);
		const first = await h.poll(capped);
		expect(first.items).toHaveLength(200);
		expect(first.requests).toBe(2);
		// The 201st is on the second page: the position that page was asked from is kept.
		expect((h.state.cursor as IDataObject).resume).toMatchObject({ from: T0, full: true, startedAt: T0 + 10 });
		// The next poll goes on there: that page (50 of it new) and one more.
		const second = await h.poll(capped);
		expect(second.items).toHaveLength(200);
		expect(second.requests).toBe(2);
		// A position Intercom does not accept (a 400) is dropped: the poll reads the window from its start.
		const cursor = h.state.cursor as IDataObject;
		h.state = { ...h.state, cursor: { ...cursor, resume: { ...(cursor.resume as IDataObject), startingAfter: 'not-a-position' } } };
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		const third = await h.poll(capped);
		expect(warn).toHaveBeenCalledWith(
			`Intercom Trigger "Trigger": Intercom refused the saved search position (HTTP 400); reading the window from ${new Date(T0 * 1000).toISOString()} again instead. Nothing is lost or repeated.`,
		);
		warn.mockRestore();
		expect(third.error).toBeUndefined();
		expect(third.items).toHaveLength(200);
		expect(third.requests).toBe(1 + 4);
		await h.drain(capped);
		expect(h.emitted).toHaveLength(1_000);
		expect(ids(h.emitted).sort()).toEqual(owed());
		expect(inOrder(h.emitted, conversationId)).toBe(true);
	});
});

describe('no saved position when n8n starts', () => {
	it('is said in n8n\'s log and in the static data; without Start From the downtime is not emitted, with it, it is', async () => {
		h = await TriggerHarness.start();
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		// Activated from the editor: a first start, nothing to say.
		await h.poll(params, { activation: 'activate' });
		expect(warn).not.toHaveBeenCalled();
		expect(h.state.recovered).toBeUndefined();
		h.advance(60);
		const stoppedAt = h.now;
		h.advance(60);
		const during = h.sb.activity.newConversations(2).map((c) => c.id);
		h.advance(60);

		// n8n starts with the workflow active and finds no state (n8n 1.x lost it): it reads from now, and says so.
		h.state = {};
		const plain = await h.poll(params, { activation: 'init' });
		expect(plain.items).toEqual([]);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Intercom Trigger "Trigger": No saved position was found when n8n started\. Reading from .* \(now\)\. If this trigger polled before n8n stopped, its position was lost/));
		expect((h.state.recovered as IDataObject).message).toMatch(/^No saved position was found when n8n started/);

		// The recovery the message gives: Start From at the time n8n stopped, under a fresh state.
		h.state = {};
		const recovered = await h.poll({ ...params, options: { startAt: new Date(stoppedAt * 1000).toISOString() } }, { activation: 'init' });
		expect(recovered.items.map(conversationId)).toEqual(during);
		expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/Reading from .* \(Start From\)/));
		expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/characters/));

		// A workflow whose id n8n 1.x will not save static data for: the message names that cause.
		h.state = {};
		await h.poll(params, { activation: 'init', workflowId: 'exConversationRouting' });
		expect(warn).toHaveBeenLastCalledWith(
			expect.stringMatching(/This workflow's id has 21 characters: n8n 1\.x saves no static data for a workflow whose id is longer than 16, .*Import the workflow under a shorter id/),
		);
		warn.mockRestore();
	});
});
