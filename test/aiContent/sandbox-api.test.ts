/**
 * The sandbox's internal articles and Fin Content Library as Intercom serves them, called directly:
 * every route answers with the shape its spec schema describes, and the sandbox refuses what
 * Intercom refuses (an author that is no admin, a source change to or from API, a URL change of a
 * synced source, a page written under a source Intercom syncs itself, a duplicate external ID).
 */
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { knowledgeRoutes } from '../../sandbox/api/knowledge';
import { SEEDED_FOLDERS } from '../../sandbox/seed-knowledge';
import { answeredInShape, refusedWith } from '../sandbox/helpers';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 0, articles: 0 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const seen = new Set<string>();

const ok = (key: string, path: string, body?: unknown, status = 200) => answeredInShape(sb, key, path, body, { status, seen });

const refused = async (method: string, path: string, body: unknown, status: number, code: string) => void (await refusedWith(sb, method, path, body, status, code));

const admin = () => Number([...sb.workspace.admins.keys()][0]);
const sources = () => [...sb.workspace.knowledge.sources.values()];

describe('internal articles', () => {
	it('list, search by folder, create, get, update, delete', async () => {
		const list = await ok('GET /internal_articles', '/internal_articles');
		expect(list.pages).toMatchObject({ page: 1, per_page: 25, total_pages: Math.ceil(sb.workspace.knowledge.internalArticles.size / 25) });
		const page2 = await ok('GET /internal_articles', '/internal_articles?page=2&per_page=25');
		expect(page2.data.map((a: { id: string }) => a.id)).not.toContain(list.data[0].id);

		const found = await ok('GET /internal_articles/search', `/internal_articles/search?folder_id=${SEEDED_FOLDERS[0]}`);
		const inFolder = [...sb.workspace.knowledge.internalArticles.values()].filter((a) => a.folder_id === SEEDED_FOLDERS[0]);
		expect(found.total_count).toBe(inFolder.length);
		expect(found.data.internal_articles.map((a: { id: string }) => a.id)).toEqual(inFolder.map((a) => a.id));

		const created = await ok('POST /internal_articles', '/internal_articles', { title: 'Shape', body: '<p>b</p>', author_id: admin(), owner_id: admin() });
		expect(created).toMatchObject({ type: 'internal_article', title: 'Shape', author_id: admin(), owner_id: admin(), locale: 'en' });
		await ok('GET /internal_articles/{internal_article_id}', `/internal_articles/${created.id}`);
		const updated = await ok('PUT /internal_articles/{internal_article_id}', `/internal_articles/${created.id}`, { title: 'Shaped' });
		expect(updated).toMatchObject({ id: created.id, title: 'Shaped', body: '<p>b</p>' });
		const deleted = await ok('DELETE /internal_articles/{internal_article_id}', `/internal_articles/${created.id}`);
		expect(deleted).toEqual({ id: created.id, object: 'internal_article', deleted: true });

		await refused('GET', `/internal_articles/${created.id}`, undefined, 404, 'not_found');
		await refused('POST', '/internal_articles', { title: 'Bad owner', author_id: admin(), owner_id: 1 }, 400, 'parameter_invalid');
	});
});

describe('content import sources and external pages', () => {
	it('sources: list, create, get, update under the sync rules, delete with their pages', async () => {
		const list = await ok('GET /ai/content_import_sources', '/ai/content_import_sources');
		expect(list.data).toHaveLength(sources().length);
		const created = await ok('POST /ai/content_import_sources', '/ai/content_import_sources', { sync_behavior: 'api', url: 'https://kb.example.com' });
		expect(created).toMatchObject({ type: 'content_import_source', sync_behavior: 'api', status: 'active', url: 'https://kb.example.com' });
		await ok('GET /ai/content_import_sources/{source_id}', `/ai/content_import_sources/${created.id}`);
		const moved = await ok('PUT /ai/content_import_sources/{source_id}', `/ai/content_import_sources/${created.id}`, { sync_behavior: 'api', url: 'https://kb2.example.com', status: 'deactivated' });
		expect(moved).toMatchObject({ url: 'https://kb2.example.com', status: 'deactivated' });
		await refused('PUT', `/ai/content_import_sources/${created.id}`, { sync_behavior: 'manual', url: 'https://kb2.example.com' }, 400, 'parameter_invalid');

		const synced = sources().find((s) => s.sync_behavior === 'automatic')!;
		await refused('PUT', `/ai/content_import_sources/${synced.id}`, { sync_behavior: 'automated', url: 'https://other.example.com' }, 400, 'parameter_invalid');

		const page = await ok('POST /ai/external_pages', '/ai/external_pages', { title: 'P', html: '<p>p</p>', locale: 'en', source_id: created.id, external_id: 'p1' });
		await ok('DELETE /ai/content_import_sources/{source_id}', `/ai/content_import_sources/${created.id}`, undefined, 204);
		await refused('GET', `/ai/external_pages/${page.id}`, undefined, 404, 'not_found');
		await refused('GET', `/ai/content_import_sources/${created.id}`, undefined, 404, 'not_found');
	});

	it('pages: list linked by pages.next, upsert by source and external ID, get, update, delete', async () => {
		const first = await ok('GET /ai/external_pages', '/ai/external_pages');
		expect(first.pages.next).toBe('https://api.intercom.io/ai/external_pages?page=2&per_page=50');
		const second = await ok('GET /ai/external_pages', '/ai/external_pages?page=2&per_page=50');
		expect(second.pages.next).toBeUndefined();
		expect(first.data.length + second.data.length).toBe(sb.workspace.knowledge.pages.size);

		const api = sources().find((s) => s.sync_behavior === 'api')!;
		const synced = sources().find((s) => s.sync_behavior === 'automatic')!;
		const page = await ok('POST /ai/external_pages', '/ai/external_pages', { title: 'T', html: '<p>t</p>', locale: 'en', source_id: api.id, external_id: 'shape', url: 'https://docs.example.com/t' });
		expect(page).toMatchObject({ ai_agent_availability: false, ai_copilot_availability: false, source_id: api.id, external_id: 'shape' });
		const again = await ok('POST /ai/external_pages', '/ai/external_pages', { title: 'T2', html: '<p>t</p>', locale: 'en', source_id: api.id, external_id: 'shape', ai_agent_availability: true });
		expect(again).toMatchObject({ id: page.id, title: 'T2', ai_agent_availability: true });
		await ok('GET /ai/external_pages/{page_id}', `/ai/external_pages/${page.id}`);
		const updated = await ok('PUT /ai/external_pages/{page_id}', `/ai/external_pages/${page.id}`, { title: 'T3', html: '<p>3</p>', url: 'https://docs.example.com/3', locale: 'en', source_id: api.id });
		expect(updated).toMatchObject({ id: page.id, title: 'T3', external_id: 'shape' });
		await refused('PUT', `/ai/external_pages/${page.id}`, { title: 'T', html: 'h', url: 'https://x.example.com', locale: 'en', source_id: api.id, external_id: '1' }, 400, 'parameter_invalid');
		await refused('POST', '/ai/external_pages', { title: 'T', html: 'h', locale: 'en', source_id: synced.id, external_id: 'x' }, 400, 'parameter_invalid');
		const deleted = await ok('DELETE /ai/external_pages/{page_id}', `/ai/external_pages/${page.id}`);
		expect(deleted).toMatchObject({ id: page.id, html: '' });
	});
});

// Runs last: the shapes of every route were checked above.
it('checked every internal article and AI content route', () => {
	expect(Object.keys(knowledgeRoutes).filter((key) => !seen.has(key))).toEqual([]);
});
