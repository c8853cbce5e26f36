/**
 * New Ticket and Ticket State Changed against the sandbox: each ticket and each state change is
 * emitted once, in (time, id) order, however many share a second or a poll; the record of a
 * ticket's first state is not a change; a poll with nothing new emits nothing; and the editor's
 * test event leaves the cursor alone.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createTicket, replyToTicket, updateTicket } from '../../sandbox/store/ticket-ops';
import type { TicketStateCategory } from '../../sandbox/store/types';
import { ids, inOrder, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 10, conversations: 0, articles: 0, companies: 0, tickets: 6 };
const ticketId = (item: IDataObject) => String((item.ticket as IDataObject).id);
const partId = (item: IDataObject) => String((item.part as IDataObject).id);

function newTicket(title: string) {
	const ws = h.sb.workspace;
	const type = [...ws.ticketTypes.values()].find((t) => t.category === 'Customer')!;
	const contact = ws.contacts.all()[0];
	return createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: contact.id }], ticket_attributes: { _default_title_: title } });
}

function moveTo(id: string, category: TicketStateCategory) {
	const ws = h.sb.workspace;
	const state = [...ws.ticketStates.values()].find((s) => s.category === category && s.ticketTypeIds.includes(ws.tickets.get(id)!.ticketTypeId))!;
	const admin = [...ws.admins.keys()][0];
	return updateTicket(ws, id, { ticket_state_id: state.id, admin_id: Number(admin) }).parts.at(-1)!;
}

describe('New Ticket', () => {
	it('emits each ticket created since the activation once, in order, several in one second too', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.created' };
		expect((await h.poll(params)).items).toEqual([]); // activation: no history
		h.advance(10);
		const first = [newTicket('One'), newTicket('Two'), newTicket('Three')].map((t) => t.id); // one second
		h.advance(3);
		const poll = await h.poll(params);
		expect(poll.items.map(ticketId)).toEqual(first);
		expect(poll.requests).toBe(1);
		expect(poll.items[0]).toMatchObject({ event: 'ticket.created', event_id: `ticket.created:${first[0]}:${h.now - 3}`, ticket: { type: 'ticket', ticket_attributes: { _default_title_: 'One' } } });
		expect((poll.items[0].ticket as IDataObject).ticket_parts).toBeUndefined();

		// Another ticket in the very second of the last poll, after it: emitted next time, nothing repeated.
		const fourth = newTicket('Four').id;
		const next = await h.poll(params);
		expect(next.items.map(ticketId)).toEqual([fourth]);
		h.advance(60);
		const idle = await h.poll(params);
		expect(idle.items).toEqual([]);
		expect(idle.requests).toBe(1);
		expect(new Set(ids(h.emitted)).size).toBe(4);
	});

	it('Fetch Test Event finds the newest ticket, widening its window only when the recent ones are empty', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.created' };
		await h.poll(params);
		const stored = h.stored;
		// The seed's tickets are weeks old: a day, then a month, then all time.
		const newest = [...h.sb.workspace.tickets.values()].sort((a, b) => b.created_at - a.created_at)[0];
		const old = await h.poll(params, { mode: 'manual' });
		expect(old.items.map(ticketId)).toEqual([newest.id]);
		expect(old.requests).toBe(3);
		h.advance(60);
		const fresh = newTicket('Fresh').id;
		h.advance(60);
		const recent = await h.poll(params, { mode: 'manual' });
		expect(recent.items.map(ticketId)).toEqual([fresh]);
		expect(recent.requests).toBe(1);
		expect(h.stored).toBe(stored);
	});

	it('drains a backlog in order over several polls, at most the cap each time', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.created', options: { maxEventsPerPoll: 2 } };
		await h.poll(params);
		const made: string[] = [];
		for (let i = 0; i < 5; i++) {
			h.advance(7);
			made.push(newTicket(`Backlog ${i}`).id);
		}
		h.advance(5);
		expect((await h.poll(params)).items).toHaveLength(2);
		await h.drain(params);
		expect(h.emitted.map(ticketId)).toEqual(made);
		expect(inOrder(h.emitted, ticketId)).toBe(true);
	});
});

describe('Ticket State Changed', () => {
	it('emits each state change once with the previous and new state; a new ticket is not a change', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.state_changed' };
		await h.poll(params);
		h.advance(10);
		const ticket = newTicket('Laptop broken');
		h.advance(5);
		expect((await h.poll(params)).items).toEqual([]); // created, not changed

		h.advance(5);
		const wanted = [moveTo(ticket.id, 'in_progress'), moveTo(ticket.id, 'waiting_on_customer')]; // one second
		h.advance(1);
		// The customer's reply puts it back in progress (a state part by Intercom's operator).
		const contact = h.sb.workspace.contacts.all()[0];
		replyToTicket(h.sb.workspace, ticket.id, { type: 'user', intercom_user_id: contact.id, body: 'It still does not boot' });
		wanted.push(h.sb.workspace.tickets.get(ticket.id)!.parts.at(-1)!);
		h.advance(2);
		const { items } = await h.poll(params);
		expect(items.map(partId)).toEqual(wanted.map((p) => p.id));
		expect(items.map((i) => [i.previous_state, i.state])).toEqual([
			['submitted', 'in_progress'],
			['in_progress', 'waiting_on_customer'],
			['waiting_on_customer', 'in_progress'],
		]);
		expect(items[0]).toMatchObject({ event: 'ticket.state_changed', ticket: { id: ticket.id }, part: { part_type: 'ticket_state_updated_by_admin' } });
		expect((items[0].ticket as IDataObject).ticket_parts).toBeUndefined();

		// Closing resolves it; other updates (an attribute, a snooze) are not state changes.
		h.advance(30);
		updateTicket(h.sb.workspace, ticket.id, { ticket_attributes: { _default_title_: 'Laptop still broken' } });
		h.advance(1);
		const closed = updateTicket(h.sb.workspace, ticket.id, { open: false }).parts.at(-1)!;
		h.advance(5);
		const last = await h.poll(params);
		expect(last.items.map(partId)).toEqual([closed.id]);
		expect(last.items[0]).toMatchObject({ previous_state: 'in_progress', state: 'resolved', ticket: { open: false } });
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
		expect(new Set(ids(h.emitted)).size).toBe(h.emitted.length);
	});

	it('with no late-arrival window, a change in the second of the last poll is still emitted, once', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.state_changed', options: { lateArrivalMinutes: 0 } };
		await h.poll(params);
		h.advance(10);
		const ticket = newTicket('Exact');
		h.advance(5);
		const first = moveTo(ticket.id, 'in_progress');
		expect((await h.poll(params)).items.map(partId)).toEqual([first.id]);
		// The same second, after that poll read it.
		const second = moveTo(ticket.id, 'waiting_on_customer');
		h.advance(3);
		expect((await h.poll(params)).items.map(partId)).toEqual([second.id]);
		h.advance(3);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it("Fetch Test Event shows the latest change and leaves the cursor where it was", async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.state_changed' };
		await h.poll(params);
		const stored = h.stored;
		h.advance(10);
		const ticket = newTicket('Sample');
		h.advance(1);
		moveTo(ticket.id, 'in_progress');
		h.advance(1);
		const latest = moveTo(ticket.id, 'resolved');
		h.advance(1);
		const sample = await h.poll(params, { mode: 'manual' });
		expect(sample.items.map(partId)).toEqual([latest.id]);
		expect(sample.requests).toBe(1);
		expect(h.stored).toBe(stored);
		// The real poll still emits both changes.
		expect((await h.poll(params)).items).toHaveLength(2);
	});

	it('a copy of the static data restored from before a poll emits that poll\'s changes again, once', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.state_changed' };
		await h.poll(params);
		h.advance(10);
		const ticket = newTicket('Restore');
		h.advance(1);
		moveTo(ticket.id, 'in_progress');
		h.advance(5);
		const before = h.stored;
		const first = await h.poll(params);
		expect(first.items).toHaveLength(1);
		h.stored = before;
		h.advance(5);
		expect(ids((await h.poll(params)).items)).toEqual(ids(first.items));
		h.advance(5);
		expect((await h.poll(params)).items).toEqual([]);
	});
});

describe('records without their time', () => {
	/** One poll with the ticket search answering through `strip`, which removes times from what it returns. */
	async function pollStripped(params: INodeParameters, strip: (ticket: IDataObject) => void) {
		const search = h.sb.sandbox.routes['POST /tickets/search'];
		h.sb.sandbox.routes['POST /tickets/search'] = (ctx) => {
			const answer = search(ctx) as { tickets: IDataObject[] };
			answer.tickets.forEach(strip);
			return answer;
		};
		try {
			return await h.poll(params);
		} finally {
			h.sb.sandbox.routes['POST /tickets/search'] = search;
		}
	}

	it('a ticket without created_at is emitted at its updated_at, one with no time at all as untimed', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.created' };
		await h.poll(params);
		h.advance(10);
		const [a, b] = [newTicket('A'), newTicket('B')];
		h.advance(10);
		const { items, error } = await pollStripped(params, (t) => {
			if (t.id === a.id || t.id === b.id) delete t.created_at;
			if (t.id === b.id) delete t.updated_at;
		});
		expect(error).toBeUndefined();
		const byTicket = new Map(items.map((i) => [ticketId(i), i]));
		expect(byTicket.get(a.id)).toMatchObject({ occurred_at: a.updated_at, event_id: `ticket.created:${a.id}:${a.updated_at}` });
		expect(byTicket.get(b.id)).toMatchObject({ occurred_at: h.now, event_id: `ticket.created:${b.id}:untimed` });
	});

	it('a state change without created_at is emitted at its updated_at, one with no time at all as untimed', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event: 'ticket.state_changed' };
		await h.poll(params);
		h.advance(10);
		const ticket = newTicket('Moves');
		h.advance(5);
		const first = moveTo(ticket.id, 'in_progress');
		h.advance(5);
		const second = moveTo(ticket.id, 'waiting_on_customer');
		h.advance(10);
		const { items, error } = await pollStripped(params, (t) => {
			const parts = (t.ticket_parts as { ticket_parts: IDataObject[] }).ticket_parts;
			for (const part of parts) {
				if (part.id === first.id || part.id === second.id) delete part.created_at;
				if (part.id === second.id) delete part.updated_at;
			}
		});
		expect(error).toBeUndefined();
		const byPart = new Map(items.map((i) => [partId(i), i]));
		expect(byPart.get(first.id)).toMatchObject({ occurred_at: first.updated_at, event_id: `ticket.state_changed:${first.id}:${first.updated_at}` });
		expect(byPart.get(second.id)).toMatchObject({ occurred_at: h.now, event_id: `ticket.state_changed:${second.id}:untimed` });
		expect(items).toHaveLength(2);
	});
});
