import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode, type RunNodeResult } from '../helpers/n8n';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 10, conversations: 5, articles: 160 } });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

function runArticle(parameters: INodeParameters): Promise<RunNodeResult> {
	return runNode({ parameters: { resource: 'article', ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });
}

const sent = () => sb.log.requests().map((r) => `${r.method} ${r.path}`);
const anAdminId = () => Number(sb.workspace.admins.keys().next().value);

describe('articles against the sandbox', () => {
	it('creates, reads, updates and deletes an article', async () => {
		const author = anAdminId();
		const created = await runArticle({
			operation: 'create',
			title: 'Reset your password',
			authorId: String(author),
			additionalFields: {
				body: '<p>Open settings</p>',
				description: 'Steps',
				state: 'published',
				parentId: '7',
				parentType: 'collection',
				translatedContent: JSON.stringify({ fr: { title: 'Réinitialiser', body: '<p>Ouvrir</p>', author_id: author, state: 'draft' } }),
			},
		});
		expect(created.error).toBeUndefined();
		const article = created.items[0].json;
		expect(article).toMatchObject({ type: 'article', title: 'Reset your password', author_id: author, state: 'published', parent_id: 7, parent_type: 'collection' });
		expect((article.translated_content as IDataObject).fr).toMatchObject({ title: 'Réinitialiser', state: 'draft' });

		const id = String(article.id);
		const rl = { __rl: true, mode: 'id', value: id };
		const read = await runArticle({ operation: 'get', articleId: rl });
		expect(read.items.map((i) => i.json.title)).toEqual(['Reset your password']);

		const updated = await runArticle({ operation: 'update', articleId: rl, updateFields: { title: 'Reset a password', state: 'draft', parentId: '9', parentType: 'section' } });
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id, title: 'Reset a password', state: 'draft', parent_id: 9, parent_type: 'section' });

		const deleted = await runArticle({ operation: 'delete', articleId: rl });
		expect(deleted.items.map((i) => i.json)).toEqual([{ id, object: 'article', deleted: true }]);

		const gone = await runArticle({ operation: 'get', articleId: rl });
		expect(gone.error?.message).toBe('Article was not found in Intercom');
		expect(sent()).toEqual([
			'POST /articles',
			`GET /articles/${id}`,
			`PUT /articles/${id}`,
			`DELETE /articles/${id}`,
			`GET /articles/${id}`,
		]);
	});

	it('Get Many returns every article, page by page, and Limit stops early', async () => {
		const all = await runArticle({ operation: 'getMany', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(sb.workspace.articles.size);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(sb.workspace.articles.size);
		expect(sb.log.requests().map((r) => r.query)).toEqual([
			{ page: '1', per_page: '150' },
			{ page: '2', per_page: '150' },
		]);

		sb.log.clear();
		const some = await runArticle({ operation: 'getMany', returnAll: false, limit: 5 });
		expect(some.items.map((i) => i.json.id)).toEqual(all.items.slice(0, 5).map((i) => i.json.id));
		expect(sb.log.requests().map((r) => r.query)).toEqual([{ page: '1', per_page: '5' }]);
	});

	it('Search finds articles by phrase, with highlights', async () => {
		const author = anAdminId();
		for (const title of ['Billing FAQ zebra', 'Zebra setup guide']) {
			await runArticle({ operation: 'create', title, authorId: String(author), additionalFields: { state: 'published' } });
		}
		sb.log.clear();
		const found = await runArticle({ operation: 'search', phrase: 'zebra', returnAll: true, additionalFields: { state: 'published', highlight: true } });
		expect(found.error).toBeUndefined();
		expect(found.items.map((i) => i.json.title).sort()).toEqual(['Billing FAQ zebra', 'Zebra setup guide']);
		expect(found.items.every((i) => (i.json.highlight as IDataObject)?.highlighted_title !== undefined)).toBe(true);
		expect(sent()).toEqual(['GET /articles/search']);
	});
});
