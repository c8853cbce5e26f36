import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/n8n';
import { credentials, expected, fakeIntercom, notFound, resetFake } from '../conversation/fake-intercom';

function run(parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) {
	return runNode({ parameters: { resource: 'tag', ...parameters } as never, credentials, items, continueOnFail });
}

const TAGS = { type: 'list', data: [1, 2, 3].map((n) => ({ type: 'tag', id: String(100 + n), name: `Tag ${n}` })) };

afterEach(resetFake);

describe('tag getMany', () => {
	it('returns every tag of the one response with Return All', async () => {
		const api = fakeIntercom({ 'GET /tags': [200, TAGS] });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('GET', '/tags')]);
		expect(result.items).toEqual(TAGS.data.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('cuts the list at the Limit without paging parameters', async () => {
		const api = fakeIntercom({ 'GET /tags': [200, TAGS] });
		const result = await run({ operation: 'getMany', returnAll: false, limit: 2 });
		expect(api.sent).toEqual([expected('GET', '/tags')]);
		expect(result.items.map((i) => i.json.id)).toEqual(['101', '102']);
	});
});

describe('tag create', () => {
	it('posts the name and returns the tag', async () => {
		const tag = { type: 'tag', id: '105', name: 'VIP' };
		const api = fakeIntercom({ 'POST /tags': [200, tag] });
		const result = await run({ operation: 'create', name: ' VIP ' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('POST', '/tags', { body: { name: 'VIP' } })]);
		expect(result.items).toEqual([{ json: tag, pairedItem: { item: 0 } }]);
	});

	it('refuses a blank name before sending anything', async () => {
		const api = fakeIntercom();
		const result = await run({ operation: 'create', name: '={{ "  " }}' });
		expect(result.error?.message).toBe('Parameter "Name": a value is required');
		expect(api.sent).toEqual([]);
	});
});

describe('tag get', () => {
	it('gets one tag by ID', async () => {
		const tag = { type: 'tag', id: '113', name: 'Manual tag' };
		const api = fakeIntercom({ 'GET /tags/113': [200, tag] });
		const result = await run({ operation: 'get', tagId: '113' });
		expect(api.sent).toEqual([expected('GET', '/tags/113')]);
		expect(result.items).toEqual([{ json: tag, pairedItem: { item: 0 } }]);
	});

	it('turns a 404 into "Tag was not found"', async () => {
		fakeIntercom({ 'GET /tags/999': notFound });
		const result = await run({ operation: 'get', tagId: '999' });
		expect(result.error?.message).toBe('Tag was not found in Intercom');
	});

	it('refuses a non-numeric ID before sending anything', async () => {
		const api = fakeIntercom();
		const result = await run({ operation: 'get', tagId: '={{ "VIP" }}' });
		expect(result.error?.message).toBe('Parameter "Tag Name or ID": "VIP" is not a valid ID');
		expect(api.sent).toEqual([]);
	});
});

describe('tag delete', () => {
	it('deletes and, as Intercom answers with no body, says what was deleted', async () => {
		const api = fakeIntercom({ 'DELETE /tags/113': [200, ''] });
		const result = await run({ operation: 'delete', tagId: '113' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('DELETE', '/tags/113')]);
		expect(result.items).toEqual([{ json: { id: '113', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('reports a tag that others depend on, and keeps going per item with Continue On Fail', async () => {
		const api = fakeIntercom({
			'DELETE /tags/1': [200, ''],
			'DELETE /tags/2': [
				400,
				{ type: 'error.list', errors: [{ code: 'tag_has_dependent_objects', message: 'Unable to delete Tag with dependent objects' }] },
			],
		});
		const result = await run({ operation: 'delete', tagId: '={{ $json.id }}' }, [{ id: '1' }, { id: '2' }], true);
		expect(api.sent.map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /tags/1', 'DELETE /tags/2']);
		expect(result.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ id: '1', deleted: true }, { item: 0 }],
			[expect.objectContaining({ error: 'Unable to delete Tag with dependent objects' }), { item: 1 }],
		]);
	});
});
