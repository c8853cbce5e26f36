/**
 * The workspace's IP allowlist. Intercom refuses an update that would lock out the address the
 * update comes from (422 "Your IP (…) is not on the allowlist. Saving would lock you out of this
 * workspace."); the sandbox knows the caller's address from the connection.
 */
import { isIP } from 'node:net';

import { ApiError, badRequest } from '../errors';

export class IpAllowlist {
	enabled = false;
	entries: string[] = [];

	clear(): void {
		this.enabled = false;
		this.entries = [];
	}
}

/** `::ffff:127.0.0.1` (an IPv4 caller on a dual-stack socket) is 127.0.0.1. */
export function callerAddress(remote: string | undefined): string {
	const address = remote ?? '';
	return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function ipv4ToBits(address: string): bigint {
	return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBits(address: string): bigint {
	const [head, tail] = address.split('::');
	const groups = (part: string | undefined) => (part ? part.split(':') : []);
	const h = groups(head);
	const t = tail === undefined ? [] : groups(tail);
	const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
	return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

/** Whether an allowlist entry (an address or a CIDR range) admits the address. */
export function admits(entry: string, address: string): boolean {
	const [base, prefixText] = entry.split('/');
	const family = isIP(base);
	if (family === 0 || family !== isIP(address)) return false;
	const width = family === 4 ? 32 : 128;
	const prefix = prefixText === undefined ? width : Number(prefixText);
	const toBits = family === 4 ? ipv4ToBits : ipv6ToBits;
	const shift = BigInt(width - prefix);
	return toBits(base) >> shift === toBits(address) >> shift;
}

export function updateAllowlist(list: IpAllowlist, input: { enabled?: unknown; ip_allowlist?: unknown }, caller: string): IpAllowlist {
	const enabled = input.enabled === undefined ? list.enabled : input.enabled === true;
	const entries = input.ip_allowlist === undefined ? list.entries : (input.ip_allowlist as string[]);
	for (const entry of entries) {
		const [base, prefix] = entry.split('/');
		const family = isIP(base);
		if (family === 0 || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)))) {
			throw badRequest(`${entry} is not a valid IP address or range`, 'parameter_invalid', 'ip_allowlist');
		}
	}
	if (enabled && !entries.some((entry) => admits(entry, caller))) {
		throw new ApiError(422, 'parameter_invalid', `Your IP (${caller}) is not on the allowlist. Saving would lock you out of this workspace.`);
	}
	list.enabled = enabled;
	list.entries = [...entries];
	return list;
}
