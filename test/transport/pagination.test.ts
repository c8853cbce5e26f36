import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';
import { PROBE_TYPE } from '../helpers/probe';

const BASE = 'http://intercom.test';
const credentials = credentialsFor(BASE, 'tok_secret_123');

function contacts(from: number, count: number) {
	return Array.from({ length: count }, (_, i) => ({ type: 'contact', id: `c${from + i}` }));
}

function cursorPage(from: number, count: number, next?: string) {
	return {
		type: 'list',
		data: contacts(from, count),
		total_count: 400,
		pages: { type: 'pages', per_page: count, ...(next ? { next: { per_page: count, starting_after: next } } : {}) },
	};
}

async function probe(call: object) {
	const result = await runNode({ nodeType: PROBE_TYPE, parameters: { call: JSON.stringify(call) }, credentials });
	expect(result.error).toBeUndefined();
	return result.items[0].json as { count: number; ids: string[]; requests: number };
}

describe('pagination', () => {
	afterEach(() => nock.cleanAll());

	describe('cursor GET lists', () => {
		it('Return All asks for 150 a page and follows pages.next.starting_after to the end', async () => {
			const scope = nock(BASE)
				.get('/contacts')
				.query({ per_page: '150' })
				.reply(200, cursorPage(0, 150, 'cur-1'))
				.get('/contacts')
				.query({ per_page: '150', starting_after: 'cur-1' })
				.reply(200, cursorPage(150, 150, 'cur-2'))
				.get('/contacts')
				.query({ per_page: '150', starting_after: 'cur-2' })
				.reply(200, cursorPage(300, 100));
			const out = await probe({ method: 'GET', path: '/contacts', pagination: 'cursor', itemsPath: 'data' });
			expect(out.count).toBe(400);
			expect(out.ids).toEqual(contacts(0, 400).map((c) => c.id));
			expect(out.requests).toBe(3);
			expect(scope.isDone()).toBe(true);
		});

		it('a limit under 150 asks for exactly that many, in one request', async () => {
			const scope = nock(BASE).get('/contacts').query({ per_page: '20' }).reply(200, cursorPage(0, 20, 'cur-1'));
			const out = await probe({ method: 'GET', path: '/contacts', pagination: 'cursor', itemsPath: 'data', limit: 20 });
			expect(out).toEqual({ count: 20, ids: contacts(0, 20).map((c) => c.id), requests: 1 });
			expect(scope.isDone()).toBe(true);
		});

		it('a limit of 200 stops exactly at 200 with no extra request', async () => {
			const scope = nock(BASE)
				.get('/contacts')
				.query({ per_page: '150' })
				.reply(200, cursorPage(0, 150, 'cur-1'))
				.get('/contacts')
				.query({ per_page: '50', starting_after: 'cur-1' })
				.reply(200, cursorPage(150, 50, 'cur-2'));
			const out = await probe({ method: 'GET', path: '/contacts', pagination: 'cursor', itemsPath: 'data', limit: 200 });
			expect(out.count).toBe(200);
			expect(out.requests).toBe(2);
			expect(scope.isDone()).toBe(true);
		});
	});

	describe('search POST lists', () => {
		it('puts the cursor in the body (pagination.starting_after), never in the query', async () => {
			const query = { field: 'role', operator: '=', value: 'user' };
			const bodies: unknown[] = [];
			const scope = nock(BASE)
				.post('/contacts/search', (b) => (bodies.push(b), true))
				.reply(200, cursorPage(0, 150, 'cur-1'))
				.post('/contacts/search', (b) => (bodies.push(b), true))
				.reply(200, cursorPage(150, 30));
			const out = await probe({ method: 'POST', path: '/contacts/search', idempotent: true, body: { query }, pagination: 'search', itemsPath: 'data' });
			expect(out.count).toBe(180);
			expect(out.requests).toBe(2);
			expect(bodies).toEqual([
				{ query, pagination: { per_page: 150 } },
				{ query, pagination: { per_page: 150, starting_after: 'cur-1' } },
			]);
			expect(scope.isDone()).toBe(true);
		});
	});

	describe('page-number lists', () => {
		function articlesPage(page: number, perPage: number, totalPages: number) {
			return {
				type: 'list',
				data: Array.from({ length: perPage }, (_, i) => ({ type: 'article', id: String(page * 1000 + i) })),
				pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages },
			};
		}

		it('asks page 1, 2, … until pages.total_pages', async () => {
			const scope = nock(BASE)
				.get('/articles')
				.query({ page: '1', per_page: '150' })
				.reply(200, articlesPage(1, 150, 2))
				.get('/articles')
				.query({ page: '2', per_page: '150' })
				.reply(200, articlesPage(2, 150, 2));
			const out = await probe({ method: 'GET', path: '/articles', pagination: 'page', itemsPath: 'data' });
			expect(out.count).toBe(300);
			expect(out.requests).toBe(2);
			expect(scope.isDone()).toBe(true);
		});

		it('keeps per_page fixed across numbered pages, so a limit of 200 is 150 + the first 50 of page 2', async () => {
			const scope = nock(BASE)
				.get('/articles')
				.query({ page: '1', per_page: '150' })
				.reply(200, articlesPage(1, 150, 3))
				.get('/articles')
				.query({ page: '2', per_page: '150' })
				.reply(200, articlesPage(2, 150, 3));
			const out = await probe({ method: 'GET', path: '/articles', pagination: 'page', itemsPath: 'data', limit: 200 });
			expect(out.count).toBe(200);
			expect(out.ids.slice(148, 152)).toEqual(['1148', '1149', '2000', '2001']);
			expect(out.requests).toBe(2);
			expect(scope.isDone()).toBe(true);
		});

		it('stops at the limit without asking for the next page', async () => {
			const scope = nock(BASE).get('/articles').query({ page: '1', per_page: '10' }).reply(200, articlesPage(1, 10, 9));
			const out = await probe({ method: 'GET', path: '/articles', pagination: 'page', itemsPath: 'data', limit: 10 });
			expect(out.count).toBe(10);
			expect(out.requests).toBe(1);
			expect(scope.isDone()).toBe(true);
		});
	});
});

describe('lists the spec types as cursor pages but Intercom pages by number', () => {
	afterEach(() => nock.cleanAll());

	function numbered(page: number, perPage: number, totalPages: number, key = 'data') {
		return {
			type: 'list',
			[key]: Array.from({ length: perPage }, (_, i) => ({ type: 'note', id: `n${(page - 1) * perPage + i}` })),
			pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages, next: null },
		};
	}

	it('follows page numbers when no cursor comes back, keeping per_page fixed, up to the limit', async () => {
		const scope = nock(BASE)
			.get('/contacts/c1/notes')
			.query({ per_page: '150' })
			.reply(200, numbered(1, 150, 3))
			.get('/contacts/c1/notes')
			.query({ per_page: '150', page: '2' })
			.reply(200, numbered(2, 150, 3));
		const out = await probe({ method: 'GET', path: '/contacts/c1/notes', pagination: 'cursor', itemsPath: 'data', limit: 200 });
		expect(out.count).toBe(200);
		expect(out.ids).toEqual(Array.from({ length: 200 }, (_, i) => `n${i}`));
		expect(out.requests).toBe(2);
		expect(scope.isDone()).toBe(true);
	});

	it('reads the items from the first key that holds them (companies or data)', async () => {
		const scope = nock(BASE).get('/contacts/c1/companies').query({ per_page: '150' }).reply(200, numbered(1, 3, 1, 'companies'));
		const out = await probe({ method: 'GET', path: '/contacts/c1/companies', pagination: 'cursor', itemsPath: ['companies', 'data'] });
		expect(out.count).toBe(3);
		expect(scope.isDone()).toBe(true);
	});
});
