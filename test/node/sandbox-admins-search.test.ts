/**
 * The Admin resource and both searches end to end against the sandbox: real responses, and every
 * request the node sent conformant to the 2.14 description.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';

let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 200, conversations: 60, articles: 0, admins: 4 } });
});
afterAll(async () => await sb?.close());

async function ok(parameters: INodeParameters) {
	const result = await runNode({ parameters, credentials: credentialsFor(sb.baseUrl, sb.token) });
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
}

describe('admins against the sandbox', () => {
	it('gets the current admin, one admin, and all admins', async () => {
		const [me] = await ok({ resource: 'admin', operation: 'getCurrent' });
		expect(me).toMatchObject({ type: 'admin', id: sb.workspace.meAdmin().id, app: { type: 'app' } });
		const all = await ok({ resource: 'admin', operation: 'getMany', returnAll: true });
		expect(all.map((a) => a.id).sort()).toEqual([...sb.workspace.admins.keys()].sort());
		expect(await ok({ resource: 'admin', operation: 'getMany', returnAll: false, limit: 2 })).toHaveLength(2);
		const [one] = await ok({ resource: 'admin', operation: 'get', adminId: { mode: 'id', value: String(all[1].id) } });
		expect(one).toEqual(all[1]);
	});

	it('sets an admin away and back, and the store follows', async () => {
		const id = [...sb.workspace.admins.keys()][1];
		const [away] = await ok({ resource: 'admin', operation: 'setAway', adminId: { mode: 'id', value: id }, awayModeEnabled: true, awayModeReassign: true });
		expect(away).toMatchObject({ id, away_mode_enabled: true, away_mode_reassign: true });
		expect(sb.workspace.admins.get(id)?.away_mode_enabled).toBe(true);
		await ok({ resource: 'admin', operation: 'setAway', adminId: { mode: 'id', value: id }, awayModeEnabled: false, awayModeReassign: false });
		expect(sb.workspace.admins.get(id)?.away_mode_enabled).toBe(false);
	});

	it('lists activity logs in a date range', async () => {
		const logs = await ok({ resource: 'admin', operation: 'listActivityLogs', createdAfter: '2000-01-01T00:00:00Z', returnAll: true });
		expect(logs.length).toBe(sb.workspace.activityLogs.size);
		for (const log of logs) expect(log).toHaveProperty('activity_type');
	});
});

describe('search against the sandbox', () => {
	it('finds every lead with the builder', async () => {
		const leads = [...sb.workspace.contacts.all()].filter((c) => c.role === 'lead');
		const found = await ok({
			resource: 'contact',
			operation: 'search',
			queryMode: 'builder',
			conditions: { condition: [{ field: 'role', operator: 'eq', value: 'lead' }] },
			returnAll: true,
		});
		expect(found.map((c) => c.id).sort()).toEqual(leads.map((c) => c.id).sort());
	});

	it('finds open conversations with a JSON query and a sort', async () => {
		const open = [...sb.workspace.conversations.all()].filter((c) => c.state === 'open');
		const found = await ok({
			resource: 'conversation',
			operation: 'search',
			queryMode: 'json',
			queryJson: JSON.stringify({ operator: 'AND', value: [{ field: 'state', operator: '=', value: 'open' }, { field: 'created_at', operator: '>', value: 0 }] }),
			options: { sortField: 'created_at', sortOrder: 'ascending' },
			returnAll: true,
		});
		expect(found.map((c) => c.id).sort()).toEqual(open.map((c) => c.id).sort());
		const created = found.map((c) => Number(c.created_at));
		expect(created).toEqual([...created].sort((a, b) => a - b));
	});

	it('sent only conformant requests', () => {
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
