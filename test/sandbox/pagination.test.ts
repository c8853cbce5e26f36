/**
 * Cursor pagination is stable: paging to the end of 10,000 contacts yields
 * every contact exactly once, even with updates, creations and deletions
 * between pages. Also per_page limits and page-numbered articles.
 */
import { RunningSandbox, startSandbox } from '../../sandbox';
import { call, shapeProblems } from './helpers';

describe('cursor pagination', () => {
	let sb: RunningSandbox;

	beforeAll(async () => {
		// A short span puts several contacts in each second, so (created_at, id) ties are exercised.
		sb = await startSandbox({ port: 0, seed: { contacts: 10000, conversations: 400, spanSeconds: 2000 } });
	});
	afterAll(async () => {
		await sb.close();
	});

	it('pages through 10,000 contacts with no gap or repeat while records change', async () => {
		const ws = sb.workspace;
		const original = new Set(ws.contacts.all().map((c) => c.id));
		const seen: string[] = [];
		const deleted = new Set<string>();
		let cursor: string | undefined;
		let pages = 0;
		let lastPage = 0;
		do {
			const qs = new URLSearchParams({ per_page: '150' });
			if (cursor) qs.set('starting_after', cursor);
			const res = await call(sb, 'GET', `/contacts?${qs}`);
			expect(res.status).toBe(200);
			if (pages === 0) expect(shapeProblems('GET /contacts', 200, res.json)).toEqual([]);
			expect(res.json.pages.page).toBe(lastPage + 1);
			lastPage = res.json.pages.page;
			for (const c of res.json.data) seen.push(c.id);
			cursor = res.json.pages.next?.starting_after;
			pages++;
			if (cursor) {
				// Between pages: update a seen and an unseen contact, create one, delete the cursor item.
				const all = ws.contacts.all();
				const unseen = all[all.length - 1 - pages];
				await call(sb, 'PUT', `/contacts/${unseen.id}`, { name: `Renamed ${pages}` });
				await call(sb, 'PUT', `/contacts/${seen[seen.length - 3]}`, { custom_attributes: { seats: pages } });
				if (pages % 10 === 0) {
					const last = seen[seen.length - 1];
					await call(sb, 'DELETE', `/contacts/${last}`);
					deleted.add(last);
				}
				if (pages % 7 === 0) await call(sb, 'POST', '/contacts', { email: `late-${pages}@example.com` });
			}
		} while (cursor);
		const seenSet = new Set(seen);
		expect(seenSet.size).toBe(seen.length);
		const missing = [...original].filter((id) => !seenSet.has(id) && !deleted.has(id));
		expect(missing).toEqual([]);
		// Contacts created while paging land at the end and are included.
		expect(seen.filter((id) => !original.has(id)).length).toBeGreaterThan(0);
		expect(pages).toBeGreaterThanOrEqual(67);
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('pages conversations by cursor too', async () => {
		const ids: string[] = [];
		let cursor: string | undefined;
		do {
			const qs = new URLSearchParams({ per_page: '150' });
			if (cursor) qs.set('starting_after', cursor);
			const res = await call(sb, 'GET', `/conversations?${qs}`);
			expect(res.status).toBe(200);
			ids.push(...res.json.conversations.map((c: { id: string }) => c.id));
			cursor = res.json.pages.next?.starting_after;
		} while (cursor);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBe(sb.workspace.conversations.size);
	});

	it('pages search results by cursor in the POST body, stable under updates', async () => {
		const ws = sb.workspace;
		const expected = ws.contacts.all().filter((c) => c.role === 'lead').map((c) => c.id);
		const ids: string[] = [];
		let cursor: string | undefined;
		do {
			const body: Record<string, unknown> = { query: { field: 'role', operator: '=', value: 'lead' }, pagination: { per_page: 150 } };
			if (cursor) (body.pagination as Record<string, unknown>).starting_after = cursor;
			const res = await call(sb, 'POST', '/contacts/search', body);
			expect(res.status).toBe(200);
			expect(res.json.total_count).toBe(expected.length);
			ids.push(...res.json.data.map((c: { id: string }) => c.id));
			cursor = res.json.pages.next?.starting_after;
			if (cursor) await call(sb, 'PUT', `/contacts/${expected[expected.length - 1]}`, { name: 'moved' });
		} while (cursor);
		expect(ids).toEqual(expected);
	});

	it('caps per_page at 150 and rejects bad cursors like Intercom', async () => {
		for (const path of ['/contacts?per_page=151', '/conversations?per_page=500', '/contacts?per_page=0', '/contacts?starting_after=not-a-cursor']) {
			const res = await call(sb, 'GET', path);
			expect({ path, status: res.status, code: res.json.errors[0].code }).toEqual({ path, status: 400, code: 'parameter_invalid' });
		}
		const search = await call(sb, 'POST', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' }, pagination: { per_page: 200 } });
		expect(search.status).toBe(400);
		expect(search.json.type).toBe('error.list');
	});

	it('uses page numbers for articles, newest updated first', async () => {
		const ws = sb.workspace;
		const first = await call(sb, 'GET', '/articles?per_page=5&page=1');
		const second = await call(sb, 'GET', '/articles?per_page=5&page=2');
		expect(first.json.pages).toMatchObject({ type: 'pages', page: 1, per_page: 5, total_pages: Math.ceil(ws.articles.size / 5) });
		expect(second.json.pages.page).toBe(2);
		const all = [...first.json.data, ...second.json.data];
		expect(new Set(all.map((a: { id: string }) => a.id)).size).toBe(10);
		const stamps = all.map((a: { updated_at: number }) => a.updated_at);
		expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
	});
});
