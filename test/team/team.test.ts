/** Teams through n8n against the sandbox: list and get one. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('team');

describe('team operations', () => {
	it('lists the teams with their admins, and gets one', async () => {
		const ws = node.sb().workspace;
		const all = await node.ok({ operation: 'getMany', returnAll: true });
		expect(all.map((t) => [t.id, t.name, t.admin_ids])).toEqual([...ws.teams.values()].map((t) => [t.id, t.name, t.admin_ids]));
		const id = [...ws.teams.keys()][1];
		const { json, sent } = await node.run({ operation: 'get', teamId: id });
		expect(sent.map((r) => r.path)).toEqual([`/teams/${id}`]);
		expect(json).toEqual([expect.objectContaining({ type: 'team', id, name: ws.teams.get(id)!.name })]);
	});

	it('names a missing team', async () => {
		const missing = await node.run({ operation: 'get', teamId: '1' });
		expect(missing.error?.message).toBe('Team was not found in Intercom');
	});
});
