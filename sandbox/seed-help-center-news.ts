/**
 * Seed data for Help Center collections and News: a few collections in each help center (one with
 * a nested section), two newsfeeds and news items, live ones published on one or both feeds and
 * drafts. Its own random stream, so the other seeded records stay as they were.
 */
import { Prng } from './prng';
import type { Workspace } from './store/workspace';

const COLLECTIONS = ['Getting started', 'Account and billing', 'Integrations'];
const NEWS = [
	'Faster search in the Inbox',
	'New: ticket types for back-office work',
	'Scheduled maintenance this weekend',
	'Our new mobile app is here',
	'Webhooks now retry for 24 hours',
	'Holiday support hours',
];

export function seedHelpCenterAndNews(ws: Workspace, seed: number, startAt: number, endAt: number): void {
	const rng = new Prng(`help-center-news:${seed}`);
	const span = Math.max(1, endAt - startAt);
	for (const helpCenter of ws.helpCenters.values()) {
		const created: string[] = [];
		COLLECTIONS.forEach((name, i) => {
			const at = startAt + rng.int(0, span);
			const id = ws.nextNumericId('collection');
			created.push(id);
			ws.collections.set(id, {
				id,
				created_at: at,
				updated_at: at,
				name: `${name}${helpCenter.identifier === 'help' ? '' : ` (${helpCenter.display_name})`}`,
				description: `Articles about ${name.toLowerCase()}`,
				icon: 'book-bookmark',
				order: i + 1,
				parent_id: null,
				help_center_id: Number(helpCenter.id),
				translations: i === 0 ? { fr: { name: `${name} (FR)`, description: `Articles : ${name.toLowerCase()}` } } : {},
			});
		});
		const parent = ws.collections.get(created[0]);
		if (parent) {
			const id = ws.nextNumericId('collection');
			const at = parent.created_at + rng.int(0, Math.max(1, endAt - parent.created_at));
			ws.collections.set(id, {
				id,
				created_at: at,
				updated_at: at,
				name: 'First steps',
				description: null,
				icon: 'bookmark',
				order: 1,
				parent_id: parent.id,
				help_center_id: parent.help_center_id,
				translations: {},
			});
		}
	}
	const feeds = ['Visitor Feed', 'Users Feed'].map((name) => {
		const id = ws.nextNumericId('newsfeed');
		ws.newsfeeds.set(id, { id, name, created_at: startAt, updated_at: startAt });
		return Number(id);
	});
	const admins = [...ws.admins.keys()];
	NEWS.forEach((title, i) => {
		const at = startAt + Math.floor(((i + 1) * span) / (NEWS.length + 1));
		const live = i % 3 !== 2;
		const assigned = i % 2 === 0 ? feeds : [feeds[i % feeds.length]];
		const id = ws.nextNumericId('newsItem');
		ws.newsItems.set(id, {
			id,
			created_at: at,
			updated_at: at,
			title,
			body: `<p>${title}.</p>`,
			sender_id: Number(admins[i % Math.max(1, admins.length)] ?? 0),
			state: live ? 'live' : 'draft',
			labels: i % 2 === 0 ? ['Product', 'Update'] : [],
			reactions: ['👍', '🎉', '😕'],
			deliver_silently: rng.chance(0.3),
			cover_image_url: null,
			newsfeed_assignments: assigned.map((newsfeed_id) => ({ newsfeed_id, published_at: live ? at : null })),
		});
	});
}
