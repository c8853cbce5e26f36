/**
 * The lists whose answers the spec gives a `pages` object without declaring paging parameters
 * (news items, newsfeeds, a newsfeed's live items, segments): one request when Intercom answers
 * in one page, and each further page exactly as the answer links it when it does not, so that
 * nothing is left out in silence.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { BASE_URL, call, fakeIntercom, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, runNode } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

const run = (parameters: INodeParameters) => runNode({ parameters, credentials: credentialsFor(BASE_URL, TOKEN) });
const items = (from: number, n: number) => Array.from({ length: n }, (_v, i) => ({ type: 'news-item', id: String(from + i) }));
const pages = (page: number, total: number) => ({ type: 'pages', page, per_page: 2, total_pages: total });

describe.each([
	['news items', { resource: 'newsItem', operation: 'getMany' }, '/news/news_items', 'data'],
	['newsfeeds', { resource: 'newsfeed', operation: 'getMany' }, '/news/newsfeeds', 'data'],
	['live items of a newsfeed', { resource: 'newsfeed', operation: 'getLiveItems', newsfeedId: { __rl: true, mode: 'id', value: '12' } }, '/news/newsfeeds/12/items', 'data'],
	['segments', { resource: 'segment', operation: 'getMany' }, '/segments', 'segments'],
] as const)('%s', (_name, parameters, path, key) => {
	it('reads one page when the answer has one, and the pages it links when it has more', async () => {
		const one = fakeIntercom().on('GET', path, { type: 'list', [key]: items(1, 2), pages: pages(1, 1) });
		const single = await run({ ...parameters, returnAll: true });
		expect(single.error).toBeUndefined();
		expect(one.calls.map((c) => c.query)).toEqual([{}]);
		expect(single.items).toHaveLength(2);
		nock.cleanAll();

		const api = fakeIntercom()
			.on('GET', path, { type: 'list', [key]: items(1, 2), pages: pages(1, 2) })
			.on('GET', path, { type: 'list', [key]: items(3, 1), pages: pages(2, 2) }, { query: { page: '2', per_page: '2' } });
		const result = await run({ ...parameters, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', path), call('GET', path, { query: { page: '2', per_page: '2' } })]);
		expect(result.items.map((i) => i.json)).toEqual(items(1, 3));
	});
});
