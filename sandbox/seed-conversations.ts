/**
 * Seeded conversations: started by random contacts, with a realistic thread
 * of admin/user comments, notes, assignments, closes and snoozes. Parts go
 * through appendPart, so states and statistics are exactly what the live
 * API would have produced.
 */
import type { Prng } from './prng';
import { adminAuthor, appendPart, contactAuthor, newConversation } from './store/conversation-ops';
import type { Workspace } from './store/workspace';

const OPENERS = [
	'Hi, I cannot log in since this morning.',
	'How do I export my data to CSV?',
	'Is there a discount for nonprofits?',
	'The invoice for last month looks wrong.',
	'Can I add more seats to my plan?',
	'Your webhook retries look stuck.',
	'Bonjour, est-ce que l’API supporte le français ?',
	'The mobile app crashes when I open settings.',
];
const ADMIN_REPLIES = ['Thanks for reaching out! Looking into it now.', 'Could you share a screenshot?', 'That should be fixed now.', 'I have passed this to our billing team.'];
const USER_REPLIES = ['Thanks!', 'Still happening for me.', 'Here is the screenshot.', 'That worked, cheers.'];

export function seedConversations(
	ws: Workspace,
	rng: Prng,
	o: { count: number; maxParts: number; startAt: number; endAt: number },
): void {
	const contacts = ws.contacts.all();
	const adminIds = [...ws.admins.keys()];
	const teamIds = [...ws.teams.keys()];
	const tagIds = [...ws.tags.keys()];
	if (contacts.length === 0 || adminIds.length === 0) return;
	const step = Math.max(1, Math.floor((o.endAt - o.startAt) / Math.max(1, o.count)));
	for (let i = 0; i < o.count; i++) {
		const createdAt = o.startAt + i * step;
		// Choose a contact that existed by then, preferring the window before createdAt.
		const eligible = ws.contacts.indexAfter(createdAt, 'f'.repeat(24));
		const contact = contacts[rng.int(0, Math.max(0, eligible - 1))];
		const c = newConversation(ws, contact, {
			createdAt: Math.max(createdAt, contact.created_at),
			body: `<p>${rng.pick(OPENERS)}</p>`,
			subject: rng.chance(0.2) ? 'Question from email' : '',
			title: rng.chance(0.3) ? rng.pick(['Login issue', 'Billing question', 'Export help', 'Bug report']) : null,
		});
		if (rng.chance(0.5)) c.custom_attributes.issue_type = rng.pick(['bug', 'question', 'billing']);
		if (rng.chance(0.3)) c.custom_attributes.severity = rng.int(1, 4);
		if (rng.chance(0.2)) c.priority = 'priority';
		ws.conversations.insert(c);
		let at = c.created_at;
		const partCount = rng.int(1, Math.max(1, o.maxParts));
		const admin = rng.pick(adminIds);
		for (let p = 0; p < partCount; p++) {
			at += rng.int(60, 6 * 3600);
			if (at > o.endAt) break;
			const roll = rng.next();
			if (p === 0 && rng.chance(0.5) && teamIds.length > 0) {
				appendPart(ws, c, { part_type: 'assignment', author: adminAuthor(ws, admin), assignedTo: { type: 'team', id: rng.pick(teamIds) } }, at);
			} else if (p === partCount - 1 && roll < 0.5) {
				appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, admin) }, at);
			} else if (p === partCount - 1 && roll < 0.6) {
				appendPart(ws, c, { part_type: 'snoozed', author: adminAuthor(ws, admin), snoozedUntil: at + 86400 }, at);
			} else if (roll < 0.15) {
				appendPart(ws, c, { part_type: 'note', author: adminAuthor(ws, admin), body: '<p>Internal: checked the logs.</p>' }, at);
			} else if (p % 2 === 0) {
				appendPart(ws, c, { part_type: 'comment', author: adminAuthor(ws, admin), body: `<p>${rng.pick(ADMIN_REPLIES)}</p>` }, at);
			} else {
				appendPart(ws, c, { part_type: 'comment', author: contactAuthor(contact), body: `<p>${rng.pick(USER_REPLIES)}</p>` }, at);
			}
		}
		if (tagIds.length > 0 && rng.chance(0.25)) c.tags.push({ tagId: rng.pick(tagIds), appliedAt: c.updated_at, appliedBy: admin });
		c.read = c.state !== 'open' || rng.chance(0.5);
	}
}
