/** Subscription types through n8n against the sandbox. */
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('subscriptionType');

describe('subscription type getMany', () => {
	it('lists every subscription type, archived ones too, up to the Limit', async () => {
		const ws = node.sb().workspace;
		const all = await node.ok({ operation: 'getMany', returnAll: true });
		expect(all.map((s) => [s.id, s.consent_type, s.state])).toEqual([...ws.subscriptionTypes.values()].map((s) => [s.id, s.consent_type, s.state]));
		expect(await node.ok({ operation: 'getMany', returnAll: false, limit: 1 })).toHaveLength(1);
	});
});
