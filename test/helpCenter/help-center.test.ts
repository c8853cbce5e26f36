/** Help Centers through n8n against the sandbox: list them all, or get one chosen from the list. */
import { presentHelpCenter } from '../../sandbox/api/articles';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('helpCenter');

const presented = (id: string) => {
	const ws = node.sb().workspace;
	return JSON.parse(JSON.stringify(presentHelpCenter(ws, ws.helpCenters.get(id)!)));
};

describe('help center operations', () => {
	it('lists every Help Center in one request, and Limit keeps the first ones', async () => {
		const ids = [...node.sb().workspace.helpCenters.keys()];
		const all = await node.run({ operation: 'getMany', returnAll: true });
		expect(all.sent.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/help_center/help_centers', {}]]);
		expect(all.json).toEqual(ids.map(presented));
		const one = await node.run({ operation: 'getMany', returnAll: false, limit: 1 });
		expect(one.sent.map((r) => r.query)).toEqual([{}]);
		expect(one.json).toEqual([presented(ids[0])]);
	});

	it('gets one Help Center, and says when it does not exist', async () => {
		const id = [...node.sb().workspace.helpCenters.keys()][1];
		const { json, sent } = await node.run({ operation: 'get', helpCenterId: id });
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /help_center/help_centers/${id}`]);
		expect(json).toEqual([presented(id)]);
		const missing = await node.run({ operation: 'get', helpCenterId: '999999' });
		expect(missing.error?.message).toMatch(/not found/i);
	});

	it.each([
		['no Help Center', '={{ "" }}', 'Parameter "Help Center Name or ID": a value is required'],
		['a Help Center that is not an ID', 'main', 'Parameter "Help Center Name or ID": "main" is not a valid ID'],
		['a Help Center that is an object', '={{ { "id": 1 } }}', 'Parameter "Help Center Name or ID" [item 0]: an object is not text'],
	])('refuses %s before sending', async (_case, helpCenterId, message) => {
		const { error, sent } = await node.run({ operation: 'get', helpCenterId });
		expect(error?.message).toBe(message);
		expect(sent).toEqual([]);
	});
});
