/**
 * Help Center collections through n8n against the sandbox: every request checked (the sandbox
 * validates each against the spec), every output compared with the sandbox's records, and bad
 * input refused naming the parameter with nothing sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { presentCollection } from '../../sandbox/api/help-center';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('collection');
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

function presented(id: unknown): IDataObject {
	const ws = node.sb().workspace;
	return JSON.parse(JSON.stringify(presentCollection(ws, ws.collections.get(String(id))!))) as IDataObject;
}

describe('collection get many', () => {
	it('reads every page with Return All, most recently updated first', async () => {
		const ws = node.sb().workspace;
		const { json, sent } = await node.run({ operation: 'getMany', returnAll: true });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /help_center/collections']);
		expect(sent[0].query).toEqual({ page: '1', per_page: '150' });
		const expected = [...ws.collections.values()].sort((a, b) => b.updated_at - a.updated_at || Number(b.id) - Number(a.id));
		expect(json).toEqual(expected.map((c) => presented(c.id)));
	});

	it('asks for pages of the limit and stops at it', async () => {
		const ws = node.sb().workspace;
		expect(ws.collections.size).toBeGreaterThan(5);
		const { json, sent } = await node.run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(sent.map((r) => r.query)).toEqual([{ page: '1', per_page: '3' }]);
		expect(json).toEqual((await node.run({ operation: 'getMany', returnAll: true })).json.slice(0, 3));
	});

	it('follows the page numbers past Intercom\'s largest page', async () => {
		const ws = node.sb().workspace;
		const template = [...ws.collections.values()].find((c) => c.parent_id === null)!;
		const added = Array.from({ length: 160 }, (_, i) => ({ ...template, id: String(90000001 + i), name: `Bulk ${i}`, translations: {} }));
		for (const c of added) ws.collections.set(c.id, c);
		try {
			const { json, sent } = await node.run({ operation: 'getMany', returnAll: true });
			expect(sent.map((r) => r.query)).toEqual([
				{ page: '1', per_page: '150' },
				{ page: '2', per_page: '150' },
			]);
			expect(json).toHaveLength(ws.collections.size);
			expect(new Set(json.map((c) => c.id)).size).toBe(ws.collections.size);
			const limited = await node.run({ operation: 'getMany', returnAll: false, limit: 155 });
			expect(limited.sent.map((r) => r.query)).toEqual([
				{ page: '1', per_page: '150' },
				{ page: '2', per_page: '150' },
			]);
			expect(limited.json).toEqual(json.slice(0, 155));
		} finally {
			for (const c of added) ws.collections.delete(c.id);
		}
	});
});

describe('collection create, get, update and delete', () => {
	it('creates a collection nested in another, in that collection\'s Help Center, with translations', async () => {
		const ws = node.sb().workspace;
		const parent = [...ws.collections.values()].find((c) => c.parent_id === null)!;
		const [created] = await node.ok({
			operation: 'create',
			name: ' Billing FAQ ',
			additionalFields: { description: 'Invoices and refunds', parentId: parent.id, translatedContent: '{"fr": {"name": "FAQ facturation"}}' },
		});
		const request = node.sb().log.requests().at(-1)!;
		expect(request.body).toEqual({
			name: 'Billing FAQ',
			description: 'Invoices and refunds',
			parent_id: parent.id,
			translated_content: { fr: { name: 'FAQ facturation' } },
		});
		expect(created).toEqual(presented(created.id));
		expect(created).toMatchObject({ name: 'Billing FAQ', parent_id: parent.id, help_center_id: parent.help_center_id });

		const [got] = await node.ok({ operation: 'get', collectionId: byId(String(created.id)) });
		expect(got).toEqual(created);
	});

	it('creates a top-level collection in a chosen Help Center', async () => {
		const ws = node.sb().workspace;
		const helpCenter = [...ws.helpCenters.keys()][1];
		const { json, sent } = await node.run({ operation: 'create', name: 'Developers', additionalFields: { helpCenterId: helpCenter } });
		expect(sent[0].body).toEqual({ name: 'Developers', help_center_id: Number(helpCenter) });
		expect(json).toEqual([presented(json[0].id)]);
		expect(json[0]).toMatchObject({ parent_id: null, help_center_id: Number(helpCenter) });
	});

	it('updates the name, moves a collection into another and back to the top level', async () => {
		const ws = node.sb().workspace;
		const [a, b] = [...ws.collections.values()].filter((c) => c.parent_id === null);
		const moved = await node.run({ operation: 'update', collectionId: byId(a.id), updateFields: { name: 'Renamed', parentId: b.id } });
		expect(moved.sent[0]).toMatchObject({ method: 'PUT', path: `/help_center/collections/${a.id}`, body: { name: 'Renamed', parent_id: b.id } });
		expect(moved.json).toEqual([presented(a.id)]);
		expect(moved.json[0]).toMatchObject({ name: 'Renamed', parent_id: b.id, help_center_id: b.help_center_id });

		const top = await node.run({ operation: 'update', collectionId: byId(a.id), updateFields: { moveToTopLevel: true } });
		expect(top.sent[0].body).toEqual({ parent_id: null });
		expect(top.json[0]).toMatchObject({ parent_id: null, name: 'Renamed' });
	});

	it('deletes a collection, and a second delete reports it is not found', async () => {
		const ws = node.sb().workspace;
		const [created] = await node.ok({ operation: 'create', name: 'Temporary', additionalFields: {} });
		const [deleted] = await node.ok({ operation: 'delete', collectionId: byId(String(created.id)) });
		expect(deleted).toEqual({ id: created.id, object: 'collection', deleted: true });
		expect(ws.collections.has(String(created.id))).toBe(false);
		const again = await node.run({ operation: 'delete', collectionId: byId(String(created.id)) });
		expect(again.error?.message).toMatch(/not found/i);
		expect(again.sent).toHaveLength(1);
	});
});

describe('collection input is checked before sending', () => {
	const parent = () => [...node.sb().workspace.collections.keys()][0];
	it.each([
		['a blank name', () => ({ operation: 'create', name: '  ' }), 'Parameter "Name": a value is required'],
		['a name that is an object', () => ({ operation: 'create', name: '={{ { "a": 1 } }}' }), 'Parameter "Name" [item 0]: an object is not text'],
		['a parent that is not an ID', () => ({ operation: 'create', name: 'x', additionalFields: { parentId: 'faq' } }), 'Parameter "Parent Collection Name or ID": "faq" is not a valid ID'],
		['a Help Center that is not a number', () => ({ operation: 'create', name: 'x', additionalFields: { helpCenterId: 'main' } }), 'Parameter "Help Center Name or ID": "main" is not a whole number'],
		['translations that are not JSON', () => ({ operation: 'create', name: 'x', additionalFields: { translatedContent: '{fr: ' } }), 'Parameter "Translated Content (JSON)": invalid JSON'],
		['translations keyed by something else than a locale', () => ({ operation: 'create', name: 'x', additionalFields: { translatedContent: '{"french": {"name": "x"}}' } }), 'Parameter "Translated Content (JSON)": "french" is not a locale Intercom Help Centers support'],
		['translations with an article field', () => ({ operation: 'create', name: 'x', additionalFields: { translatedContent: '{"fr": {"title": "x"}}' } }), 'Parameter "Translated Content (JSON)": "fr.title" is not a collection field'],
		['a missing collection ID', () => ({ operation: 'get', collectionId: byId('={{ "" }}') }), 'Parameter "Collection": a value is required'],
		['a collection ID with a slash', () => ({ operation: 'delete', collectionId: byId('={{ "12/3" }}') }), 'Parameter "Collection": "12/3" is not a valid ID'],
		['an update without fields', () => ({ operation: 'update', collectionId: byId(parent()), updateFields: {} }), 'Parameter "Update Fields": add at least one field to change'],
		['a move to the top level and into a parent at once', () => ({ operation: 'update', collectionId: byId(parent()), updateFields: { parentId: parent(), moveToTopLevel: true } }), 'Parameter "Move to Top Level": "Parent Collection Name or ID" is set too'],
	])('refuses %s', async (_case, parameters, message) => {
		const { error, sent } = await node.run(parameters());
		expect(error?.message).toBe(message);
		expect(sent).toEqual([]);
	});
});
