/**
 * News items through n8n against the sandbox: every request checked (the sandbox validates each
 * against the spec), every output compared with the sandbox's records, and bad input refused
 * naming the parameter with nothing sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { presentNewsItem } from '../../sandbox/api/news';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('newsItem');
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

function presented(id: unknown): IDataObject {
	const ws = node.sb().workspace;
	return JSON.parse(JSON.stringify(presentNewsItem(ws, ws.newsItems.get(String(id))!))) as IDataObject;
}

const feeds = () => [...node.sb().workspace.newsfeeds.keys()];
const sender = () => node.sb().workspace.meAdmin().id;

describe('news item create, get, update, delete', () => {
	it('creates a live news item on two newsfeeds with every field in the form Intercom takes', async () => {
		const [first, second] = feeds();
		const ws = node.sb().workspace;
		const publishedAt = ws.now() - 86400;
		const startedAt = ws.now();
		const { json, sent, error } = await node.run({
			operation: 'create',
			title: ' Halloween is here! ',
			senderId: sender(),
			additionalFields: {
				body: '<p>New costumes</p>',
				state: 'live',
				newsfeedAssignments: { assignment: [{ newsfeedId: first, publishedAt: new Date(publishedAt * 1000).toISOString() }, { newsfeedId: second }] },
				labels: 'Product, Update ,',
				reactions: '😆, 😅',
				deliverSilently: true,
			},
		});
		expect(error).toBeUndefined();
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /news/news_items']);
		expect(sent[0].body).toEqual({
			title: 'Halloween is here!',
			sender_id: Number(sender()),
			body: '<p>New costumes</p>',
			state: 'live',
			newsfeed_assignments: [{ newsfeed_id: Number(first), published_at: publishedAt }, { newsfeed_id: Number(second) }],
			labels: ['Product', 'Update'],
			reactions: ['😆', '😅'],
			deliver_silently: true,
		});
		expect(json).toEqual([presented(json[0].id)]);
		// A live item without a date is published when Intercom takes it (the sandbox's clock runs on).
		const finishedAt = ws.now();
		expect(json[0].newsfeed_assignments).toEqual([
			{ newsfeed_id: Number(first), published_at: publishedAt },
			{ newsfeed_id: Number(second), published_at: expect.any(Number) },
		]);
		const publishedNow = (json[0].newsfeed_assignments as Array<{ published_at: number }>)[1].published_at;
		expect(publishedNow).toBeGreaterThanOrEqual(startedAt);
		expect(publishedNow).toBeLessThanOrEqual(finishedAt);
		const [got] = await node.ok({ operation: 'get', newsItemId: byId(String(json[0].id)) });
		expect(got).toEqual(json[0]);
	});

	it('creates a draft from expressions, one per item, and sets it live later', async () => {
		const [feed] = feeds();
		const { json, sent } = await node.run(
			{ operation: 'create', title: '={{ $json.title }}', senderId: '={{ $json.sender }}', additionalFields: {} },
			[{ title: 'First', sender: Number(sender()) }, { title: 'Second', sender: sender() }],
		);
		expect(sent.map((r) => r.body)).toEqual([
			{ title: 'First', sender_id: Number(sender()) },
			{ title: 'Second', sender_id: Number(sender()) },
		]);
		expect(json.map((n) => [n.title, n.state])).toEqual([
			['First', 'draft'],
			['Second', 'draft'],
		]);
		const updated = await node.run({
			operation: 'update',
			newsItemId: byId(String(json[0].id)),
			title: 'First',
			senderId: sender(),
			updateFields: { state: 'live', newsfeedAssignments: { assignment: [{ newsfeedId: feed }] }, deliverSilently: false },
		});
		expect(updated.sent[0]).toMatchObject({ method: 'PUT', path: `/news/news_items/${json[0].id}` });
		expect(updated.sent[0].body).toEqual({ title: 'First', sender_id: Number(sender()), state: 'live', newsfeed_assignments: [{ newsfeed_id: Number(feed) }], deliver_silently: false });
		expect(updated.json).toEqual([presented(json[0].id)]);
		expect(updated.json[0]).toMatchObject({ state: 'live', title: 'First' });
	});

	it('lists every news item in one request, drafts included', async () => {
		const ws = node.sb().workspace;
		const all = await node.run({ operation: 'getMany', returnAll: true });
		expect(all.sent.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/news/news_items', {}]]);
		const expected = [...ws.newsItems.values()].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));
		expect(all.json).toEqual(expected.map((n) => presented(n.id)));
		expect(all.json.some((n) => n.state === 'draft')).toBe(true);
		const two = await node.run({ operation: 'getMany', returnAll: false, limit: 2 });
		expect(two.json).toEqual(all.json.slice(0, 2));
	});

	it('deletes a news item, and a second delete reports it is not found', async () => {
		const [created] = await node.ok({ operation: 'create', title: 'Temporary', senderId: sender(), additionalFields: {} });
		const [deleted] = await node.ok({ operation: 'delete', newsItemId: byId(String(created.id)) });
		expect(deleted).toEqual({ id: created.id, object: 'news-item', deleted: true });
		expect(node.sb().workspace.newsItems.has(String(created.id))).toBe(false);
		const again = await node.run({ operation: 'delete', newsItemId: byId(String(created.id)) });
		expect(again.error?.message).toMatch(/not found/i);
	});
});

describe('news item input is checked before sending', () => {
	const item = () => [...node.sb().workspace.newsItems.keys()][0];
	const create = (additionalFields: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({ operation: 'create', title: 'x', senderId: sender(), additionalFields, ...extra });
	it.each([
		['a blank title', () => create({}, { title: ' ' }), 'Parameter "Title": a value is required'],
		['no sender', () => create({}, { senderId: '={{ "" }}' }), 'Parameter "Sender Name or ID": a value is required'],
		['a sender that is not an ID', () => create({}, { senderId: '={{ "Ada" }}' }), 'Parameter "Sender Name or ID": "Ada" is not a whole number'],
		['a state that is not draft or live', () => create({ state: '={{ "published" }}' }), 'Parameter "State": "published" is not one of draft, live'],
		['a newsfeed left blank', () => create({ newsfeedAssignments: { assignment: [{ newsfeedId: '' }] } }), 'Parameter "Newsfeeds": newsfeed 1 is not chosen'],
		['a newsfeed that is not an ID', () => create({ newsfeedAssignments: { assignment: [{ newsfeedId: 'main' }] } }), 'Parameter "Newsfeeds 1": "main" is not a whole number'],
		['a newsfeed that is a list', () => create({ newsfeedAssignments: { assignment: [{ newsfeedId: '={{ [1] }}' }] } }), 'Parameter "Newsfeeds 1": [1] is not a whole number'],
		['a newsfeed given twice', () => create({ newsfeedAssignments: { assignment: [{ newsfeedId: feeds()[0] }, { newsfeedId: feeds()[0] }] } }), /^Parameter "Newsfeeds": newsfeed \d+ is given twice$/],
		['a publish date that is not a date', () => create({ newsfeedAssignments: { assignment: [{ newsfeedId: feeds()[0], publishedAt: '={{ "soon" }}' }] } }), /^Parameter "Newsfeeds 1: Published At"/],
		['labels that are an object', () => create({ labels: '={{ { "a": 1 } }}' }), 'Parameter "Labels" [item 0]: an object is not text'],
		['a missing news item ID', () => ({ operation: 'get', newsItemId: byId('={{ "" }}') }), 'Parameter "News Item": a value is required'],
		['a news item ID with a slash', () => ({ operation: 'delete', newsItemId: byId('={{ "1/2" }}') }), 'Parameter "News Item": "1/2" is not a valid ID'],
		['an update without a title', () => ({ operation: 'update', newsItemId: byId(item()), title: '={{ "" }}', senderId: sender(), updateFields: {} }), 'Parameter "Title": a value is required'],
		['an update with a blank sender', () => ({ operation: 'update', newsItemId: byId(item()), title: 'x', senderId: '={{ "" }}', updateFields: {} }), 'Parameter "Sender Name or ID": a value is required'],
	])('refuses %s', async (_case, parameters, message) => {
		const { error, sent } = await node.run(parameters());
		if (message instanceof RegExp) expect(error?.message).toMatch(message);
		else expect(error?.message).toBe(message);
		expect(sent).toEqual([]);
	});

	it('reports what Intercom refuses: a publish date in the future', async () => {
		const future = new Date((node.sb().workspace.now() + 86400) * 1000).toISOString();
		const { error, sent } = await node.run(create({ state: 'live', newsfeedAssignments: { assignment: [{ newsfeedId: feeds()[0], publishedAt: future }] } }));
		expect(sent).toHaveLength(1);
		expect(error?.message).toMatch(/bad request|publish/i);
	});
});
