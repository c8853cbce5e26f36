/**
 * Intercom lists companies by page number only up to the 10,000th and refuses a page past it
 * ("page limit reached, please use scroll API"), as the sandbox does. Company → Get Many with a
 * limit and Company → Find by tag keep within it: a larger Limit is refused before anything is
 * sent, a Limit up to 10,000 is read in pages that end exactly there, and a Return All of a
 * longer list fails at its first page, saying what to use instead.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';

let sb: RunningSandbox;
const COMPANIES = 10_250;
const TAG = '990001';

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, companies: COMPANIES, conversations: 0, articles: 0 } });
	const contact = sb.workspace.contacts.all()[0].id;
	// Every company listed by POST /companies/list (it lists companies with a contact only); the tag on 10,100.
	sb.workspace.companies.all().forEach((c, i) => {
		c.contactIds.add(contact);
		if (i >= 150) c.tagIds.push(TAG);
	});
	sb.workspace.tags.set(TAG, { ...[...sb.workspace.tags.values()][0], id: TAG, name: 'Reach' });
});
afterAll(async () => await sb?.close());
beforeEach(() => sb.log.clear());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const runCompany = (parameters: INodeParameters) =>
	runNode({ parameters: { resource: 'company', ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });

/** The page and page size of each request sent. */
const pagesSent = () => sb.log.requests().map((r) => `${r.operation} page=${String(r.query.page)} per_page=${String(r.query.per_page)}`);

describe('company lists within the reach of page numbers', () => {
	it('refuses a Limit past 10,000 before sending anything, naming the parameter', async () => {
		for (const parameters of [
			{ operation: 'getMany', returnAll: false, limit: 10_001 },
			{ operation: 'find', findBy: 'tag', tagId: TAG, returnAll: false, limit: 20_000 },
		]) {
			const result = await runCompany(parameters);
			expect(result.error?.message).toBe(`Parameter "Limit": Intercom lists at most 10,000 companies by page, not ${parameters.limit}`);
			expect(result.items).toEqual([]);
		}
		expect(sb.log.requests()).toEqual([]);
	});

	it('reads a Limit of 10,000 in pages that end exactly at the reach (80 of 125), and 9,900 in pages of 150', async () => {
		const all = await runCompany({ operation: 'getMany', returnAll: false, limit: 10_000 });
		expect(all.error).toBeUndefined();
		expect(new Set(all.items.map((i) => String(i.json.id))).size).toBe(10_000);
		expect(pagesSent()).toEqual(Array.from({ length: 80 }, (_, i) => `POST /companies/list page=${i + 1} per_page=125`));
		sb.log.clear();
		const within = await runCompany({ operation: 'getMany', returnAll: false, limit: 9_900 });
		expect(within.items).toHaveLength(9_900);
		expect(pagesSent()).toEqual(Array.from({ length: 66 }, (_, i) => `POST /companies/list page=${i + 1} per_page=150`));
	});

	it('fails a Return All of a longer list at its first page, saying what to use instead', async () => {
		const result = await runCompany({ operation: 'find', findBy: 'tag', tagId: TAG, returnAll: true });
		expect(result.error?.message).toBe('This list holds more than the 10,000 companies Intercom lists by page');
		expect(result.error?.description).toContain('Company → Get Many with Return All');
		expect(pagesSent()).toEqual(['GET /companies page=1 per_page=125']);
	});

	it('reads a Return All of a list within the reach to its end', async () => {
		const untagged = sb.workspace.companies.all().slice(150, 400);
		for (const c of untagged) c.tagIds = []; // 9,850 tagged
		try {
			const result = await runCompany({ operation: 'find', findBy: 'tag', tagId: TAG, returnAll: true });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(9_850);
			expect(pagesSent()).toHaveLength(79);
		} finally {
			for (const c of untagged) c.tagIds.push(TAG);
		}
	});

	it('fails clearly when the list grows past the reach while it is read', async () => {
		const list = sb.sandbox.routes['GET /companies'];
		const untagged = sb.workspace.companies.all().slice(150, 400);
		for (const c of untagged) c.tagIds = []; // 9,850 tagged when the read starts
		sb.sandbox.routes['GET /companies'] = (ctx) => {
			const answer = list(ctx) as { total_count?: number };
			if (Number(ctx.query.page) === 1) for (const c of untagged) c.tagIds.push(TAG); // 10,100 from page 2 on
			// Without its count, the list's length is learned only by asking: Intercom refuses page 81.
			delete answer.total_count;
			return answer;
		};
		try {
			const result = await runCompany({ operation: 'find', findBy: 'tag', tagId: TAG, returnAll: true });
			expect(result.error?.message).toBe('This list holds more than the 10,000 companies Intercom lists by page');
			expect(pagesSent()).toHaveLength(81);
			expect(sb.log.requests().at(-1)?.status).toBe(400);
		} finally {
			sb.sandbox.routes['GET /companies'] = list;
		}
	});
});
