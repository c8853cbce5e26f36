import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { call, COMPANY_ID, CONTACT_ID, contact, fakeIntercom, locator, runContact } from '../helpers/fake-intercom';

afterEach(() => nock.cleanAll());

function ids(from: number, count: number): IDataObject[] {
	return Array.from({ length: count }, (_v, i) => contact(`c${String(from + i).padStart(4, '0')}`));
}

function cursorPage(data: IDataObject[], next?: string): IDataObject {
	return { type: 'list', data, total_count: 320, pages: { type: 'pages', per_page: 150, ...(next ? { next: { per_page: 150, starting_after: next } } : {}) } };
}

describe('contact get many', () => {
	it('Return All follows the cursor through every page, 150 at a time', async () => {
		const api = fakeIntercom()
			.on('GET', '/contacts', cursorPage(ids(0, 150), 'WzE3MzQsImEiLDJd'), { query: { per_page: '150' } })
			.on('GET', '/contacts', cursorPage(ids(150, 150), 'cursor+2/=='), { query: { per_page: '150', starting_after: 'WzE3MzQsImEiLDJd' } })
			.on('GET', '/contacts', cursorPage(ids(300, 20)), { query: { per_page: '150', starting_after: 'cursor+2/==' } });
		const result = await runContact({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([
			call('GET', '/contacts', { query: { per_page: '150' } }),
			call('GET', '/contacts', { query: { per_page: '150', starting_after: 'WzE3MzQsImEiLDJd' } }),
			call('GET', '/contacts', { query: { per_page: '150', starting_after: 'cursor+2/==' } }),
		]);
		expect(result.items).toHaveLength(320);
		expect(result.items.map((i) => i.json.id)).toEqual(ids(0, 320).map((c) => c.id));
		expect(result.items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
	});

	it('Limit asks for exactly that many and stops without another request', async () => {
		const api = fakeIntercom().on('GET', '/contacts', cursorPage(ids(0, 7), 'more'), { query: { per_page: '7' } });
		const result = await runContact({ operation: 'getMany', returnAll: false, limit: 7 });
		expect(api.calls).toEqual([call('GET', '/contacts', { query: { per_page: '7' } })]);
		expect(result.items.map((i) => i.json)).toEqual(ids(0, 7));
	});

	it('Limit above one page takes what it needs from the next page', async () => {
		const api = fakeIntercom()
			.on('GET', '/contacts', cursorPage(ids(0, 150), 'p2'), { query: { per_page: '150' } })
			.on('GET', '/contacts', cursorPage(ids(150, 50), 'p3'), { query: { per_page: '50', starting_after: 'p2' } });
		const result = await runContact({ operation: 'getMany', returnAll: false, limit: 200 });
		expect(api.calls.map((c) => c.query)).toEqual([{ per_page: '150' }, { per_page: '50', starting_after: 'p2' }]);
		expect(result.items).toHaveLength(200);
	});

	it('gets the contacts of a company, by cursor', async () => {
		const api = fakeIntercom()
			.on('GET', `/companies/${COMPANY_ID}/contacts`, cursorPage(ids(0, 2), 'next-1'), { query: { per_page: '150' } })
			.on('GET', `/companies/${COMPANY_ID}/contacts`, cursorPage(ids(2, 1)), { query: { per_page: '150', starting_after: 'next-1' } });
		const result = await runContact({ operation: 'getManyByCompany', companyId: COMPANY_ID, returnAll: true });
		expect(api.calls).toEqual([
			call('GET', `/companies/${COMPANY_ID}/contacts`, { query: { per_page: '150' } }),
			call('GET', `/companies/${COMPANY_ID}/contacts`, { query: { per_page: '150', starting_after: 'next-1' } }),
		]);
		expect(result.items.map((i) => i.json)).toEqual(ids(0, 3));
	});

	it("refuses a company ID that is not Intercom's, before sending anything", async () => {
		const api = fakeIntercom();
		const result = await runContact({ operation: 'getManyByCompany', companyId: 'acme corp', returnAll: true });
		expect(result.error?.message).toBe('Parameter "Company Name or ID": "acme corp" is not a valid ID');
		expect(result.error?.description).toContain('not the company_id');
		expect(api.calls).toEqual([]);
	});
});

describe('lists of one contact', () => {
	const notes = (from: number, n: number) => Array.from({ length: n }, (_v, i) => ({ type: 'note', id: String(from + i), body: '<p>hi</p>' }));

	it('gets the notes by cursor when Intercom pages them by cursor', async () => {
		const path = `/contacts/${CONTACT_ID}/notes`;
		const api = fakeIntercom()
			.on('GET', path, { type: 'list', data: notes(1, 2), pages: { type: 'pages', page: 1, total_pages: 2, next: { starting_after: 'n2' } } }, { query: { per_page: '150' } })
			.on('GET', path, { type: 'list', data: notes(3, 1), pages: { type: 'pages', page: 2, total_pages: 2, next: null } }, { query: { per_page: '150', starting_after: 'n2' } });
		const result = await runContact({ operation: 'listNotes', contactId: locator(CONTACT_ID), returnAll: true });
		expect(api.calls).toEqual([
			call('GET', path, { query: { per_page: '150' } }),
			call('GET', path, { query: { per_page: '150', starting_after: 'n2' } }),
		]);
		expect(result.items.map((i) => i.json)).toEqual(notes(1, 3));
	});

	it('gets the notes by page number when Intercom pages them by number', async () => {
		const path = `/contacts/${CONTACT_ID}/notes`;
		const pages = (page: number) => ({ type: 'pages', next: null, page, per_page: 150, total_pages: 3 });
		const api = fakeIntercom()
			.on('GET', path, { type: 'list', data: notes(1, 150), pages: pages(1) }, { query: { per_page: '150' } })
			.on('GET', path, { type: 'list', data: notes(151, 150), pages: pages(2) }, { query: { per_page: '150', page: '2' } })
			.on('GET', path, { type: 'list', data: notes(301, 4), pages: pages(3) }, { query: { per_page: '150', page: '3' } });
		const result = await runContact({ operation: 'listNotes', contactId: locator(CONTACT_ID), returnAll: true });
		expect(api.calls).toEqual([
			call('GET', path, { query: { per_page: '150' } }),
			call('GET', path, { query: { per_page: '150', page: '2' } }),
			call('GET', path, { query: { per_page: '150', page: '3' } }),
		]);
		expect(result.items.map((i) => i.json)).toEqual(notes(1, 304));
	});

	it('keeps the page size across numbered pages, so a Limit never repeats items', async () => {
		const path = `/contacts/${CONTACT_ID}/notes`;
		const pages = (page: number) => ({ type: 'pages', page, per_page: 150, total_pages: 3 });
		const api = fakeIntercom()
			.on('GET', path, { type: 'list', data: notes(1, 150), pages: pages(1) }, { query: { per_page: '150' } })
			.on('GET', path, { type: 'list', data: notes(151, 150), pages: pages(2) }, { query: { per_page: '150', page: '2' } });
		const result = await runContact({ operation: 'listNotes', contactId: locator(CONTACT_ID), returnAll: false, limit: 200 });
		expect(api.calls.map((c) => c.query)).toEqual([{ per_page: '150' }, { per_page: '150', page: '2' }]);
		expect(result.items.map((i) => i.json)).toEqual(notes(1, 200));
	});

	it('gets the companies by page number, under "companies" or "data"', async () => {
		const path = `/contacts/${CONTACT_ID}/companies`;
		const company = (id: string) => ({ type: 'company', id, name: `Company ${id}` });
		const api = fakeIntercom()
			.on('GET', path, { type: 'list', companies: [company('a'), company('b')], pages: { type: 'pages', next: null, page: 1, per_page: 2, total_pages: 2 } }, { query: { per_page: '150' } })
			.on('GET', path, { type: 'list', companies: [company('c')], pages: { type: 'pages', next: null, page: 2, per_page: 2, total_pages: 2 } }, { query: { page: '2', per_page: '150' } })
			.on('GET', path, { type: 'list', data: [company('d')], pages: { type: 'pages', next: null, page: 1, per_page: 50, total_pages: 1 } }, { query: { per_page: '5' } });
		const all = await runContact({ operation: 'listCompanies', contactId: locator(CONTACT_ID), returnAll: true });
		const fromData = await runContact({ operation: 'listCompanies', contactId: locator(CONTACT_ID), returnAll: false, limit: 5 });
		expect(api.calls).toEqual([
			call('GET', path, { query: { per_page: '150' } }),
			call('GET', path, { query: { page: '2', per_page: '150' } }),
			call('GET', path, { query: { per_page: '5' } }),
		]);
		expect(all.items.map((i) => i.json)).toEqual([company('a'), company('b'), company('c')]);
		expect(fromData.items).toEqual([{ json: company('d'), pairedItem: { item: 0 } }]);
	});

	it.each([
		['listTags', 'tags', [{ type: 'tag', id: '80', name: 'VIP' }, { type: 'tag', id: '81', name: 'Beta' }]],
		['listSegments', 'segments', [{ type: 'segment', id: 's1', name: 'Active' }, { type: 'segment', id: 's2', name: 'New' }]],
		['listSubscriptions', 'subscriptions', [{ type: 'subscription', id: '91', consent_type: 'opt_out' }, { type: 'subscription', id: '93', consent_type: 'opt_in' }]],
	])('%s reads one unpaginated response, Limit trims it', async (operation, segment, data) => {
		const path = `/contacts/${CONTACT_ID}/${segment}`;
		const api = fakeIntercom().on('GET', path, { type: 'list', data }).on('GET', path, { type: 'list', data });
		const all = await runContact({ operation, contactId: locator(CONTACT_ID), returnAll: true });
		const one = await runContact({ operation, contactId: locator(CONTACT_ID), returnAll: false, limit: 1 });
		expect(api.calls).toEqual([call('GET', path), call('GET', path)]);
		expect(all.items).toEqual(data.map((json) => ({ json, pairedItem: { item: 0 } })));
		expect(one.items.map((i) => i.json)).toEqual([data[0]]);
	});

	it('runs once per input item and pairs each result with its item', async () => {
		const other = '6762f0d51bb69f9f2193bb80';
		fakeIntercom()
			.on('GET', `/contacts/${CONTACT_ID}/tags`, { type: 'list', data: [{ type: 'tag', id: '1' }, { type: 'tag', id: '2' }] })
			.on('GET', `/contacts/${other}/tags`, { type: 'list', data: [{ type: 'tag', id: '3' }] });
		const result = await runContact(
			{ operation: 'listTags', contactId: locator('={{ $json.id }}'), returnAll: true },
			{ items: [{ id: CONTACT_ID }, { id: other }] },
		);
		expect(result.items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			['1', { item: 0 }],
			['2', { item: 0 }],
			['3', { item: 1 }],
		]);
	});
});
