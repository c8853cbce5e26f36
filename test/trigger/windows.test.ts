/**
 * No window fails forever: New Ticket and New Admin Activity Log Entry read a window whole (no
 * documented order), so a window larger than one poll's time budget is narrowed and read in parts;
 * each event once, in order, and an idle poll still costs one request. What cannot be narrowed,
 * a single second larger than one poll, fails each poll clearly with the cursor unmoved.
 */
import type { IDataObject } from 'n8n-workflow';

import { createTicket } from '../../sandbox/store/ticket-ops';
import { ids, inOrder, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 10, conversations: 0, articles: 0, companies: 0, tickets: 0 };

function newTicket(title: string): { id: string; created_at: number } {
	const ws = h.sb.workspace;
	const type = [...ws.ticketTypes.values()].find((t) => t.category === 'Customer')!;
	return createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: ws.contacts.all()[0].id }], ticket_attributes: { _default_title_: title } });
}

function newLogEntry(): { id: string; created_at: number } {
	const ws = h.sb.workspace;
	const admin = [...ws.admins.values()][0];
	const entry = {
		id: ws.nextNumericId('misc'),
		created_at: ws.now(),
		adminId: admin.id,
		activity_type: 'admin_away_mode_change',
		activity_description: `${admin.name} changed their away mode.`,
		metadata: { away_mode: true, reassign_conversations: false },
	};
	ws.activityLogs.insert(entry);
	return entry;
}

describe('a window read whole that does not fit one poll is narrowed and read in parts', () => {
	it.each([
		['New Ticket', 'ticket.created', (item: IDataObject) => String((item.ticket as IDataObject).id), newTicket],
		['New Admin Activity Log Entry', 'admin.activity_log.created', (item: IDataObject) => String((item.activity_log as IDataObject).id), newLogEntry],
	] as const)('%s: thousands of records drain over several polls, each once, in order', async (_name, event, idOf, make) => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event, options: { maxEventsPerPoll: 1_000 } };
		await h.poll(params);
		h.advance(5);
		const owed: string[] = [];
		for (let second = 0; second < 600; second++) {
			for (let i = 0; i < 5; i++) {
				const r = make(`Backlog ${second}.${i}`);
				owed.push(`${event}:${r.id}:${r.created_at}`);
			}
			h.advance(1);
		}
		h.advance(900);
		// 3,000 records, 20 pages of 150; 60% of a 5 s budget at 1 s a request: three requests a poll.
		h.slowRequests(1);
		const polls: Array<{ items: number; requests: number }> = [];
		for (let i = 0; i < 60 && h.emitted.length < owed.length; i++) {
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			expect(r.requests).toBeLessThanOrEqual(4);
			polls.push({ items: r.items.length, requests: r.requests });
			h.advance(60);
		}
		// The whole window does not fit: the first poll narrows it and emits nothing.
		expect(polls[0].items).toBe(0);
		expect(polls.length).toBeGreaterThan(5);
		expect([...ids(h.emitted)].sort()).toEqual([...owed].sort());
		expect(new Set(ids(h.emitted)).size).toBe(owed.length);
		expect(inOrder(h.emitted, idOf)).toBe(true);
		// Drained: the narrowing is dropped and an idle poll is one request again.
		h.advance(60);
		for (let i = 0; i < 5; i++) {
			const idle = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(idle.error).toBeUndefined();
			expect(idle.items).toEqual([]);
			h.advance(60);
			if (i === 4) expect(idle.requests).toBe(1);
		}
		expect((h.state.cursor as IDataObject).span).toBeUndefined();
	}, 120_000);
});

describe('what still cannot be read in parts: a single second larger than one poll', () => {
	it('New Ticket: the poll fails with an error saying so, the cursor where it was, until a poll can read that second', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.created', options: { maxEventsPerPoll: 1_000 } };
		await h.poll(params);
		h.advance(5);
		const owed = Array.from({ length: 600 }, (_, i) => newTicket(`Same second ${i}`)).map((t) => `ticket.created:${t.id}:${t.created_at}`);
		h.advance(900);
		// 600 tickets in one second, 4 pages of 150; 60% of a 5 s budget at 1 s a request: three requests a poll.
		h.slowRequests(1);
		let failed = 0;
		for (let i = 0; i < 30 && failed < 2; i++) {
			const before = h.stored;
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			if (r.error) {
				failed++;
				expect(r.error.message).toMatch(/^Could not read Intercom's changes since .* within this poll's time budget$/);
				expect(r.items).toEqual([]);
				expect(h.stored).toBe(before);
			}
			h.advance(60);
		}
		expect(failed).toBe(2);
		expect(h.emitted).toEqual([]);
		// Polls with the time to read that second (a larger budget, or a faster link) emit it, each once.
		for (let i = 0; i < 3 && h.emitted.length < owed.length; i++) {
			const r = await h.poll(params, { pollBudgetMs: 10_000 });
			expect(r.error).toBeUndefined();
			h.advance(60);
		}
		expect(ids(h.emitted).sort()).toEqual([...owed].sort());
	}, 120_000);
});

describe('a narrowed window with nothing new below its end moves on', () => {
	// The log's end date is inclusive: a narrowed read also returns the records of its end second,
	// which belong to the next part. When nothing else was new, the read must still move the
	// cursor to that end, or the next poll (twice as wide) does not fit, halves back, and so on for
	// good (found by the chaos soak: `npm run soak -- --changes 3000 --bursts 5 --seed 5`).
	it.each([
		['New Ticket', 'ticket.created', (item: IDataObject) => String((item.ticket as IDataObject).id), newTicket],
		['New Admin Activity Log Entry', 'admin.activity_log.created', (item: IDataObject) => String((item.activity_log as IDataObject).id), newLogEntry],
	] as const)('%s: a burst after a quiet stretch drains', async (_name, event, idOf, make) => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event };
		await h.poll(params);
		const activated = h.now;
		h.advance(100);
		const owed: string[] = [];
		for (let second = 0; second < 15; second++) {
			for (let i = 0; i < 40; i++) {
				const r = make(`Burst ${second}.${i}`);
				owed.push(`${event}:${r.id}:${r.created_at}`);
			}
			h.advance(1);
		}
		// 600 records, 4 pages of 150; 60% of a 5 s budget at 1 s a request: three requests a poll. The
		// window (1,600 s) is halved to 800, 400, 200 (none fits), then 100: nothing new below the
		// burst's first second, which the end date returns.
		h.advance(activated + 1_600 - h.now);
		h.slowRequests(1);
		for (let i = 0; i < 60 && h.emitted.length < owed.length; i++) {
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			h.advance(60);
		}
		expect([...ids(h.emitted)].sort()).toEqual([...owed].sort());
		expect(new Set(ids(h.emitted)).size).toBe(owed.length);
		expect(inOrder(h.emitted, idOf)).toBe(true);
	}, 120_000);
});
