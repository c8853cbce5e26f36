/**
 * The soak's activity beyond the sandbox's simulator (tickets, away mode), and its bursts: hundreds
 * of changes of every kind within a second or a few, each kind more than one poll of the slow or
 * capped workflows (workflows.ts) reads, so that their reads go on over several polls (and over the
 * faults, restarts and restored copies that keep coming meanwhile).
 */
import { createTicket, updateTicket } from '../../../sandbox/store/ticket-ops';
import type { World } from './world';

/** A teammate turns away mode on or off (the sandbox's own handler, as the API would). */
export function toggleAway(world: World): void {
	const { sb, rng } = world;
	const ws = sb.workspace;
	const admin = rng.pick([...ws.admins.values()]);
	sb.sandbox.routes['PUT /admins/{admin_id}/away']({ ws, params: { admin_id: admin.id }, query: {}, body: { away_mode_enabled: !admin.away_mode_enabled }, settings: sb.settings });
}

let serial = 0;

/** A customer opens a ticket (a Customer ticket type, a random contact). */
export function newTicket(world: World): void {
	const ws = world.sb.workspace;
	const type = world.rng.pick([...ws.ticketTypes.values()].filter((t) => t.category === 'Customer' && !t.archived));
	createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: world.rng.pick(ws.contacts.all()).id }], ticket_attributes: { _default_title_: `Soak ticket ${++serial}` } });
}

/** A teammate moves a ticket to another state of its type. */
export function moveTicket(world: World): void {
	const ws = world.sb.workspace;
	const tickets = [...ws.tickets.values()];
	if (tickets.length === 0) return;
	const ticket = world.rng.pick(tickets);
	const states = [...ws.ticketStates.values()].filter((s) => !s.archived && s.ticketTypeIds.includes(ticket.ticketTypeId) && s.id !== ticket.ticketStateId);
	if (states.length === 0) return;
	updateTicket(ws, ticket.id, { ticket_state_id: world.rng.pick(states).id, admin_id: Number(world.rng.pick([...ws.admins.keys()])) });
}

/** `count` of something, spread evenly over `seconds` seconds of the shared clock. */
function spread(world: World, count: number, seconds: number, act: (n: number) => unknown): void {
	for (let s = 0; s < seconds; s++) {
		act(Math.floor((count * (s + 1)) / seconds) - Math.floor((count * s) / seconds));
		world.advance(1);
	}
}

/**
 * One burst, about 45 seconds of the shared clock. Sizes are against the slow workflows' reach (a
 * search page holds 150): a second of some 400 conversation closes (three pages, more than the two
 * a slow poll reads) and of about 200 ticket moves (read out of order), some 350 new and 350
 * updated contacts in one second each (read oldest first
 * over polls at a cap of 200), conversations parts in some 300 conversations (read out of order),
 * and new tickets, articles and away changes at 30 a second (windows narrowed, articles drained:
 * what one second holds of those must fit one poll, as the README says).
 */
export function burst(world: World): void {
	const { sb } = world;
	sb.activity.newContacts(350);
	world.advance(1);
	sb.activity.contactUpdates(350);
	world.advance(1);
	spread(world, 350, 4, (n) => sb.activity.newConversations(n));
	sb.activity.userReplies(150);
	sb.activity.adminReplies(50);
	world.advance(2);
	sb.activity.closes(400);
	world.advance(2);
	spread(world, 400, 10, (n) => sb.activity.articlePublishes(n));
	spread(world, 400, 10, (n) => {
		for (let i = 0; i < n; i++) newTicket(world);
	});
	for (let i = 0; i < 250; i++) moveTicket(world);
	world.advance(1);
	spread(world, 400, 10, (n) => {
		for (let i = 0; i < n; i++) toggleAway(world);
	});
}
