/**
 * Internal articles through n8n against the sandbox: every request the node sends is checked
 * (method, path, query, body) and every answer is checked against the 2.14 response schemas.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { SEEDED_FOLDERS } from '../../sandbox/seed-knowledge';
import { credentialsFor, loadOptionsContext, nodeTypes } from '../helpers/n8n';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('internalArticle');
const ws = () => node.sb().workspace;
const admins = () => [...ws().admins.keys()].map(Number);
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const stored = () => [...ws().knowledge.internalArticles.values()].sort((a, b) => Number(a.id) - Number(b.id));

beforeEach(() => {
	node.sb().reset();
	node.sb().settings.validateResponses = true;
});
afterEach(() => {
	expect(node.sb().log.requests().flatMap((r) => r.responseProblems ?? [])).toEqual([]);
	node.sb().settings.validateResponses = false;
});

describe('internal article create, get, update, delete', () => {
	it('creates an article with author and owner, reads it, changes it and deletes it', async () => {
		const [author, owner] = admins();
		const created = await node.run({
			operation: 'create',
			title: ' Refund policy ',
			authorId: String(author),
			ownerId: String(owner),
			additionalFields: { body: '<p>Annual plans: pro rata.</p>' },
		});
		expect(created.error).toBeUndefined();
		expect(created.sent.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', '/internal_articles', { title: 'Refund policy', author_id: author, owner_id: owner, body: '<p>Annual plans: pro rata.</p>' }],
		]);
		const id = String(created.json[0].id);
		expect(created.json).toEqual([
			{ type: 'internal_article', id, title: 'Refund policy', body: '<p>Annual plans: pro rata.</p>', author_id: author, owner_id: owner, created_at: expect.any(Number), updated_at: expect.any(Number), locale: 'en' },
		]);

		const read = await node.run({ operation: 'get', internalArticleId: rl(id) });
		expect(read.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /internal_articles/${id}`]);
		expect(read.json).toEqual(created.json);

		const updated = await node.run({ operation: 'update', internalArticleId: rl(id, 'list'), updateFields: { title: 'Refunds', ownerId: String(author) } });
		expect(updated.sent.map((r) => [r.method, r.path, r.body])).toEqual([['PUT', `/internal_articles/${id}`, { title: 'Refunds', owner_id: author }]]);
		expect(updated.json[0]).toMatchObject({ id, title: 'Refunds', owner_id: author, author_id: author, body: '<p>Annual plans: pro rata.</p>' });

		const url = `https://app.intercom.com/a/apps/abc123/knowledge-hub/all-content?activeContentId=${id}&activeContentType=internal_article`;
		const deleted = await node.run({ operation: 'delete', internalArticleId: rl(url, 'url') });
		expect(deleted.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE /internal_articles/${id}`]);
		expect(deleted.json).toEqual([{ id, object: 'internal_article', deleted: true }]);
		expect(ws().knowledge.internalArticles.has(id)).toBe(false);

		const gone = await node.run({ operation: 'get', internalArticleId: rl(id) });
		expect(gone.error?.message).toBe('Internal article was not found in Intercom');
	});

	it.each([
		['an empty title', { title: ' ' }, 'Parameter "Title": a value is required'],
		['no author', { authorId: '={{ "" }}' }, 'Parameter "Author Name or ID": a value is required'],
		['an owner that is not an ID', { ownerId: '={{ "Ada" }}' }, 'Parameter "Owner Name or ID": "Ada" is not a whole number'],
	])('refuses %s on create, sending nothing', async (_label, parameters, message) => {
		const [author] = admins();
		const result = await node.run({ operation: 'create', title: 'Fine', authorId: String(author), ownerId: String(author), additionalFields: {}, ...parameters });
		expect(result.error?.message).toBe(message);
		expect(result.sent).toEqual([]);
	});

	it.each([
		['no field to change', { updateFields: {} }, 'Parameter "Update Fields": add at least one field to change'],
		['an author that is not an ID', { updateFields: { authorId: '={{ "Ada" }}' } }, 'Parameter "Author Name or ID": "Ada" is not a whole number'],
		['an ID that is not a number', { internalArticleId: rl('={{ "abc" }}') }, 'Parameter "Internal Article": "abc" is not a valid ID'],
		['an ID with a slash', { internalArticleId: rl('={{ "12/34" }}') }, 'Parameter "Internal Article": "12/34" is not a valid ID'],
	])('refuses %s on update, sending nothing', async (_label, parameters, message) => {
		const result = await node.run({ operation: 'update', internalArticleId: rl(stored()[0].id), ...parameters });
		expect(result.error?.message).toBe(message);
		expect(result.sent).toEqual([]);
	});

	it("answers Intercom's refusal of an admin that does not exist, naming the field", async () => {
		const [author] = admins();
		const result = await node.run({ operation: 'create', title: 'X', authorId: String(author), ownerId: '123', additionalFields: {} });
		expect(result.error?.message).toContain('owner_id');
		expect(result.sent).toHaveLength(1);
	});
});

describe('internal article lists', () => {
	it('Get Many follows the pages Intercom answers (none asked for on the first) and Limit stops early', async () => {
		const all = await node.ok({ operation: 'getMany', returnAll: true });
		expect(all.map((a) => a.id)).toEqual(stored().map((a) => a.id));
		expect(all.length).toBeGreaterThan(25);
		expect(node.sb().log.requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /internal_articles', 'GET /internal_articles']);
		expect(node.sb().log.requests().map((r) => r.query)).toEqual([{}, { page: '2', per_page: '25' }]);

		node.sb().log.clear();
		const some = await node.run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(some.json.map((a) => a.id)).toEqual(all.slice(0, 3).map((a) => a.id));
		expect(some.sent.map((r) => r.query)).toEqual([{}]);
	});

	it('Search returns the articles of one folder, and every article without one', async () => {
		const folder = SEEDED_FOLDERS[1];
		const inFolder = stored().filter((a) => a.folder_id === folder);
		expect(inFolder.length).toBeGreaterThan(0);
		const found = await node.run({ operation: 'search', folderId: ` ${folder} `, returnAll: true });
		expect(found.sent.map((r) => [r.path, r.query])).toEqual([['/internal_articles/search', { folder_id: folder }]]);
		expect(found.json.map((a) => a.id)).toEqual(inFolder.map((a) => a.id));
		expect(found.json[0]).toMatchObject({ type: 'internal_article', title: inFolder[0].title, owner_id: inFolder[0].owner_id });

		const none = await node.ok({ operation: 'search', folderId: '999', returnAll: true });
		expect(none).toEqual([]);

		const everything = await node.run({ operation: 'search', folderId: '', returnAll: false, limit: 30 });
		expect(everything.json.map((a) => a.id)).toEqual(stored().slice(0, 30).map((a) => a.id));
		expect(everything.sent.map((r) => r.query)).toEqual([{}, { page: '2', per_page: '25' }]);
	});

	it('refuses a folder ID that is not a number, sending nothing', async () => {
		const result = await node.run({ operation: 'search', folderId: 'billing', returnAll: true });
		expect(result.error?.message).toBe('Parameter "Folder ID": "billing" is not a valid folder ID');
		expect(result.sent).toEqual([]);
	});
});

describe('internal article pickers', () => {
	it('the locator lists internal articles page by page, filtered by title', async () => {
		const searchInternalArticles = nodeTypes.getByNameAndVersion('n8n-nodes-intercom.intercom').methods!.listSearch!.searchInternalArticles as (
			this: ILoadOptionsFunctions,
			filter?: string,
			paginationToken?: string,
		) => Promise<INodeListSearchResult>;
		const ctx = loadOptionsContext({
			credentials: credentialsFor(node.sb().baseUrl, node.sb().token),
			parameters: { resource: 'internalArticle', operation: 'get' },
			path: 'parameters.internalArticleId',
		});
		const first = await searchInternalArticles.call(ctx);
		expect(first.results.map((r) => r.value)).toEqual(stored().slice(0, 25).map((a) => a.id));
		const second = await searchInternalArticles.call(ctx, undefined, first.paginationToken);
		expect(second.results.map((r) => r.value)).toEqual(stored().slice(25).map((a) => a.id));
		expect(second.paginationToken).toBeUndefined();
		const needle = stored()[2].title.slice(-4);
		const filtered = await searchInternalArticles.call(ctx, needle);
		expect(filtered.results.every((r) => r.name.includes(needle))).toBe(true);
		expect(filtered.results.map((r) => r.value)).toContain(stored()[2].id);
		expect(node.sb().log.nonConformant()).toEqual([]);
	});
});
