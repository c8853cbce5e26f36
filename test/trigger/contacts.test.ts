/**
 * Contact events against the sandbox, through n8n-core's PollContext: everything Intercom's change
 * log recorded is emitted exactly once, in order, whatever the volume, the page boundaries, the
 * workspace's time zone or the search delay.
 */
import type { IDataObject } from 'n8n-workflow';

import { API_VERSIONS } from '../../nodes/shared/regions';
import { contactId, ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

/** `event_id`s the change log says the trigger owes, for contacts created (or touched) from `since` on. */
function owed(kind: 'contact.created' | 'contact.updated', since: number): string[] {
	const entries = h.sb.workspace.changes.list({ kinds: kind === 'contact.created' ? ['contact.created'] : ['contact.created', 'contact.updated'] });
	const keys = new Set(entries.filter((e) => e.at >= since).map((e) => `${kind}:${e.id}:${e.at}`));
	return [...keys].sort();
}

/** Creates `count` contacts, `perSecond` to a second, moving the clock; returns their ids. */
function createContacts(count: number, perSecond: number): string[] {
	const out: string[] = [];
	while (out.length < count) {
		out.push(...h.sb.activity.newContacts(Math.min(perSecond, count - out.length)).map((c) => c.id));
		h.advance(1);
	}
	return out;
}

describe('New Contact', () => {
	it('starts at the first activation: no history, then each new contact once', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 50, conversations: 0, articles: 0, companies: 0 } });
		const params = { event: 'contact.created' };
		expect((await h.poll(params)).items).toEqual([]);
		h.advance(30);
		const created = createContacts(5, 2);
		h.advance(30);
		const { items } = await h.poll(params);
		expect(items.map(contactId)).toEqual(created);
		expect(items[0]).toMatchObject({ event: 'contact.created', occurred_at: expect.any(Number), contact: { type: 'contact' } });
		expect(items[0].occurred_at_iso).toBe(new Date(Number(items[0].occurred_at) * 1000).toISOString());
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('starts from "Start From" when given, in order', async () => {
		h = await TriggerHarness.start();
		createContacts(6, 3);
		h.advance(3600);
		const since = T0 + 1;
		const params = { event: 'contact.created', options: { startAt: new Date(since * 1000).toISOString() } };
		const { items } = await h.poll(params);
		expect(ids(items).sort()).toEqual(owed('contact.created', since));
		expect(items.length).toBe(3);
		expect(inOrder(items, contactId)).toBe(true);
	});

	it('drains a backlog larger than the cap over several polls, in order, each once', async () => {
		h = await TriggerHarness.start();
		const params = { event: 'contact.created', options: { maxEventsPerPoll: 400 } };
		await h.poll(params);
		h.advance(10);
		// Bursts of up to 25 contacts in one second, as an import makes them.
		let made = 0;
		for (let i = 0; made < 1_500; i++) {
			const n = Math.min(1 + ((i * 7) % 25), 1_500 - made);
			h.sb.activity.newContacts(n);
			made += n;
			h.advance(1);
		}
		h.advance(900);
		const counts: number[] = [];
		for (let poll = 0; poll < 6; poll++) {
			counts.push((await h.poll(params)).items.length);
			h.advance(60);
		}
		expect(counts).toEqual([400, 400, 400, 300, 0, 0]);
		expect(ids(h.emitted).sort()).toEqual(owed('contact.created', T0));
		expect(inOrder(h.emitted, contactId)).toBe(true);
	});

	it('under a poll time budget: reads newest first for half of it, then drains oldest first, in order, going on where it stopped', async () => {
		h = await TriggerHarness.start();
		const params = { event: 'contact.created', options: { maxEventsPerPoll: 10_000 } };
		await h.poll(params);
		h.advance(10);
		createContacts(1_000, 20); // seven pages
		h.advance(900);
		h.slowRequests(1);
		// 16 s of budget, 60% for fetching: five pages newest first, then four oldest first.
		const first = await h.poll(params, { pollBudgetMs: 16_000 });
		expect(first.error).toBeUndefined();
		expect(first.requests).toBe(10);
		// Every contact the oldest-first pages read goes out, the last second's too: those pages came in
		// (time, id) order, so nothing unread sorts before the last one read.
		expect(first.items).toHaveLength(750);
		// The next poll goes on at the search position where the read stopped.
		const second = await h.poll(params, { pollBudgetMs: 16_000 });
		expect(second.items.length + first.items.length).toBe(1_000);
		expect(second.requests).toBeLessThanOrEqual(3);
		expect(ids(h.emitted).sort()).toEqual(owed('contact.created', T0));
		expect(inOrder(h.emitted, contactId)).toBe(true);
	});

	it('emits a run of contacts sharing one second across page and poll boundaries once each', async () => {
		h = await TriggerHarness.start();
		const params = { event: 'contact.created', options: { maxEventsPerPoll: 100 } };
		await h.poll(params);
		h.advance(5);
		createContacts(3, 3);
		createContacts(400, 400); // one second, nearly three pages of 150
		createContacts(3, 3);
		h.advance(700);
		await h.drain(params);
		expect(h.emitted).toHaveLength(406);
		expect(ids(h.emitted).sort()).toEqual(owed('contact.created', T0));
		expect(inOrder(h.emitted, contactId)).toBe(true);
	});

	it('emits a contact that search shows only minutes after its creation, once', async () => {
		h = await TriggerHarness.start({ searchDelaySeconds: 120 });
		const params = { event: 'contact.created' };
		await h.poll(params);
		h.advance(10);
		const [late] = createContacts(1, 1);
		h.advance(5);
		expect((await h.poll(params)).items).toEqual([]); // not in search yet
		h.advance(120);
		expect((await h.poll(params)).items.map(contactId)).toEqual([late]);
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});
});

describe('Contact Updated', () => {
	it('emits a contact that reached search after a later change was emitted (below the watermark), once', async () => {
		h = await TriggerHarness.start({ searchDelaySeconds: 120, seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
		const params = { event: 'contact.updated' };
		await h.poll(params);
		h.advance(10);
		const [late] = createContacts(1, 1); // updated_at = created_at, hidden from search for 2 minutes
		h.advance(5);
		const [old] = h.sb.activity.contactUpdates(1).map((c) => c.id); // visible at once, later than `late`
		h.advance(5);
		const first = await h.poll(params);
		expect(first.items.map(contactId)).toEqual([old]);
		h.advance(150);
		const second = await h.poll(params);
		expect(second.items.map(contactId)).toEqual([late]);
		expect(Number(second.items[0].occurred_at)).toBeLessThan(Number(first.items[0].occurred_at));
		for (let i = 0; i < 3; i++) {
			h.advance(200);
			expect((await h.poll(params)).items).toEqual([]);
		}
		expect(ids(h.emitted).sort()).toEqual(owed('contact.updated', T0));
	});

	// Contact search compares dates by calendar day in the workspace's zone in every API version the
	// credential offers (Intercom anchors them to UTC seconds only from 2.17 on); the sandbox applies
	// the rule whatever version a request names, and the trigger handles it under each.
	it.each(API_VERSIONS)('emits changes on either side of midnight in a non-UTC workspace once each (API %s)', async (version) => {
		// 23:58:00 in Los Angeles (PDT, UTC-7) on 10 March 2025.
		const beforeMidnight = Date.UTC(2025, 2, 11, 6, 58, 0) / 1000;
		h = await TriggerHarness.start({ timezone: 'America/Los_Angeles', seed: { contacts: 30, conversations: 0, articles: 0, companies: 0 } }, beforeMidnight);
		h.apiVersion = version;
		const params = { event: 'contact.updated', options: { lateArrivalMinutes: 0 } };
		await h.poll(params);
		h.advance(110); // 23:59:50
		h.sb.activity.contactUpdates(2);
		h.advance(2);
		expect((await h.poll(params)).items).toHaveLength(2);
		h.advance(6); // 23:59:58: after that poll, before midnight
		h.sb.activity.contactUpdates(1);
		createContacts(1, 1);
		h.advance(10); // 00:00:09
		h.sb.activity.contactUpdates(2);
		h.advance(30);
		expect((await h.poll(params)).items).toHaveLength(4);
		h.advance(30);
		expect((await h.poll(params)).items).toEqual([]);
		expect(ids(h.emitted).sort()).toEqual(owed('contact.updated', beforeMidnight));
		expect(inOrder(h.emitted, contactId)).toBe(true);
		// One GET /me for the zone, cached: never asked again.
		expect(h.sb.log.requests().filter((r) => r.path === '/me')).toHaveLength(1);
		expect(new Set(h.sb.log.requests().map((r) => r.intercomVersion))).toEqual(new Set([version]));
	});

	it("asks GET /me for the workspace's zone once a day, and follows a change of zone", async () => {
		h = await TriggerHarness.start({ timezone: 'America/Los_Angeles', seed: { contacts: 30, conversations: 0, articles: 0, companies: 0 } });
		const params = { event: 'contact.updated' };
		const zoneChecks = () => h.sb.log.requests().filter((r) => r.path === '/me').length;
		await h.poll(params);
		for (let i = 0; i < 23; i++) {
			h.advance(3_600);
			await h.poll(params);
		}
		expect(zoneChecks()).toBe(1);
		expect((h.state.timezone as IDataObject).name).toBe('America/Los_Angeles');
		// A day after the first check, the zone is asked again (a workspace's settings may change).
		h.sb.workspace.timezone = 'Asia/Kolkata';
		h.advance(3_600);
		h.sb.activity.contactUpdates(2);
		h.advance(5);
		expect((await h.poll(params)).items).toHaveLength(2);
		expect(zoneChecks()).toBe(2);
		expect((h.state.timezone as IDataObject).name).toBe('Asia/Kolkata');
	});

	it('keeps to the chosen role', async () => {
		h = await TriggerHarness.start();
		const params = { event: 'contact.updated', contactRole: 'lead' };
		await h.poll(params);
		h.advance(5);
		const made = h.sb.activity.newContacts(20);
		h.advance(5);
		const { items } = await h.poll(params);
		const leads = made.filter((c) => c.role === 'lead').map((c) => c.id);
		expect(leads.length).toBeGreaterThan(0);
		expect(items.map(contactId).sort()).toEqual(leads.sort());
		expect(items.every((i) => (i.contact as IDataObject).role === 'lead')).toBe(true);
	});
});
