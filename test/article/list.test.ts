import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BASE_URL, call, fakeIntercom, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, runNode, type RunNodeResult } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

function runArticle(parameters: INodeParameters): Promise<RunNodeResult> {
	return runNode({ parameters: { resource: 'article', ...parameters }, credentials: credentialsFor(BASE_URL, TOKEN) });
}

function articles(from: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ type: 'article', id: String(from + i), title: `Article ${from + i}` }));
}

function listPage(data: IDataObject[], page: number, totalPages: number, perPage: number): IDataObject {
	return { type: 'list', pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages }, total_count: 999, data };
}

function searchPage(found: IDataObject[], page: number, totalPages: number, perPage: number, highlights: IDataObject[] = []): IDataObject {
	return {
		type: 'list',
		total_count: 999,
		data: { articles: found, highlights },
		pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages },
	};
}

const ids = (result: RunNodeResult) => result.items.map((i) => i.json.id);

describe('article get many (page numbers)', () => {
	it('Return All walks every page at 150 a page and stops at the last one', async () => {
		const api = fakeIntercom()
			.on('GET', '/articles', listPage(articles(1, 150), 1, 2, 150), { query: { page: '1', per_page: '150' } })
			.on('GET', '/articles', listPage(articles(151, 30), 2, 2, 150), { query: { page: '2', per_page: '150' } });
		const result = await runArticle({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('GET', '/articles', { query: { page: '1', per_page: '150' } }),
			call('GET', '/articles', { query: { page: '2', per_page: '150' } }),
		]);
		expect(ids(result)).toEqual(articles(1, 180).map((a) => a.id));
		expect(result.items.map((i) => i.pairedItem)).toEqual(Array(180).fill({ item: 0 }));
	});

	it('Limit asks for just that many in one request', async () => {
		const api = fakeIntercom().on('GET', '/articles', listPage(articles(1, 3), 1, 40, 3), { query: { page: '1', per_page: '3' } });
		const result = await runArticle({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/articles', { query: { page: '1', per_page: '3' } })]);
		expect(ids(result)).toEqual(['1', '2', '3']);
	});

	it('Limit above one page keeps the page size (so offsets line up) and keeps only what is needed', async () => {
		const api = fakeIntercom()
			.on('GET', '/articles', listPage(articles(1, 150), 1, 9, 150), { query: { page: '1', per_page: '150' } })
			.on('GET', '/articles', listPage(articles(151, 150), 2, 9, 150), { query: { page: '2', per_page: '150' } });
		const result = await runArticle({ operation: 'getMany', returnAll: false, limit: 170 });
		expect(result.error).toBeUndefined();
		expect(api.calls.map((c) => c.query)).toEqual([
			{ page: '1', per_page: '150' },
			{ page: '2', per_page: '150' },
		]);
		expect(ids(result)).toEqual(articles(1, 170).map((a) => a.id));
	});

	it('stops on an empty workspace after one request', async () => {
		const api = fakeIntercom().on('GET', '/articles', listPage([], 1, 0, 150), { query: { page: '1', per_page: '150' } });
		const result = await runArticle({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.calls).toHaveLength(1);
		expect(result.items).toEqual([]);
	});
});

describe('article search', () => {
	it('sends the phrase and filters as the spec declares them, and puts each highlight on its article', async () => {
		const found = articles(10, 2);
		const highlight = { highlighted_title: [{ type: 'highlight', text: 'Article' }, { type: 'plain', text: ' 10' }], highlighted_summary: [] };
		const query = { phrase: 'reset password', state: 'all', help_center_id: '12', highlight: 'true' };
		const api = fakeIntercom().on('GET', '/articles/search', searchPage(found, 1, 1, 10, [{ article_id: '10', ...highlight }]), { query });
		const result = await runArticle({
			operation: 'search',
			phrase: 'reset password',
			returnAll: false,
			limit: 5,
			additionalFields: { state: 'all', helpCenterId: '12', highlight: true },
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/articles/search', { query })]);
		expect(result.items).toEqual([
			{ json: { ...found[0], highlight }, pairedItem: { item: 0 } },
			{ json: found[1], pairedItem: { item: 0 } },
		]);
	});

	it("Return All asks for the next pages as Intercom's next links do, with the page size it answered", async () => {
		const api = fakeIntercom()
			.on('GET', '/articles/search', searchPage(articles(1, 10), 1, 3, 10), { query: { phrase: 'x' } })
			.on('GET', '/articles/search', searchPage(articles(11, 10), 2, 3, 10), { query: { phrase: 'x', page: '2', per_page: '10' } })
			.on('GET', '/articles/search', searchPage(articles(21, 4), 3, 3, 10), { query: { phrase: 'x', page: '3', per_page: '10' } });
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(api.calls.map((c) => c.query)).toEqual([{ phrase: 'x' }, { phrase: 'x', page: '2', per_page: '10' }, { phrase: 'x', page: '3', per_page: '10' }]);
		expect(ids(result)).toEqual(articles(1, 24).map((a) => a.id));
	});

	it('Limit stops as soon as it has enough, in the middle of a page', async () => {
		const api = fakeIntercom()
			.on('GET', '/articles/search', searchPage(articles(1, 10), 1, 5, 10), { query: { phrase: 'x' } })
			.on('GET', '/articles/search', searchPage(articles(11, 10), 2, 5, 10), { query: { phrase: 'x', page: '2', per_page: '10' } });
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: false, limit: 12, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(api.calls).toHaveLength(2);
		expect(ids(result)).toEqual(articles(1, 12).map((a) => a.id));
	});

	it('says so, rather than output articles twice, when Intercom answers a later page with an earlier one', async () => {
		const api = fakeIntercom()
			.on('GET', '/articles/search', searchPage(articles(1, 10), 1, 3, 10), { query: { phrase: 'x' } })
			.on('GET', '/articles/search', searchPage(articles(1, 10), 1, 3, 10), { query: { phrase: 'x', page: '2', per_page: '10' } });
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: true, additionalFields: {} });
		expect(api.calls).toHaveLength(2);
		expect(result.error?.message).toBe('Intercom answered page 2 of the article search with the articles of an earlier page');
		expect(result.error?.description).toContain('only the first 10 articles can be read');
	});

	it('outputs an article once when two pages overlap', async () => {
		fakeIntercom()
			.on('GET', '/articles/search', searchPage(articles(1, 10), 1, 2, 10), { query: { phrase: 'x' } })
			.on('GET', '/articles/search', searchPage(articles(8, 10), 2, 2, 10), { query: { phrase: 'x', page: '2', per_page: '10' } });
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual(articles(1, 17).map((a) => a.id));
	});

	it('stops on a page without articles even if the page count says more', async () => {
		const api = fakeIntercom().on('GET', '/articles/search', searchPage([], 1, 4, 10), { query: { phrase: 'x' } });
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: true, additionalFields: {} });
		expect(result.error).toBeUndefined();
		expect(api.calls).toHaveLength(1);
		expect(result.items).toEqual([]);
	});

	it('leaves an empty phrase out', async () => {
		const api = fakeIntercom().on('GET', '/articles/search', searchPage(articles(1, 1), 1, 1, 10), { query: { state: 'draft' } });
		const result = await runArticle({ operation: 'search', phrase: '  ', returnAll: false, limit: 50, additionalFields: { state: 'draft' } });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/articles/search', { query: { state: 'draft' } })]);
	});

	it('refuses a Help Center ID that is not a number, without a request', async () => {
		const api = fakeIntercom();
		const result = await runArticle({ operation: 'search', phrase: 'x', returnAll: true, additionalFields: { helpCenterId: 'main' } });
		expect(result.error?.message).toBe('Parameter "Help Center Name or ID": "main" is not a whole number');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.calls).toEqual([]);
	});
});
