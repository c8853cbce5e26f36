import nock from 'nock';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { BASE_URL, call, fakeIntercom, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, loadOptionsContext, nodeTypes } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

type SearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** Calls a listSearch method as the editor's resource locator does, through n8n-core's LoadOptionsContext. */
async function listSearch(method: string, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const methods = nodeTypes.getByNameAndVersion('n8n-nodes-intercom.intercom').methods?.listSearch ?? {};
	const fn = methods[method] as SearchMethod | undefined;
	if (!fn) throw new Error(`no listSearch method ${method}`);
	const ctx = loadOptionsContext({ credentials: credentialsFor(BASE_URL, TOKEN), parameters: { resource: 'contact' } });
	return await fn.call(ctx, filter, paginationToken);
}

const pages = (next?: string): IDataObject => ({ type: 'pages', page: 1, per_page: 20, total_pages: 3, ...(next ? { next: { per_page: 20, starting_after: next } } : {}) });

const CONTACT_ID = '6762f0d51bb69f9f2193bb7f';

describe('searchContacts', () => {
	it('lists contacts without a filter and hands on the cursor as the pagination token', async () => {
		const api = fakeIntercom().on(
			'GET',
			'/contacts',
			{ type: 'list', data: [{ id: 'a1', name: 'Ada Lovelace', email: 'ada@x.io' }, { id: 'b2', email: 'bob@x.io' }], pages: pages('WzEsMl0=') },
			{ query: { per_page: '20', starting_after: 'WzAsMV0=' } },
		);
		const result = await listSearch('searchContacts', '', 'WzAsMV0=');
		expect(api.calls).toEqual([call('GET', '/contacts', { query: { per_page: '20', starting_after: 'WzAsMV0=' } })]);
		expect(result).toEqual({
			results: [
				{ name: 'Ada Lovelace (ada@x.io)', value: 'a1' },
				{ name: 'bob@x.io', value: 'b2' },
			],
			paginationToken: 'WzEsMl0=',
		});
	});

	it('searches email and name (contains) and external ID (starts with) for text', async () => {
		const api = fakeIntercom().on('POST', '/contacts/search', {
			type: 'list',
			data: [{ id: 'c3', name: null, email: '', external_id: 'u-77' }],
			pages: { type: 'pages', page: 1, per_page: 20, total_pages: 1 },
		});
		const result = await listSearch('searchContacts', ' ada ');
		expect(api.calls).toEqual([
			call('POST', '/contacts/search', {
				body: {
					query: {
						operator: 'OR',
						value: [
							{ field: 'email', operator: '~', value: 'ada' },
							{ field: 'name', operator: '~', value: 'ada' },
							{ field: 'external_id', operator: '^', value: 'ada' },
						],
					},
					pagination: { per_page: 20 },
				},
			}),
		]);
		expect(result).toEqual({ results: [{ name: 'External ID u-77', value: 'c3' }], paginationToken: undefined });
	});

	it('also matches the ID itself when the filter looks like a contact ID, and passes the cursor in the body', async () => {
		const api = fakeIntercom().on('POST', '/contacts/search', { type: 'list', data: [], pages: pages() });
		await listSearch('searchContacts', CONTACT_ID, 'WzEsMl0=');
		expect((api.calls[0].body as IDataObject).query).toMatchObject({ value: expect.arrayContaining([{ field: 'id', operator: '=', value: CONTACT_ID }]) });
		expect((api.calls[0].body as IDataObject).pagination).toEqual({ per_page: 20, starting_after: 'WzEsMl0=' });
	});
});

describe('searchConversations', () => {
	it('lists conversations without a filter, named by title or first message', async () => {
		const api = fakeIntercom().on(
			'GET',
			'/conversations',
			{
				type: 'conversation.list',
				conversations: [
					{ id: '11', title: 'Refund request', source: { body: '<p>ignored</p>' } },
					{ id: '12', title: null, source: { subject: '', body: `<p>Hello&nbsp;there,   I need ${'help '.repeat(30)}</p>` } },
					{ id: '13', title: '', source: {} },
				],
				pages: pages('WzMsNF0='),
			},
			{ query: { per_page: '20' } },
		);
		const result = await listSearch('searchConversations');
		expect(api.calls).toEqual([call('GET', '/conversations', { query: { per_page: '20' } })]);
		expect(result.paginationToken).toBe('WzMsNF0=');
		expect(result.results).toEqual([
			{ name: 'Refund request (#11)', value: '11' },
			{ name: `${`Hello there, I need ${'help '.repeat(30)}`.slice(0, 79)}… (#12)`, value: '12' },
			{ name: 'Conversation (#13)', value: '13' },
		]);
	});

	it('searches by ID, subject and first message for digits', async () => {
		const api = fakeIntercom().on('POST', '/conversations/search', {
			type: 'conversation.list',
			conversations: [{ id: '123', source: { subject: 'Invoice 123' } }],
			pages: pages(),
		});
		const result = await listSearch('searchConversations', '123', 'WzksOV0=');
		expect(api.calls).toEqual([
			call('POST', '/conversations/search', {
				body: {
					query: {
						operator: 'OR',
						value: [
							{ field: 'id', operator: '=', value: '123' },
							{ field: 'source.subject', operator: '~', value: '123' },
							{ field: 'source.body', operator: '~', value: '123' },
						],
					},
					pagination: { per_page: 20, starting_after: 'WzksOV0=' },
				},
			}),
		]);
		expect(result).toEqual({ results: [{ name: 'Invoice 123 (#123)', value: '123' }], paginationToken: undefined });
	});

	it('searches subject and first message only for text', async () => {
		const api = fakeIntercom().on('POST', '/conversations/search', { type: 'conversation.list', conversations: [], pages: pages() });
		await listSearch('searchConversations', 'refund');
		expect(((api.calls[0].body as IDataObject).query as IDataObject).value).toEqual([
			{ field: 'source.subject', operator: '~', value: 'refund' },
			{ field: 'source.body', operator: '~', value: 'refund' },
		]);
	});
});

describe('searchArticles', () => {
	it('lists articles by page number without a filter', async () => {
		const api = fakeIntercom().on(
			'GET',
			'/articles',
			{
				type: 'list',
				data: [
					{ id: '39', title: 'Getting started', state: 'published', url: 'https://help.x.io/en/articles/39' },
					{ id: '40', title: 'Unfinished', state: 'draft', url: null },
				],
				pages: { type: 'pages', page: 2, per_page: 20, total_pages: 3 },
			},
			{ query: { page: '2', per_page: '20' } },
		);
		const result = await listSearch('searchArticles', undefined, '2:20');
		expect(api.calls).toEqual([call('GET', '/articles', { query: { page: '2', per_page: '20' } })]);
		expect(result).toEqual({
			results: [
				{ name: 'Getting started', value: '39', url: 'https://help.x.io/en/articles/39' },
				{ name: 'Unfinished (draft)', value: '40' },
			],
			paginationToken: '3:20',
		});
	});

	it("searches with Intercom's page size (drafts included) and hands on the next page", async () => {
		const searchPage = (id: string, page: number) => ({
			type: 'list',
			total_count: 11,
			data: { articles: [{ id, title: `Reset ${id}`, state: 'published' }], highlights: [] },
			pages: { type: 'pages', page, per_page: 10, total_pages: 2 },
		});
		const api = fakeIntercom()
			.on('GET', '/articles/search', searchPage('55', 1), { query: { phrase: 'reset', state: 'all' } })
			.on('GET', '/articles/search', searchPage('56', 2), { query: { phrase: 'reset', state: 'all', page: '2', per_page: '10' } });
		const first = await listSearch('searchArticles', 'reset');
		expect(first).toEqual({ results: [{ name: 'Reset 55', value: '55' }], paginationToken: '2:10' });
		const second = await listSearch('searchArticles', 'reset', first.paginationToken);
		expect(second).toEqual({ results: [{ name: 'Reset 56', value: '56' }], paginationToken: undefined });
		expect(api.calls).toEqual([
			call('GET', '/articles/search', { query: { phrase: 'reset', state: 'all' } }),
			call('GET', '/articles/search', { query: { phrase: 'reset', state: 'all', page: '2', per_page: '10' } }),
		]);
	});
});

describe('searchAdmins', () => {
	it('filters the admin list by name or email, sorted by name', async () => {
		const api = fakeIntercom().on('GET', '/admins', {
			type: 'admin.list',
			admins: [
				{ id: '3', name: 'Zed', email: 'support@x.io' },
				{ id: '1', name: 'Ada', email: 'ada@x.io' },
				{ id: '2', name: 'Bob', email: 'bob@x.io' },
			],
		});
		const result = await listSearch('searchAdmins', 'SUPPORT');
		expect(api.calls).toEqual([call('GET', '/admins')]);
		expect(result).toEqual({ results: [{ name: 'Zed (support@x.io)', value: '3' }] });
	});
});

it('list searches fail with a NodeApiError', async () => {
	// A 400 (a 500 on a search would be retried).
	fakeIntercom().on('POST', '/contacts/search', { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'Boom' }] }, { status: 400 });
	const error = await listSearch('searchContacts', 'ada').catch((e: unknown) => e);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).message).toBe('Boom');
});
