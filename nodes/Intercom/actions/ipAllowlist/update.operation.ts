import type { IDataObject } from 'n8n-workflow';

import { failParameter, toList } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { isAllowlistEntry, lockOutRisks, type AllowlistState } from './guard';

const CONFIRM = 'Confirm Lock-Out Risk';

/**
 * Update reads the allowlist first: Add and Remove change the list Intercom has (its PUT replaces
 * the whole list), and the lock-out guard (guard.ts) compares what is there with what will be.
 */
export const update: OperationDefinition = {
	resource: 'ipAllowlist',
	value: 'update',
	name: 'Update',
	action: 'Update the IP allowlist',
	description:
		'Turn the IP allowlist on or off, and add, remove or replace its addresses and ranges; an update that could lock callers out (turning it on, removing addresses, an empty list) needs Confirm Lock-Out Risk',
	method: 'PUT',
	path: '/ip_allowlist',
	alsoCalls: ['GET /ip_allowlist'],
	reads: ['/ip_allowlist'],
	fields: [
		{
			property: {
				displayName: 'Allowlist',
				name: 'allowlist',
				type: 'options',
				default: 'keep',
				options: [
					{ name: 'Keep As It Is', value: 'keep', description: 'Leave the allowlist on or off as it is' },
					{ name: 'Turn On', value: 'on', description: 'Only the listed addresses may call the API' },
					{ name: 'Turn Off', value: 'off', description: 'Any address may call the API' },
				],
			},
		},
		{
			property: {
				displayName: 'Addresses',
				name: 'change',
				type: 'options',
				default: 'add',
				options: [
					{ name: 'Add', value: 'add', description: 'Add these to the addresses on the list' },
					{ name: 'Remove', value: 'remove', description: 'Take these off the list' },
					{ name: 'Replace the List', value: 'replace', description: 'The list becomes exactly these' },
					{ name: 'Leave Unchanged', value: 'none' },
				],
			},
		},
		{
			convert: 'list',
			property: {
				displayName: 'IP Addresses',
				name: 'addresses',
				type: 'string',
				default: '',
				placeholder: '192.168.1.0/24, 10.0.0.1',
				description: 'IPv4 or IPv6 addresses or CIDR ranges, separated by commas',
				displayOptions: { show: { change: ['add', 'remove', 'replace'] } },
			},
		},
		{
			property: {
				displayName: CONFIRM,
				name: 'confirmLockOut',
				type: 'boolean',
				default: false,
				description:
					"Whether to send an update that can cut off callers: Intercom only refuses one that locks out the address this request comes from, not n8n's other workers or your other integrations",
			},
		},
	],
	build: async (ctx, request) => {
		const node = ctx.fn.getNode();
		const turn = ctx.param<string>('allowlist', 'keep');
		const change = ctx.param<string>('change', 'add');
		const addresses = change === 'none' ? [] : [...new Set(toList(ctx.param<unknown>('addresses', '')))];
		for (const address of addresses) {
			if (!isAllowlistEntry(address)) {
				failParameter(node, 'IP Addresses', ctx.itemIndex, `"${address.slice(0, 60)}" is not an IP address or CIDR range`, 'Such as 10.0.0.1, 192.168.1.0/24 or 2001:db8::/32.');
			}
		}
		if (change !== 'none' && change !== 'replace' && addresses.length === 0) failParameter(node, 'IP Addresses', ctx.itemIndex, 'a value is required');

		const answer = await ctx.client.request<IDataObject>({ method: 'GET', path: '/ip_allowlist', itemIndex: ctx.itemIndex });
		const current: AllowlistState = { enabled: answer.enabled === true, ip_allowlist: ((answer.ip_allowlist ?? []) as unknown[]).map(String) };
		const list =
			change === 'replace'
				? addresses
				: change === 'add'
					? [...current.ip_allowlist, ...addresses.filter((a) => !current.ip_allowlist.includes(a))]
					: change === 'remove'
						? current.ip_allowlist.filter((a) => !addresses.includes(a))
						: current.ip_allowlist;
		const next: AllowlistState = { enabled: turn === 'keep' ? current.enabled : turn === 'on', ip_allowlist: [...new Set(list)] };

		const risks = lockOutRisks(current, next);
		if (risks.length > 0 && ctx.param<boolean>('confirmLockOut', false) !== true) {
			failParameter(
				node,
				CONFIRM,
				ctx.itemIndex,
				`this update could lock callers out: ${risks.join('; ')}`,
				`Make sure every address n8n (each of its workers) and your other integrations call Intercom from stays on the list, then set "${CONFIRM}".`,
			);
		}
		request.body.enabled = next.enabled;
		request.body.ip_allowlist = next.ip_allowlist;
	},
};
