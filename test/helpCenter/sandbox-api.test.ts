/**
 * The sandbox's Help Center collections answer with the spec's shapes and keep their relations
 * consistent: a nested collection is in its parent's Help Center, a move carries the subtree, and
 * a delete takes the nested collections with it and leaves their articles without a parent.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { answeredInShape, call, shapeProblems } from '../sandbox/helpers';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 5, conversations: 0, articles: 4, companies: 0, tickets: 0 } });
});
afterAll(async () => {
	await sb.close();
});

const ok = (key: string, path: string, body?: unknown) => answeredInShape(sb, key, path, body);

describe('Help Center collections in the sandbox', () => {
	it('lists the seeded collections by page, most recently updated first, each in an existing Help Center', async () => {
		const ws = sb.workspace;
		const first = await ok('GET /help_center/collections', '/help_center/collections?per_page=3&page=1');
		expect(first.pages).toEqual({ type: 'pages', page: 1, per_page: 3, total_pages: Math.ceil(ws.collections.size / 3) });
		expect(first.total_count).toBe(ws.collections.size);
		const all = await ok('GET /help_center/collections', '/help_center/collections?per_page=150');
		const updated = all.data.map((c: { updated_at: number }) => c.updated_at);
		expect(updated).toEqual([...updated].sort((a: number, b: number) => b - a));
		for (const c of all.data) {
			expect(ws.helpCenters.has(String(c.help_center_id))).toBe(true);
			if (c.parent_id !== null) expect(all.data.find((p: { id: string }) => p.id === c.parent_id)?.help_center_id).toBe(c.help_center_id);
		}
		expect(all.data.some((c: { parent_id: string | null }) => c.parent_id !== null)).toBe(true);
	});

	it('creates, nests, moves and deletes collections consistently', async () => {
		const ws = sb.workspace;
		const [, second] = [...ws.helpCenters.keys()];
		const top = await ok('POST /help_center/collections', '/help_center/collections', { name: 'Top', help_center_id: Number(second) });
		expect(top).toMatchObject({ name: 'Top', parent_id: null, help_center_id: Number(second), description: '' });
		const other = await ok('POST /help_center/collections', '/help_center/collections', {
			name: 'Other',
			description: 'Elsewhere',
			translated_content: { fr: { name: 'Autre' } },
		});
		expect(other.help_center_id).toBe(Number([...ws.helpCenters.keys()][0]));
		expect(other.translated_content).toMatchObject({ en: { name: 'Other', description: 'Elsewhere' }, fr: { name: 'Autre' } });
		const child = await ok('POST /help_center/collections', '/help_center/collections', { name: 'Child', parent_id: top.id });
		expect(child).toMatchObject({ parent_id: top.id, help_center_id: Number(second) });

		// Moving the top collection under another moves its child to that Help Center too.
		const moved = await ok('PUT /help_center/collections/{collection_id}', `/help_center/collections/${top.id}`, { parent_id: other.id });
		expect(moved).toMatchObject({ parent_id: other.id, help_center_id: other.help_center_id });
		expect(ws.collections.get(child.id)?.help_center_id).toBe(other.help_center_id);
		const cycle = await call(sb, 'PUT', `/help_center/collections/${other.id}`, { parent_id: child.id });
		expect(cycle.status).toBe(400);
		const toTop = await ok('PUT /help_center/collections/{collection_id}', `/help_center/collections/${top.id}`, { parent_id: null, name: 'Top again' });
		expect(toTop).toMatchObject({ parent_id: null, name: 'Top again' });

		const article = [...ws.articles.values()][0];
		article.parent_id = Number(child.id);
		article.parent_type = 'collection';
		const deleted = await ok('DELETE /help_center/collections/{collection_id}', `/help_center/collections/${top.id}`);
		expect(deleted).toEqual({ id: top.id, object: 'collection', deleted: true });
		expect(ws.collections.has(child.id)).toBe(false);
		expect(article.parent_id).toBeNull();
		const gone = await call(sb, 'GET', `/help_center/collections/${child.id}`);
		expect(gone.status).toBe(404);
		expect(shapeProblems('GET /help_center/collections/{collection_id}', 404, gone.json)).toEqual([]);
		await ok('GET /help_center/collections/{collection_id}', `/help_center/collections/${other.id}`);
	});

	it('refuses a collection without a name or with an unknown parent or Help Center', async () => {
		for (const body of [{ description: 'x' }, { name: 'x', parent_id: '999' }, { name: 'x', help_center_id: 999 }]) {
			const res = await call(sb, 'POST', '/help_center/collections', body);
			expect({ body, status: res.status }).toEqual({ body, status: 400 });
		}
	});

	it('answered every request conformant but the one without a name, which the spec itself refuses', () => {
		expect(sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([
			'POST /help_center/collections: body.name: is required',
		]);
	});
});
