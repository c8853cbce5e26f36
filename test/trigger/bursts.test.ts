/**
 * Bursts of contact changes larger than Max Events per Poll, through n8n-core and the sandbox:
 * what they cost (two reads of the burst: out once, settled once) and that nothing is lost or
 * repeated when contacts reach search late inside them, at random poll times and burst sizes.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { updateContact } from '../../sandbox/store/contact-ops';
import { contactId, ids, inOrder, TriggerHarness } from './harness';
import { uniform } from '../../sandbox/prng';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

/** `event_id`s the change log says Contact Updated owes from `since` on (each contact changed once). */
function owed(since: number): string[] {
	const entries = h.sb.workspace.changes.list({ kinds: ['contact.created', 'contact.updated'] });
	return [...new Set(entries.filter((e) => e.at >= since).map((e) => `contact.updated:${e.id}:${e.at}`))].sort();
}

/** Search requests (without the daily GET /me) of the polls from `before` on, split by sort order. */
function searches(before: number): { ascending: number; descending: number } {
	const sent = h.sb.log.requests().slice(before).filter((r) => r.path === '/contacts/search');
	const order = (r: (typeof sent)[number]) => ((r.body as IDataObject).sort as IDataObject).order;
	return { ascending: sent.filter((r) => order(r) === 'ascending').length, descending: sent.filter((r) => order(r) === 'descending').length };
}

describe('a contact burst larger than Max Events per Poll', () => {
	it('with a contact reaching search late inside it: each change emitted once, at most 2 × ceil(K/150) pages plus one request a poll, one newest-first page before turning', async () => {
		h = await TriggerHarness.start({ searchDelaySeconds: 240, seed: { contacts: 6_000, conversations: 0, articles: 0, companies: 0 } });
		const params: INodeParameters = { event: 'contact.updated', options: { maxEventsPerPoll: 1_000 } };
		await h.poll(params);
		h.advance(3_600);
		await h.poll(params);
		h.advance(1);
		const since = h.now;
		// 4,500 changes to distinct contacts over a minute; half-way, a new contact search shows only 4 minutes later,
		// after the draining read has passed its place.
		const k = 4_500;
		const contacts = h.sb.workspace.contacts.all().map((c) => c.id);
		let late = '';
		for (let second = 0, next = 0; second < 60; second++) {
			const n = Math.floor((k * (second + 1)) / 60) - Math.floor((k * second) / 60);
			for (let i = 0; i < n; i++) updateContact(h.sb.workspace, contacts[next++], { name: `Burst ${next}` });
			if (second === 30) late = h.sb.activity.newContacts(1)[0].id;
			h.advance(1);
		}
		const before = h.sb.log.requests().length;
		const first = h.sb.log.requests().length;
		const counts: number[] = [];
		let latePoll = -1;
		let polls = 0;
		for (; polls < 40 && !(h.emitted.length > k && h.settled); polls++) {
			if (polls > 0) h.advance(60);
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
			counts.push(r.items.length);
			if (r.items.some((item) => contactId(item) === late)) latePoll = polls;
			if (polls === 0) {
				// The first poll read one page newest first, saw a burst on a quiet day, and drained oldest first.
				expect(searches(first)).toEqual({ descending: 1, ascending: Math.ceil(1_000 / 150) });
			}
		}
		// Out over the next polls at the cap, without waiting for the late-arrival window; the late one once, later.
		expect(counts.slice(0, 5)).toEqual([1_000, 1_000, 1_000, 1_000, 500]);
		// The late contact is found by the read that settles the burst, once the late-arrival window has passed.
		expect(latePoll).toBeGreaterThanOrEqual(10);
		expect(ids(h.emitted).sort()).toEqual(owed(since));
		expect(h.emitted.filter((item) => contactId(item) === late)).toHaveLength(1);
		const sent = searches(before);
		expect(sent.ascending + sent.descending).toBeLessThanOrEqual(2 * Math.ceil((k + 1) / 150) + polls);
	});

	it('on a day busy before it, with a contact reaching search late inside it: each change once, at most 2 × ceil(K/150) pages plus one request a poll, never the day\'s earlier changes', async () => {
		h = await TriggerHarness.start({ searchDelaySeconds: 240, seed: { contacts: 12_000, conversations: 0, articles: 0, companies: 0 } });
		const params: INodeParameters = { event: 'contact.updated', options: { maxEventsPerPoll: 1_000 } };
		await h.poll(params);
		h.advance(60);
		const contacts = h.sb.workspace.contacts.all().map((c) => c.id);
		let next = 0;
		const change = (n: number, seconds: number) => {
			for (let second = 0; second < seconds; second++) {
				const count = Math.floor((n * (second + 1)) / seconds) - Math.floor((n * second) / seconds);
				for (let i = 0; i < count; i++) updateContact(h.sb.workspace, contacts[next++], { name: `Change ${next}` });
				h.advance(1);
			}
		};
		// Earlier the same day: 6,000 changes over an hour, polled every minute and settled.
		const earlier = 6_000;
		for (let minute = 0; minute < 60; minute++) {
			change(earlier / 60, 59);
			await h.poll(params);
		}
		h.advance(1_200);
		await h.drain(params);
		expect(h.settled).toBe(true);
		h.advance(60);
		const idle = await h.poll(params);
		expect(idle.items).toEqual([]);
		// Then a burst of 4,500 over a minute, and half-way a new contact that search shows only 4 minutes
		// later, after the read has passed its place; polled every minute until it has settled.
		const since = h.now;
		const k = 4_500;
		change(k / 2, 30);
		const late = h.sb.activity.newContacts(1)[0].id;
		change(k / 2, 30);
		const before = h.sb.log.requests().length;
		let polls = 0;
		let latePoll = -1;
		for (; polls < 40 && !(h.emitted.length >= earlier + k + 1 && h.settled); polls++) {
			if (polls > 0) h.advance(60);
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
			expect(r.items.length).toBeLessThanOrEqual(1_000);
			// In order within each poll (across the polls of a read newest first, not).
			expect(inOrder(r.items, contactId)).toBe(true);
			if (r.items.some((item) => contactId(item) === late)) latePoll = polls;
		}
		expect(ids(h.emitted.slice(-(k + 1))).sort()).toEqual(owed(since));
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(latePoll).toBeGreaterThan(0);
		const sent = searches(before);
		const cost = sent.ascending + sent.descending - polls * idle.requests;
		const floor = Math.ceil((k + 1) / 150);
		// Out once newest first, settled once; one page a poll where a read goes on, and the day's first page
		// read oldest first once (to tell the day was busy). Read oldest first from the day's start, as before,
		// the burst cost the day's earlier changes as well: 108 here.
		expect(cost).toBeLessThanOrEqual(2 * floor + polls + 2);
		if (process.env.SCALE_REPORT) process.stdout.write(`busy day: ${cost} requests above the idle polls over ${polls} polls, floor ${floor}: ${(cost / floor).toFixed(2)} x\n`);
	}, 300_000);

	it('on a day busy before the window, reads the day\'s first page oldest first once, not on every poll', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 2_000, conversations: 0, articles: 0, companies: 0 } });
		const params: INodeParameters = { event: 'contact.updated', options: { maxEventsPerPoll: 300 } };
		await h.poll(params);
		h.advance(60);
		const since = h.now;
		const contacts = h.sb.workspace.contacts.all().map((c) => c.id);
		let next = 0;
		const change = (n: number) => {
			for (let i = 0; i < n; i++) updateContact(h.sb.workspace, contacts[next++], { name: `Change ${next}` });
			h.advance(1);
		};
		// 400 changes, drained; then windows of 200 changes (two pages, all new) on a day holding more than the cap.
		change(400);
		h.advance(30);
		await h.drain(params);
		const ascending: number[] = [];
		for (let poll = 0; poll < 3; poll++) {
			h.advance(30);
			change(200);
			h.advance(29);
			const before = h.sb.log.requests().length;
			expect((await h.poll(params)).items).toHaveLength(200);
			ascending.push(searches(before).ascending);
		}
		expect(ascending).toEqual([1, 0, 0]);
		expect(h.state.busyDay).toEqual(expect.any(Number));
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed(since));
	});

	// Seeds 3, 4, 5 and 8 also go through a day noted busy, read newest first out of order over several polls.
	it.each([1, 2, 3, 4, 5, 6, 7, 8])('at random poll times, burst sizes and late contacts, every change is emitted exactly once (seed %i)', async (seed) => {
		const random = uniform(seed);
		h = await TriggerHarness.start({ searchDelaySeconds: 30 + Math.floor(random() * 120), seed: { contacts: 4_000, conversations: 0, articles: 0, companies: 0 } });
		const cap = 150 + Math.floor(random() * 700);
		const params: INodeParameters = { event: 'contact.updated', options: { maxEventsPerPoll: cap, lateArrivalMinutes: 3 } };
		await h.poll(params);
		h.advance(60);
		const since = h.now;
		const contacts = h.sb.workspace.contacts.all().map((c) => c.id);
		let next = 0;
		// Bursts of up to 2,000 changes over a few seconds, quiet spells, new contacts (late in search), polls in between.
		for (let step = 0; step < 12; step++) {
			const burst = random() < 0.5 ? Math.floor(random() * 2_000) : Math.floor(random() * 50);
			const seconds = 1 + Math.floor(random() * 20);
			for (let s = 0; s < seconds; s++) {
				const n = Math.floor((burst * (s + 1)) / seconds) - Math.floor((burst * s) / seconds);
				for (let i = 0; i < n && next < contacts.length; i++) updateContact(h.sb.workspace, contacts[next++], { name: `Change ${next}` });
				if (random() < 0.2) h.sb.activity.newContacts(1 + Math.floor(random() * 3));
				h.advance(1);
			}
			h.advance(Math.floor(random() * 90));
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
		}
		for (let polls = 0; !h.settled || polls < 3; polls++) {
			if (polls > 60) throw new Error('not settled after 60 polls');
			h.advance(20 + Math.floor(random() * 100));
			const r = await h.poll(params);
			expect(r.error).toBeUndefined();
		}
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
		expect(ids(h.emitted).sort()).toEqual(owed(since));
	});
});
