/**
 * New Company against the sandbox: each company created since the activation is emitted exactly
 * once, wherever it sits in the list, including one created in the same second as a poll; edits to
 * older companies are not new companies; and what the quiet cases cost, in exact request counts.
 * A list longer than page numbers reach (Intercom refuses pages past the 10,000th company) is read
 * through the scroll API, and a scroll someone else holds fails the poll clearly, losing nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { SCROLL_OPEN_MESSAGE } from '../../nodes/shared/transport/company-scroll';
import { createOrUpdateCompany, SCROLL_PAGE_SIZE, scrollCompanies, updateCompany } from '../../sandbox/store/company-ops';
import { ids, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 10, conversations: 0, articles: 0, companies: 30 };
const params = { event: 'company.created' };
const companyId = (item: IDataObject) => String((item.company as IDataObject).id);

function newCompanies(count: number, prefix: string): string[] {
	return Array.from({ length: count }, (_, i) => createOrUpdateCompany(h.sb.workspace, { company_id: `${prefix}-${i}`, name: `${prefix} ${i}` }).id);
}

describe('New Company', () => {
	it('emits each company created since the activation once, not the seeded ones nor edits', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		expect((await h.poll(params)).items).toEqual([]);
		h.advance(10);
		const fresh = newCompanies(3, 'fresh');
		updateCompany(h.sb.workspace, h.sb.workspace.companies.all()[0].id, { name: 'Renamed' });
		h.advance(10);
		const { items } = await h.poll(params);
		expect(items.map(companyId)).toEqual(fresh);
		expect(items[0]).toMatchObject({ event: 'company.created', company: { type: 'company', company_id: 'fresh-0' } });
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('finds a company created in the same second as the last poll, and reads every page', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		const sameSecond = newCompanies(1, 'same-second'); // the clock has not moved since the poll
		h.advance(5);
		const many = newCompanies(170, 'bulk');
		h.advance(5);
		const { items, requests } = await h.poll(params);
		expect(items.map(companyId)).toEqual([...sameSecond, ...many]);
		// 30 seeded + 171 new companies: two pages of 150.
		expect(requests).toBe(2);
		expect(new Set(ids(h.emitted)).size).toBe(171);
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('a company without created_at is emitted at its updated_at, one with no time at all as untimed (on each poll: the list is read whole)', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		h.advance(10);
		const [a, b] = newCompanies(2, 'untimed');
		const updatedA = h.sb.workspace.companies.get(a)!.updated_at;
		h.advance(10);
		const strip = (list: Route, ctx: Parameters<Route>[0]) => {
			const answer = list(ctx) as { data: IDataObject[] };
			for (const company of answer.data) {
				if (company.id === a || company.id === b) delete company.created_at;
				if (company.id === b) delete company.updated_at;
			}
			return answer;
		};
		const first = await pollWithListAnswer(strip);
		expect(first.error).toBeUndefined();
		const byCompany = new Map(first.items.map((i) => [companyId(i), i]));
		expect(byCompany.get(a)).toMatchObject({ occurred_at: updatedA, event_id: `company.created:${a}:${updatedA}` });
		expect(byCompany.get(b)).toMatchObject({ occurred_at: h.now, event_id: `company.created:${b}:untimed` });
		h.advance(60);
		const again = await pollWithListAnswer(strip);
		expect(again.items.map((i) => i.event_id)).toEqual([`company.created:${b}:untimed`]);
	});

	it('costs one request when idle, and at most two for the editor\'s test event (the newest company)', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		h.advance(60);
		expect((await h.poll(params)).requests).toBe(1);
		const [newest] = newCompanies(1, 'newest');
		h.advance(1);
		const sample = await h.poll(params, { mode: 'manual' });
		expect(sample.items.map(companyId)).toEqual([newest]);
		expect(sample.requests).toBe(2);
	});
});

/** The requests of the last poll, as `GET /companies?page=N` and `GET /companies/scroll[ with param]`. */
function requestsOf(h: TriggerHarness, since: number): string[] {
	return h.sb.log
		.requests()
		.slice(since)
		.map((r) => (r.operation === 'GET /companies' ? `GET /companies?page=${String(r.query.page)}&per_page=${String(r.query.per_page)}` : r.query.scroll_param ? `${String(r.operation)} next` : String(r.operation)));
}

type Route = TriggerHarness['sb']['sandbox']['routes'][string];

/** One poll, with the sandbox's company list answering through `answer` (given the real route). */
async function pollWithListAnswer(answer: (list: Route, ctx: Parameters<Route>[0]) => ReturnType<Route>) {
	const list = h.sb.sandbox.routes['GET /companies'];
	h.sb.sandbox.routes['GET /companies'] = (ctx) => answer(list, ctx);
	const since = h.sb.log.requests().length;
	try {
		return { since, ...(await h.poll(params)) };
	} finally {
		h.sb.sandbox.routes['GET /companies'] = list;
	}
}

describe('New Company, more companies than page numbers reach', () => {
	// 9,900 companies are 66 pages of 150; one more needs page 67, which ends past the 10,000th.
	const LARGE = { contacts: 10, conversations: 0, articles: 0, companies: 9_950 };
	const scrollPages = (companies: number) => Math.ceil(companies / SCROLL_PAGE_SIZE) + 1; // and the empty page that closes it

	it('reads the list through the scroll API and emits each new company once', async () => {
		h = await TriggerHarness.start({ seed: LARGE });
		const first = await h.poll(params);
		expect(first.error).toBeUndefined();
		h.advance(30);
		const fresh = newCompanies(3, 'beyond');
		h.advance(30);
		const since = h.sb.log.requests().length;
		const { items, requests, error } = await h.poll(params);
		expect(error).toBeUndefined();
		expect(items.map(companyId)).toEqual(fresh);
		// One page by number (its total_count is past the reach), then the scroll to its end.
		const sent = requestsOf(h, since);
		expect(sent[0]).toBe('GET /companies?page=1&per_page=150');
		expect(sent.slice(1)).toEqual(['GET /companies/scroll', ...Array(scrollPages(9_953) - 1).fill('GET /companies/scroll next')]);
		expect(requests).toBe(1 + scrollPages(9_953));
		// The scroll was read to its end: none is left open to block the user's own Return All.
		expect(() => scrollCompanies(h.sb.workspace, undefined)).not.toThrow();
		h.advance(61);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('turns to the scroll when the list grows past the reach while it is read by page', async () => {
		h = await TriggerHarness.start({ seed: { ...LARGE, companies: 9_890 } });
		await h.poll(params);
		h.advance(30);
		const before = newCompanies(5, 'before'); // 9,895: within the reach when the read starts
		let during: string[] = [];
		h.advance(30);
		const { since, items, error } = await pollWithListAnswer((list, ctx) => {
			const answer = list(ctx);
			if (Number(ctx.query.page) === 3) during = newCompanies(10, 'during'); // 9,905 from page 4 on
			return answer;
		});
		expect(error).toBeUndefined();
		expect(items.map(companyId).sort()).toEqual([...before, ...during].sort());
		const sent = requestsOf(h, since);
		expect(sent.slice(0, 5)).toEqual([1, 2, 3, 4].map((n) => `GET /companies?page=${n}&per_page=150`).concat('GET /companies/scroll'));
		expect(sent.filter((r) => r.startsWith('GET /companies?'))).toHaveLength(4);
		h.advance(61);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it("turns to the scroll on Intercom's page-limit refusal", async () => {
		h = await TriggerHarness.start({ seed: { ...LARGE, companies: 9_900 } });
		await h.poll(params);
		h.advance(30);
		const fresh = newCompanies(2, 'refused');
		h.advance(30);
		// An answer without total_count that says there is a page 67: the list can only learn its length by asking.
		const { since, items, error } = await pollWithListAnswer((list, ctx) => {
			const answer = list(ctx) as { total_count?: number; pages: { total_pages: number } };
			delete answer.total_count;
			answer.pages.total_pages = 67;
			return answer;
		});
		expect(error).toBeUndefined();
		expect(items.map(companyId)).toEqual(fresh);
		const sent = requestsOf(h, since);
		expect(sent.slice(0, 67)).toEqual(Array.from({ length: 67 }, (_, i) => `GET /companies?page=${i + 1}&per_page=150`));
		expect(h.sb.log.requests()[since + 66].status).toBe(400);
		expect(sent.slice(67)).toEqual(['GET /companies/scroll', ...Array(scrollPages(9_902) - 1).fill('GET /companies/scroll next')]);
	});

	it("fails clearly while someone else's scroll is open, moves nothing, and emits everything once it has closed", async () => {
		h = await TriggerHarness.start({ seed: LARGE });
		await h.poll(params);
		const stateBefore = h.state;
		h.advance(30);
		const fresh = newCompanies(4, 'blocked');
		h.advance(30);
		scrollCompanies(h.sb.workspace, undefined); // the user's own Return All, say, just opened
		const since = h.sb.log.requests().length;
		const blocked = await h.poll(params);
		expect(blocked.items).toEqual([]);
		expect(blocked.error?.message).toBe(SCROLL_OPEN_MESSAGE);
		expect((blocked.error as Error & { description?: string }).description).toContain('This poll read nothing and moved nothing');
		expect(requestsOf(h, since)).toEqual(['GET /companies?page=1&per_page=150', 'GET /companies/scroll']);
		expect(h.state).toEqual(stateBefore);
		h.advance(60); // the other scroll expires unused
		const { items, error } = await h.poll(params);
		expect(error).toBeUndefined();
		expect(items.map(companyId)).toEqual(fresh);
	});

	it("samples the newest company of the first page and of the last page numbers reach, for the editor's test event", async () => {
		h = await TriggerHarness.start({ seed: { ...LARGE, companies: 10_100 } }); // 404 pages of 25; page 401 ends past the 10,000th
		const since = h.sb.log.requests().length;
		const sample = await h.poll(params, { mode: 'manual' });
		expect(sample.error).toBeUndefined();
		expect(requestsOf(h, since)).toEqual(['GET /companies?page=1&per_page=25', 'GET /companies?page=400&per_page=25']);
		expect(sample.items).toHaveLength(1);
	});
});
