/** Newsfeeds through n8n against the sandbox: list, get one, and the items live on one. */
import { presentNewsItem } from '../../sandbox/api/news';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('newsfeed');
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

describe('newsfeed operations', () => {
	it('lists every newsfeed in one request, and gets one', async () => {
		const ws = node.sb().workspace;
		const all = await node.run({ operation: 'getMany', returnAll: true });
		expect(all.sent.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/news/newsfeeds', {}]]);
		const expected = [...ws.newsfeeds.values()].map((f) => ({ id: f.id, type: 'newsfeed', name: f.name, created_at: f.created_at, updated_at: f.updated_at }));
		expect(all.json).toEqual(expected);
		const one = await node.run({ operation: 'getMany', returnAll: false, limit: 1 });
		expect(one.json).toEqual(expected.slice(0, 1));
		const got = await node.run({ operation: 'get', newsfeedId: byId(expected[1].id) });
		expect(got.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /news/newsfeeds/${expected[1].id}`]);
		expect(got.json).toEqual([expected[1]]);
	});

	it('lists only the live items of the chosen feed, most recently published first', async () => {
		const ws = node.sb().workspace;
		for (const feed of ws.newsfeeds.values()) {
			const { json, sent } = await node.run({ operation: 'getLiveItems', newsfeedId: byId(feed.id), returnAll: true });
			expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /news/newsfeeds/${feed.id}/items`]);
			const expected = [...ws.newsItems.values()]
				.filter((n) => n.state === 'live' && n.newsfeed_assignments.some((a) => a.newsfeed_id === Number(feed.id)))
				.map((n) => ({ item: n, at: n.newsfeed_assignments.find((a) => a.newsfeed_id === Number(feed.id))!.published_at! }))
				.sort((a, b) => b.at - a.at || Number(b.item.id) - Number(a.item.id))
				.map(({ item }) => JSON.parse(JSON.stringify(presentNewsItem(ws, item))));
			expect(expected.length).toBeGreaterThan(0);
			expect(json).toEqual(expected);
		}
		// Drafts assigned to a feed are not live on it.
		const draft = [...ws.newsItems.values()].find((n) => n.state === 'draft' && n.newsfeed_assignments.length > 0)!;
		const feed = String(draft.newsfeed_assignments[0].newsfeed_id);
		const { json } = await node.run({ operation: 'getLiveItems', newsfeedId: byId(feed), returnAll: false, limit: 1 });
		expect(json).toHaveLength(1);
		expect(json[0].state).toBe('live');
	});

	it('says when a newsfeed does not exist', async () => {
		const { error, sent } = await node.run({ operation: 'getLiveItems', newsfeedId: byId('9999'), returnAll: true });
		expect(sent).toHaveLength(1);
		expect(error?.message).toMatch(/not found/i);
	});

	it.each([
		['a missing newsfeed', '={{ "" }}', 'Parameter "Newsfeed": a value is required'],
		['a newsfeed ID with a slash', '={{ "1/items" }}', 'Parameter "Newsfeed": "1/items" is not a valid ID'],
		['a newsfeed ID that is a list', '={{ [1, 2] }}', 'Parameter "Newsfeed" [item 0]: a list is not text'],
	])('refuses %s before sending', async (_case, value, message) => {
		const { error, sent } = await node.run({ operation: 'get', newsfeedId: byId(value) });
		expect(error?.message).toBe(message);
		expect(sent).toEqual([]);
	});
});
