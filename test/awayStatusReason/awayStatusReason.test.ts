/** Away status reasons through n8n against the sandbox. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('awayStatusReason');

describe('away status reason getMany', () => {
	it('lists the reasons in their order', async () => {
		const ws = node.sb().workspace;
		const all = await node.ok({ operation: 'getMany', returnAll: true });
		const expected = [...ws.awayStatusReasons.values()].sort((a, b) => a.order - b.order);
		expect(all.map((r) => [r.id, r.label, r.emoji])).toEqual(expected.map((r) => [r.id, r.label, r.emoji]));
	});
});
