/**
 * AI Content (the Fin Content Library) through n8n against the sandbox: content import sources and
 * their external pages. Every request the node sends is checked (method, path, query, body), and
 * every answer against the 2.14 response schemas.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import type { LoggedRequest } from '../../sandbox';
import { credentialsFor, loadOptionsContext, nodeTypes, runNode } from '../helpers/n8n';
import { sandboxNode } from '../helpers/sandbox-node';

const pages = sandboxNode('externalPage');
const sb = () => pages.sb();
const ws = () => sb().workspace;

/** Content import sources, on the same sandbox. */
async function sources(parameters: INodeParameters): Promise<{ json: IDataObject[]; error?: Error; sent: LoggedRequest[] }> {
	const before = sb().log.requests().length;
	const result = await runNode({ parameters: { resource: 'contentImportSource', ...parameters }, credentials: credentialsFor(sb().baseUrl, sb().token) });
	const sent = sb().log.requests().slice(before);
	expect(sent.filter((r) => !r.verdict.conformant).map((r) => r.verdict.problems)).toEqual([]);
	return { json: result.items.map((i) => i.json), error: result.error, sent };
}

const storedSources = () => [...ws().knowledge.sources.values()].sort((a, b) => a.id - b.id);
const apiSource = () => storedSources().find((s) => s.sync_behavior === 'api')!;
const syncedSource = () => storedSources().find((s) => s.sync_behavior === 'automatic')!;
const storedPages = () => [...ws().knowledge.pages.values()].sort((a, b) => Number(b.id) - Number(a.id));
const requests = (sent: LoggedRequest[]) => sent.map((r) => [r.method, r.path, r.body ?? null]);

beforeEach(() => {
	sb().reset();
	sb().settings.validateResponses = true;
});
afterEach(() => {
	expect(sb().log.requests().flatMap((r) => r.responseProblems ?? [])).toEqual([]);
	sb().settings.validateResponses = false;
});

describe('content import sources', () => {
	it('creates a source synced through the API, reads, updates and deletes it (with its pages)', async () => {
		const created = await sources({ operation: 'create', url: ' https://kb.example.com ', additionalFields: { status: 'deactivated' } });
		expect(created.error).toBeUndefined();
		expect(requests(created.sent)).toEqual([['POST', '/ai/content_import_sources', { url: 'https://kb.example.com', status: 'deactivated', sync_behavior: 'api' }]]);
		const id = created.json[0].id as number;
		expect(created.json).toEqual([
			{ id, type: 'content_import_source', url: 'https://kb.example.com', status: 'deactivated', sync_behavior: 'api', last_synced_at: expect.any(Number), created_at: expect.any(Number), updated_at: expect.any(Number) },
		]);

		const read = await sources({ operation: 'get', sourceId: String(id) });
		expect(requests(read.sent)).toEqual([['GET', `/ai/content_import_sources/${id}`, null]]);
		expect(read.json).toEqual(created.json);

		const updated = await sources({ operation: 'update', sourceId: String(id), syncBehavior: 'api', url: 'https://kb2.example.com', updateFields: { status: 'active' } });
		expect(requests(updated.sent)).toEqual([['PUT', `/ai/content_import_sources/${id}`, { sync_behavior: 'api', url: 'https://kb2.example.com', status: 'active' }]]);
		expect(updated.json[0]).toMatchObject({ id, url: 'https://kb2.example.com', status: 'active', sync_behavior: 'api' });

		await pages.ok({ operation: 'create', title: 'T', html: '<p>x</p>', sourceId: String(id), externalId: 'a', additionalFields: {} });
		expect(storedPages().filter((p) => p.source_id === id)).toHaveLength(1);
		const deleted = await sources({ operation: 'delete', sourceId: String(id) });
		expect(requests(deleted.sent)).toEqual([['DELETE', `/ai/content_import_sources/${id}`, null]]);
		expect(deleted.sent[0].status).toBe(204);
		expect(deleted.json).toEqual([{ id: String(id), deleted: true }]);
		expect(ws().knowledge.sources.has(id)).toBe(false);
		expect(storedPages().filter((p) => p.source_id === id)).toEqual([]);

		const gone = await sources({ operation: 'get', sourceId: String(id) });
		expect(gone.error?.message).toBe('Content import source was not found in Intercom');
	});

	it("passes on Intercom's refusal to change a synced source's URL or to make it an API source", async () => {
		const source = syncedSource();
		const toApi = await sources({ operation: 'update', sourceId: String(source.id), syncBehavior: 'api', url: source.url, updateFields: {} });
		expect(toApi.error?.message).toContain('sync_behavior');
		const moved = await sources({ operation: 'update', sourceId: String(source.id), syncBehavior: 'automated', url: 'https://elsewhere.example.com', updateFields: {} });
		expect(moved.error?.message).toContain('url');
		const paused = await sources({ operation: 'update', sourceId: String(source.id), syncBehavior: 'automated', url: source.url, updateFields: { status: 'deactivated' } });
		expect(paused.sent.map((r) => r.body)).toEqual([{ sync_behavior: 'automated', url: source.url, status: 'deactivated' }]);
		// The update request names it `automated`; the source reports `automatic`.
		expect(paused.json[0]).toMatchObject({ sync_behavior: 'automatic', status: 'deactivated' });
	});

	it.each([
		['create', 'no URL', { url: '={{ "" }}' }, 'Parameter "URL": a value is required'],
		['create', 'a URL that is not a web address', { url: 'kb.example.com' }, 'Parameter "URL": "kb.example.com" is not a web address'],
		['update', 'an unknown sync behavior', { syncBehavior: '={{ "hourly" }}' }, 'Parameter "Sync Behavior": "hourly" is not one of api, automated, manual'],
		['get', 'a source ID that is not a number', { sourceId: '={{ "src-1" }}' }, 'Parameter "Content Import Source Name or ID": "src-1" is not a valid ID'],
	])('%s refuses %s, sending nothing', async (operation, _label, parameters, message) => {
		const result = await sources({ operation, sourceId: String(apiSource().id), url: 'https://kb.example.com', syncBehavior: 'api', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(result.sent).toEqual([]);
	});

	it('Get Many lists every source; the picker offers them by URL', async () => {
		const all = await sources({ operation: 'getMany', returnAll: true });
		expect(all.json.map((s) => s.id)).toEqual(storedSources().map((s) => s.id));
		expect(all.sent.map((r) => r.query)).toEqual([{}]);

		const method = nodeTypes.getByNameAndVersion('n8n-nodes-intercom.intercom').methods!.loadOptions!.getContentImportSources as (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
		const context = loadOptionsContext({ credentials: credentialsFor(sb().baseUrl, sb().token), parameters: { resource: 'externalPage', operation: 'create' } });
		const options = await method.call(context);
		expect(options).toEqual(
			storedSources()
				.map((s) => ({ name: s.url, value: String(s.id), description: `Sync: ${s.sync_behavior}, ${s.status}` }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
	});
});

describe('external pages', () => {
	it('creates a page, and the same source and External ID updates it instead of adding another', async () => {
		const source = apiSource();
		const before = storedPages().length;
		const created = await pages.run({
			operation: 'create',
			title: ' Getting started ',
			html: '<h1>Start</h1>',
			sourceId: String(source.id),
			externalId: 'gs-1',
			additionalFields: { url: 'https://docs.example.com/start', aiAgentAvailability: true, aiCopilotAvailability: false },
		});
		expect(created.error).toBeUndefined();
		expect(requests(created.sent)).toEqual([
			[
				'POST',
				'/ai/external_pages',
				{ title: 'Getting started', html: '<h1>Start</h1>', source_id: source.id, external_id: 'gs-1', url: 'https://docs.example.com/start', ai_agent_availability: true, ai_copilot_availability: false, locale: 'en' },
			],
		]);
		const id = created.json[0].id as string;
		expect(created.json[0]).toMatchObject({ id, type: 'external_page', title: 'Getting started', source_id: source.id, external_id: 'gs-1', ai_agent_availability: true, ai_copilot_availability: false, locale: 'en' });

		const again = await pages.ok({ operation: 'create', title: 'Getting started, again', html: '<h1>Start!</h1>', sourceId: String(source.id), externalId: 'gs-1', additionalFields: {} });
		expect(again[0]).toMatchObject({ id, title: 'Getting started, again', ai_agent_availability: true, ai_copilot_availability: false });
		expect(storedPages()).toHaveLength(before + 1);
	});

	it('reads, replaces and deletes a page created through the API', async () => {
		const source = apiSource();
		const page = storedPages().find((p) => p.source_id === source.id)!;
		const read = await pages.run({ operation: 'get', pageId: page.id });
		expect(requests(read.sent)).toEqual([['GET', `/ai/external_pages/${page.id}`, null]]);
		expect(read.json[0]).toMatchObject({ id: page.id, title: page.title, html: page.html, external_id: page.external_id, source_id: source.id });

		const updated = await pages.run({
			operation: 'update',
			pageId: page.id,
			title: 'Renamed',
			html: '<p>New</p>',
			url: 'https://docs.example.com/renamed',
			sourceId: String(source.id),
			updateFields: { externalId: 'renamed', finAvailability: false },
		});
		expect(requests(updated.sent)).toEqual([
			['PUT', `/ai/external_pages/${page.id}`, { title: 'Renamed', html: '<p>New</p>', url: 'https://docs.example.com/renamed', source_id: source.id, external_id: 'renamed', fin_availability: false, locale: 'en' }],
		]);
		expect(updated.json[0]).toMatchObject({ id: page.id, title: 'Renamed', external_id: 'renamed', ai_agent_availability: false, ai_copilot_availability: false, fin_availability: false });

		const deleted = await pages.run({ operation: 'delete', pageId: page.id });
		expect(requests(deleted.sent)).toEqual([['DELETE', `/ai/external_pages/${page.id}`, null]]);
		expect(deleted.json[0]).toMatchObject({ id: page.id, type: 'external_page', title: 'Renamed', html: '' });
		const gone = await pages.run({ operation: 'get', pageId: page.id });
		expect(gone.error?.message).toBe('External page was not found in Intercom');
	});

	it("passes on Intercom's refusal to write a page of a source it syncs itself", async () => {
		const page = storedPages().find((p) => p.source_id === syncedSource().id)!;
		const result = await pages.run({ operation: 'update', pageId: page.id, title: 'X', html: '<p>x</p>', url: 'https://support.example.com/x', sourceId: String(apiSource().id), updateFields: {} });
		expect(result.error).toBeDefined();
		expect(result.sent).toHaveLength(1);
		expect(ws().knowledge.pages.get(page.id)!.title).toBe(page.title);
	});

	it.each([
		['create', 'no title', { title: ' ' }, 'Parameter "Title": a value is required'],
		['create', 'no External ID', { externalId: '={{ " " }}' }, 'Parameter "External ID": a value is required'],
		['create', 'a source that is not an ID', { sourceId: '={{ "docs" }}' }, 'Parameter "Content Import Source Name or ID": "docs" is not a whole number'],
		['create', 'a URL that is not a web address', { additionalFields: { url: 'docs/start' } }, 'Parameter "URL": "docs/start" is not a web address'],
		['update', 'no URL', { url: '={{ "" }}' }, 'Parameter "URL": a value is required'],
		['update', 'no HTML', { html: '={{ "" }}' }, 'Parameter "HTML": a value is required'],
		['get', 'a page ID with a slash', { pageId: '12/3' }, 'Parameter "External Page ID": "12/3" is not a valid ID'],
	])('%s refuses %s, sending nothing', async (operation, _label, parameters, message) => {
		const result = await pages.run({
			operation,
			pageId: '1001',
			title: 'T',
			html: '<p>x</p>',
			url: 'https://docs.example.com/t',
			sourceId: String(apiSource().id),
			externalId: 'e',
			additionalFields: {},
			updateFields: {},
			...parameters,
		});
		expect(result.error?.message).toBe(message);
		expect(result.sent).toEqual([]);
	});

	it('Get Many follows pages.next links (nothing asked for on the first page) and Limit stops early', async () => {
		const all = await pages.run({ operation: 'getMany', returnAll: true });
		expect(all.json.map((p) => p.id)).toEqual(storedPages().map((p) => p.id));
		expect(all.json.length).toBeGreaterThan(50);
		expect(all.sent.map((r) => [r.path, r.query])).toEqual([
			['/ai/external_pages', {}],
			['/ai/external_pages', { page: '2', per_page: '50' }],
		]);
		const some = await pages.run({ operation: 'getMany', returnAll: false, limit: 4 });
		expect(some.json).toEqual(all.json.slice(0, 4));
		expect(some.sent.map((r) => r.query)).toEqual([{}]);
	});
});
