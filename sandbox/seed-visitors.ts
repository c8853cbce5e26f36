/**
 * Seed data for visitors and data events. It draws from its own PRNG, so
 * adding it left every other seeded record exactly as it was.
 */
import { Prng } from './prng';
import type { DataEventRecord } from './store/event-ops';
import { createVisitor } from './store/visitor-ops';
import type { Workspace } from './store/workspace';

const PSEUDONYM_COLOURS = ['Violet', 'Amber', 'Teal', 'Crimson', 'Olive', 'Indigo'];
const PSEUDONYM_THINGS = ['Suitcase', 'Lantern', 'Kettle', 'Compass', 'Teacup', 'Bicycle'];
const EVENT_NAMES = ['signed-in', 'created-project', 'invited-teammate', 'exported-report', 'upgraded-plan'];
/** Seeded events fall in the last 60 days, inside the 90 days Intercom lists. */
const EVENT_SPAN = 60 * 24 * 3600;
const EVENT_CONTACTS = 400;

export function seedVisitorsAndEvents(ws: Workspace, seed: number, options: { visitors: number; endAt: number }): void {
	const rng = new Prng(`visitors:${seed}`);
	for (let i = 0; i < options.visitors; i++) {
		const createdAt = options.endAt - rng.int(0, 30 * 24 * 3600);
		createVisitor(
			ws,
			{
				user_id: `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`,
				pseudonym: `${rng.pick(PSEUDONYM_COLOURS)} ${rng.pick(PSEUDONYM_THINGS)}`,
				session_count: rng.int(1, 12),
				custom_attributes: rng.chance(0.5) ? { landing_page: rng.pick(['/pricing', '/docs', '/blog']) } : {},
			},
			createdAt,
		);
	}
	// A quarter of the newest users get a short history of product events (the newest few hundred
	// contacts only, so a 100,000-contact seed stays quick).
	const contacts = ws.contacts.all();
	for (let i = Math.max(0, contacts.length - EVENT_CONTACTS); i < contacts.length; i++) {
		const contact = contacts[i];
		if (contact.role !== 'user' || !rng.chance(0.25)) continue;
		const events: DataEventRecord[] = [];
		const summaries = new Map<string, { name: string; count: number; first: number; last: number }>();
		for (let n = rng.int(1, 6); n > 0; n--) {
			const name = rng.pick(EVENT_NAMES);
			const at = options.endAt - rng.int(0, EVENT_SPAN);
			if (events.some((e) => e.event_name === name && e.created_at === at)) continue;
			const metadata = name === 'upgraded-plan' ? { plan: String(contact.custom_attributes.plan ?? 'pro') } : {};
			events.push({ id: ws.nextObjectId(at), event_name: name, created_at: at, contactId: contact.id, metadata });
			const summary = summaries.get(name) ?? { name, count: 0, first: at, last: at };
			summaries.set(name, { name, count: summary.count + 1, first: Math.min(summary.first, at), last: Math.max(summary.last, at) });
		}
		ws.dataEvents.set(contact.id, { events, summaries });
	}
}
