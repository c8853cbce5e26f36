/**
 * The IP allowlist through n8n against the sandbox. Update reads the allowlist, changes it (add,
 * remove, replace; on, off) and sends the whole of it; an update that could lock callers out needs
 * the confirmation, and the sandbox, like Intercom, refuses one that locks out the caller itself.
 */
import { admits } from '../../sandbox/store/ip-allowlist';
import { isAllowlistEntry, lockOutRisks } from '../../nodes/Intercom/actions/ipAllowlist/guard';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('ipAllowlist', { contacts: 1, conversations: 0, articles: 0, companies: 0 });

const CONFIRM = 'Parameter "Confirm Lock-Out Risk": this update could lock callers out: ';

function state() {
	const list = node.sb().workspace.ipAllowlist;
	return { enabled: list.enabled, ip_allowlist: [...list.entries] };
}

describe('IP allowlist', () => {
	it('gets the allowlist, and adds addresses while it is off without asking', async () => {
		expect(await node.ok({ operation: 'get' })).toEqual([{ type: 'ip_allowlist', enabled: false, ip_allowlist: [] }]);
		const added = await node.run({ operation: 'update', change: 'add', addresses: '10.0.0.1, 192.168.1.0/24' });
		expect(added.sent.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/ip_allowlist', undefined],
			['PUT', '/ip_allowlist', { enabled: false, ip_allowlist: ['10.0.0.1', '192.168.1.0/24'] }],
		]);
		expect(added.json).toEqual([{ type: 'ip_allowlist', enabled: false, ip_allowlist: ['10.0.0.1', '192.168.1.0/24'] }]);
	});

	it('turns it on only when confirmed, and Intercom still refuses to lock out the caller', async () => {
		const unconfirmed = await node.run({ operation: 'update', allowlist: 'on', change: 'none' });
		expect(unconfirmed.error?.message).toBe(`${CONFIRM}it turns the allowlist on, so only the listed addresses reach the API from then on`);
		expect(unconfirmed.sent.map((r) => r.method)).toEqual(['GET']);

		// n8n calls from 127.0.0.1, which is not on the list: Intercom's own lock-out protection answers.
		const lockedOut = await node.run({ operation: 'update', allowlist: 'on', change: 'none', confirmLockOut: true });
		expect(lockedOut.sent.map((r) => [r.method, r.status])).toEqual([['GET', 200], ['PUT', 422]]);
		expect(lockedOut.error?.message).toBe('Your IP (127.0.0.1) is not on the allowlist. Saving would lock you out of this workspace.');
		expect(state().enabled).toBe(false);

		const on = await node.run({ operation: 'update', allowlist: 'on', change: 'add', addresses: '127.0.0.0/8', confirmLockOut: true });
		expect(on.sent[1].body).toEqual({ enabled: true, ip_allowlist: ['10.0.0.1', '192.168.1.0/24', '127.0.0.0/8'] });
		expect(state()).toEqual({ enabled: true, ip_allowlist: ['10.0.0.1', '192.168.1.0/24', '127.0.0.0/8'] });
	});

	it('while it is on: adding needs nothing, removing or emptying needs the confirmation', async () => {
		await node.ok({ operation: 'update', change: 'add', addresses: '2001:db8::/32' });
		expect(state().ip_allowlist).toEqual(['10.0.0.1', '192.168.1.0/24', '127.0.0.0/8', '2001:db8::/32']);

		const removing = await node.run({ operation: 'update', change: 'remove', addresses: '10.0.0.1, 192.168.1.0/24' });
		expect(removing.error?.message).toBe(`${CONFIRM}it removes 10.0.0.1, 192.168.1.0/24, so callers from those addresses lose API access`);
		expect(removing.sent.map((r) => r.method)).toEqual(['GET']);

		const replacing = await node.run({ operation: 'update', change: 'replace', addresses: '127.0.0.1' });
		expect(replacing.error?.message).toBe(`${CONFIRM}it removes 10.0.0.1, 192.168.1.0/24, 127.0.0.0/8, 2001:db8::/32, so callers from those addresses lose API access`);

		const emptying = await node.run({ operation: 'update', change: 'replace', addresses: '', confirmLockOut: false });
		expect(emptying.error?.message).toBe(`${CONFIRM}it leaves the allowlist on with no address, which locks out every caller, this n8n included`);
		expect(state().ip_allowlist).toHaveLength(4);

		const removed = await node.run({ operation: 'update', change: 'remove', addresses: '10.0.0.1', confirmLockOut: true });
		expect(removed.sent[1].body).toEqual({ enabled: true, ip_allowlist: ['192.168.1.0/24', '127.0.0.0/8', '2001:db8::/32'] });
	});

	it('turns it off without asking, keeping the list', async () => {
		const off = await node.run({ operation: 'update', allowlist: 'off', change: 'none' });
		expect(off.sent[1].body).toEqual({ enabled: false, ip_allowlist: ['192.168.1.0/24', '127.0.0.0/8', '2001:db8::/32'] });
		expect(off.json[0]).toEqual({ type: 'ip_allowlist', enabled: false, ip_allowlist: ['192.168.1.0/24', '127.0.0.0/8', '2001:db8::/32'] });
	});

	it('refuses what is not an address or a range before reading anything', async () => {
		for (const [addresses, shown] of [['10.0.0.256', '10.0.0.256'], ['10.0.0.0/33', '10.0.0.0/33'], ['example.com', 'example.com'], ['1.2.3.4/8/1', '1.2.3.4/8/1']]) {
			const result = await node.run({ operation: 'update', change: 'add', addresses });
			expect(result.error?.message).toBe(`Parameter "IP Addresses": "${shown}" is not an IP address or CIDR range`);
			expect(result.sent).toEqual([]);
		}
		const blank = await node.run({ operation: 'update', change: 'add', addresses: ' , ' });
		expect(blank.error?.message).toBe('Parameter "IP Addresses": a value is required');
		expect(blank.sent).toEqual([]);
	});
});

describe('the lock-out guard and address matching', () => {
	it('names each risk, and none for turning off or adding', () => {
		const on = { enabled: true, ip_allowlist: ['1.1.1.1', '2.2.2.2'] };
		expect(lockOutRisks(on, { enabled: false, ip_allowlist: [] })).toEqual([]);
		expect(lockOutRisks(on, { enabled: true, ip_allowlist: ['1.1.1.1', '2.2.2.2', '3.3.3.3'] })).toEqual([]);
		expect(lockOutRisks(on, { enabled: true, ip_allowlist: ['2.2.2.2'] })).toEqual(['it removes 1.1.1.1, so callers from that address lose API access']);
		expect(lockOutRisks({ enabled: false, ip_allowlist: ['1.1.1.1'] }, { enabled: true, ip_allowlist: ['2.2.2.2'] })).toEqual([
			'it turns the allowlist on, so only the listed addresses reach the API from then on',
		]);
		expect(isAllowlistEntry('::1')).toBe(true);
		expect(isAllowlistEntry('fe80::1/129')).toBe(false);
	});

	it('the sandbox matches addresses against ranges of both families', () => {
		expect(admits('192.168.1.0/24', '192.168.1.77')).toBe(true);
		expect(admits('192.168.1.0/24', '192.168.2.1')).toBe(false);
		expect(admits('10.0.0.1', '10.0.0.1')).toBe(true);
		expect(admits('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
		expect(admits('2001:db8::/32', '2001:db9::1')).toBe(false);
		expect(admits('127.0.0.0/8', '::1')).toBe(false);
		expect(admits('0.0.0.0/0', '8.8.8.8')).toBe(true);
	});
});
