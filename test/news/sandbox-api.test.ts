/**
 * The sandbox's news items and newsfeeds answer with the spec's shapes, and a feed's live items
 * are exactly the live items assigned to it, most recently published first.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { answeredInShape, call } from '../sandbox/helpers';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 0, articles: 0, companies: 0, tickets: 0 } });
});
afterAll(async () => {
	await sb.close();
});

const ok = (key: string, path: string, body?: unknown) => answeredInShape(sb, key, path, body);

type Item = { id: string; state: string; newsfeed_assignments: Array<{ newsfeed_id: number; published_at?: number }> };

describe('News in the sandbox', () => {
	it('lists newsfeeds and news items, and each feed shows only its live items', async () => {
		const ws = sb.workspace;
		const feeds = await ok('GET /news/newsfeeds', '/news/newsfeeds');
		expect(feeds.data.map((f: { id: string }) => f.id)).toEqual([...ws.newsfeeds.keys()]);
		await ok('GET /news/newsfeeds/{newsfeed_id}', `/news/newsfeeds/${feeds.data[0].id}`);
		const items = await ok('GET /news/news_items', '/news/news_items');
		expect(items.total_count).toBe(ws.newsItems.size);
		expect(items.data.some((i: Item) => i.state === 'draft')).toBe(true);
		for (const feed of feeds.data) {
			const live = await ok('GET /news/newsfeeds/{newsfeed_id}/items', `/news/newsfeeds/${feed.id}/items`);
			const expected = items.data.filter((i: Item) => i.state === 'live' && i.newsfeed_assignments.some((a) => a.newsfeed_id === Number(feed.id)));
			expect(expected.length).toBeGreaterThan(0);
			expect(live.data.map((i: Item) => i.id).sort()).toEqual(expected.map((i: Item) => i.id).sort());
			const published = live.data.map((i: Item) => i.newsfeed_assignments.find((a) => a.newsfeed_id === Number(feed.id))?.published_at);
			expect(published).toEqual([...published].sort((a: number, b: number) => b - a));
		}
	});

	it('creates a draft, sets it live on a feed, updates and deletes it', async () => {
		const ws = sb.workspace;
		const [feed] = [...ws.newsfeeds.keys()];
		const sender = Number(ws.meAdmin().id);
		const draft = await ok('POST /news/news_items', '/news/news_items', {
			title: 'Hello',
			sender_id: sender,
			newsfeed_assignments: [{ newsfeed_id: Number(feed), published_at: ws.now() - 60 }],
		});
		// A draft keeps no publish date (Intercom ignores it on drafts), and is not live on the feed.
		expect(draft).toMatchObject({ type: 'news-item', state: 'draft', newsfeed_assignments: [{ newsfeed_id: Number(feed) }] });
		expect(draft.newsfeed_assignments[0].published_at).toBeUndefined();
		const before = await ok('GET /news/newsfeeds/{newsfeed_id}/items', `/news/newsfeeds/${feed}/items`);
		expect(before.data.map((i: Item) => i.id)).not.toContain(draft.id);
		const wentLiveFrom = ws.now();
		const live = await ok('PUT /news/news_items/{news_item_id}', `/news/news_items/${draft.id}`, { title: 'Hello', sender_id: sender, state: 'live' });
		// Published when it went live (the sandbox's clock runs on: a second may pass during the request).
		expect(live.newsfeed_assignments).toEqual([{ newsfeed_id: Number(feed), published_at: expect.any(Number) }]);
		expect(live.newsfeed_assignments[0].published_at).toBeGreaterThanOrEqual(wentLiveFrom);
		expect(live.newsfeed_assignments[0].published_at).toBeLessThanOrEqual(ws.now());
		const after = await ok('GET /news/newsfeeds/{newsfeed_id}/items', `/news/newsfeeds/${feed}/items`);
		expect(after.data[0].id).toBe(draft.id);
		await ok('GET /news/news_items/{news_item_id}', `/news/news_items/${draft.id}`);
		const deleted = await ok('DELETE /news/news_items/{news_item_id}', `/news/news_items/${draft.id}`);
		expect(deleted).toEqual({ id: draft.id, object: 'news-item', deleted: true });
		expect((await call(sb, 'GET', `/news/news_items/${draft.id}`)).status).toBe(404);
	});

	it('refuses an unknown sender or newsfeed and a publish date in the future, changing nothing', async () => {
		const ws = sb.workspace;
		const [feed] = [...ws.newsfeeds.keys()];
		const sender = Number(ws.meAdmin().id);
		const count = ws.newsItems.size;
		for (const body of [
			{ title: 'x', sender_id: 1 },
			{ title: 'x', sender_id: sender, newsfeed_assignments: [{ newsfeed_id: 1 }] },
			{ title: 'x', sender_id: sender, state: 'live', newsfeed_assignments: [{ newsfeed_id: Number(feed), published_at: ws.now() + 3600 }] },
		]) {
			const res = await call(sb, 'POST', '/news/news_items', body);
			expect({ body, status: res.status }).toEqual({ body, status: 400 });
		}
		expect(ws.newsItems.size).toBe(count);
		expect((await call(sb, 'GET', '/news/newsfeeds/1/items')).status).toBe(404);
	});

	it('answered every request conformant', () => {
		expect(sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	});
});
