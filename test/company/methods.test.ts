/** The company resource locator's list and the company dynamic lists, against the sandbox. */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runListSearch, runLoadOptions } from '../helpers/n8n';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 20, companies: 75, conversations: 0, articles: 0 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const editor = () => ({ credentials: credentialsFor(sb.baseUrl, sb.token), parameters: { resource: 'company' } });

const searchCompanies = (filter?: string, token?: string) => runListSearch('searchCompanies', editor(), filter, token);
const loadOptions = (name: string) => runLoadOptions(name, editor());

describe('searchCompanies', () => {
	it('lists every company over pages of 50, labelled with name and company_id', async () => {
		const first = await searchCompanies();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await searchCompanies(undefined, first.paginationToken as string);
		expect(second.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results].map((r) => r.value);
		expect(values.sort()).toEqual(sb.workspace.companies.all().map((c) => c.id).sort());
		const one = sb.workspace.companies.all()[0];
		expect(first.results.find((r) => r.value === one.id)?.name).toBe(`${one.name} (${one.company_id})`);
	});

	it('offers no page past the 10,000th company, which Intercom refuses', async () => {
		const list = sb.sandbox.routes['GET /companies'];
		// The answer of a workspace with 12,000 companies: 240 pages of 50.
		sb.sandbox.routes['GET /companies'] = (ctx) => ({ ...(list(ctx) as object), total_count: 12_000, pages: { type: 'pages', page: Number(ctx.query.page), per_page: 50, total_pages: 240 } });
		try {
			expect((await searchCompanies(undefined, '199')).paginationToken).toBe('200');
			expect((await searchCompanies(undefined, '200')).paginationToken).toBeUndefined();
		} finally {
			sb.sandbox.routes['GET /companies'] = list;
		}
	});

	it('filters by any part of the name or company_id, ignoring case', async () => {
		const target = sb.workspace.companies.all()[3];
		const found = await searchCompanies(target.company_id.toUpperCase());
		expect(found.results.map((r) => r.value)).toContain(target.id);
		expect(found.results.every((r) => r.name.toLowerCase().includes(target.company_id))).toBe(true);
	});
});

describe('company dynamic lists', () => {
	it('offers segments and writable company attributes', async () => {
		expect((await loadOptions('getSegments')).map((o) => o.value).sort()).toEqual([...sb.workspace.segments.keys()].sort());
		const attributes = await loadOptions('getCompanyAttributes');
		expect(attributes.map((o) => o.value)).toContain('account_tier');
		expect(attributes.every((o) => sb.workspace.dataAttributes.some((a) => a.model === 'company' && a.custom && a.name === o.value))).toBe(true);
	});
});
