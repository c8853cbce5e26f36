/** The lists the editor offers for Help Center collections, news items and newsfeeds, against the sandbox. */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runListSearch, runLoadOptions } from '../helpers/n8n';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 0, articles: 0, companies: 0, tickets: 0 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const editor = () => ({ credentials: credentialsFor(sb.baseUrl, sb.token), parameters: { resource: 'collection' } });
const loadOptions = (name: string) => runLoadOptions(name, editor());
const listSearch = (name: string, filter?: string, token?: string) => runListSearch(name, editor(), filter, token);

function sent(since: number) {
	return sb.log.requests().slice(since).map((r) => [r.path, r.query]);
}

describe('Help Center and News lists in the editor', () => {
	it('getCollections offers every collection (all pages), nested ones saying where', async () => {
		const before = sb.log.requests().length;
		const options = await loadOptions('getCollections');
		expect(sent(before)).toEqual([['/help_center/collections', { page: '1', per_page: '150' }]]);
		expect(options.map((o) => o.value).sort()).toEqual([...sb.workspace.collections.keys()].sort());
		const nested = [...sb.workspace.collections.values()].find((c) => c.parent_id !== null)!;
		expect(options.find((o) => o.value === nested.id)).toEqual({ name: nested.name, value: nested.id, description: `Nested in collection ${nested.parent_id}` });
	});

	it('getNewsfeeds offers every newsfeed by name', async () => {
		const options = await loadOptions('getNewsfeeds');
		expect(options).toEqual([...sb.workspace.newsfeeds.values()].map((f) => ({ name: f.name, value: f.id })).sort((a, b) => a.name.localeCompare(b.name)));
	});

	it('searchCollections pages 20 at a time and filters by name', async () => {
		const before = sb.log.requests().length;
		const first = await listSearch('searchCollections');
		expect(sent(before)).toEqual([['/help_center/collections', { page: '1', per_page: '20' }]]);
		expect(first.results).toHaveLength(sb.workspace.collections.size);
		expect(first.paginationToken).toBeUndefined();
		const found = await listSearch('searchCollections', 'billing');
		expect(found.results.map((r) => r.value).sort()).toEqual(
			[...sb.workspace.collections.values()].filter((c) => c.name.toLowerCase().includes('billing')).map((c) => c.id).sort(),
		);
		expect(found.results.length).toBeGreaterThan(0);
	});

	it('searchNewsItems marks drafts, and searchNewsfeeds filters by name', async () => {
		const items = await listSearch('searchNewsItems');
		expect(items.results).toHaveLength(sb.workspace.newsItems.size);
		const draft = [...sb.workspace.newsItems.values()].find((n) => n.state === 'draft')!;
		expect(items.results).toContainEqual({ name: `${draft.title} (draft)`, value: draft.id });
		const filtered = await listSearch('searchNewsItems', 'MAINTENANCE');
		expect(filtered.results.map((r) => r.name)).toEqual(['Scheduled maintenance this weekend (draft)']);
		const feeds = await listSearch('searchNewsfeeds', 'users');
		expect(feeds.results).toEqual([...sb.workspace.newsfeeds.values()].filter((f) => f.name === 'Users Feed').map((f) => ({ name: f.name, value: f.id })));
	});
});
