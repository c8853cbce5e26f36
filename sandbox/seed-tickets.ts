/**
 * Seeded tickets: the workspace's default ticket states plus one state of its own, a list
 * attribute on the first ticket type, and tickets of every type raised by contacts, each moved
 * through a realistic part of the state machine (in progress, waiting on the customer, resolved)
 * by admins. Everything goes through ticket-ops, so parts and states are what the API would make.
 */
import type { Prng } from './prng';
import { adminAuthor, contactAuthor } from './store/conversation-ops';
import { appendTicketPart, createTicket, moveToState } from './store/ticket-ops';
import { addTicketState, ensureDefaultStates, statesOf } from './store/ticket-type-ops';
import type { TicketStateCategory } from './store/types';
import type { Workspace } from './store/workspace';

const TITLES = ['Export to CSV fails', 'Refund for a double charge', 'SSO login loops', 'Invoice address is wrong', 'Webhook retries stuck', 'Cannot add seats'];
const DESCRIPTIONS = ['Started this morning for the whole team.', 'Happened twice this month.', 'Only on the mobile app.', 'Customer sent screenshots.'];
const PATHS: TicketStateCategory[][] = [[], ['in_progress'], ['in_progress', 'waiting_on_customer'], ['in_progress', 'resolved'], ['resolved']];

export function seedTickets(ws: Workspace, rng: Prng, o: { count: number; startAt: number; endAt: number }): void {
	ensureDefaultStates(ws);
	const types = [...ws.ticketTypes.values()];
	if (types.length === 0) return;
	const [first] = types;
	if (!first.attributes.some((a) => a.name === 'priority')) {
		first.attributes.push({ id: ws.nextNumericId('misc'), name: 'priority', data_type: 'list', required: false, description: 'How urgent it is', list_items: ['Low', 'Medium', 'High'] });
		addTicketState(ws, 'submitted', 'Needs triage', [first.id]);
	}
	const contacts = ws.contacts.all().filter((c) => c.role === 'user');
	const admins = [...ws.admins.keys()];
	if (contacts.length === 0 || admins.length === 0) return;
	const span = Math.max(1, o.endAt - o.startAt);
	for (let i = 0; i < o.count; i++) {
		const type = types[i % types.length];
		const contact = rng.pick(contacts);
		const createdAt = o.startAt + Math.floor((span * i) / Math.max(1, o.count));
		const attributes: Record<string, unknown> = { _default_title_: rng.pick(TITLES), _default_description_: rng.pick(DESCRIPTIONS) };
		if (type.attributes.some((a) => a.name === 'priority')) attributes.priority = rng.pick(['Low', 'Medium', 'High']);
		const ticket = createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: contact.id }], ticket_attributes: attributes }, { at: createdAt });
		const admin = adminAuthor(ws, rng.pick(admins));
		let at = createdAt;
		const step = () => (at = Math.min(o.endAt, at + rng.int(60, 86_400)));
		if (type.category === 'Customer' && rng.chance(0.5)) appendTicketPart(ws, ticket, { part_type: 'comment', author: contactAuthor(contact), body: 'Any news on this?' }, step());
		for (const category of rng.pick(PATHS)) {
			const state = statesOf(ws, type.id).find((s) => s.category === category)!;
			moveToState(ws, ticket, state, admin, step());
		}
	}
}
