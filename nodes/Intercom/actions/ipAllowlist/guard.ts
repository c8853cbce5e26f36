/**
 * What an IP allowlist update may lock out. Intercom refuses an update that would lock out the
 * address the request itself comes from, and nothing more: it cannot know n8n's other workers (a
 * queue-mode worker, a second instance, a changed egress address) or your other integrations. An
 * update can cut those off when it leaves the allowlist on with no address, turns it on (from then
 * on only the listed addresses reach the API), or removes addresses from an allowlist that is on.
 * Such an update is refused unless the user confirms it; turning the allowlist off, or adding
 * addresses, never locks anyone out.
 */
export interface AllowlistState {
	enabled: boolean;
	ip_allowlist: string[];
}

export function lockOutRisks(current: AllowlistState, next: AllowlistState): string[] {
	if (!next.enabled) return [];
	if (next.ip_allowlist.length === 0) return ['it leaves the allowlist on with no address, which locks out every caller, this n8n included'];
	const risks: string[] = [];
	if (!current.enabled) risks.push('it turns the allowlist on, so only the listed addresses reach the API from then on');
	const removed = current.enabled ? current.ip_allowlist.filter((entry) => !next.ip_allowlist.includes(entry)) : [];
	if (removed.length > 0) risks.push(`it removes ${removed.join(', ')}, so callers from ${removed.length === 1 ? 'that address' : 'those addresses'} lose API access`);
	return risks;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^(?=.*:.*:)[0-9A-Fa-f:]{2,39}$/;

/** An IPv4 or IPv6 address, optionally with a CIDR prefix length (`192.168.1.0/24`). */
export function isAllowlistEntry(entry: string): boolean {
	const [address, prefix, extra] = entry.split('/');
	if (extra !== undefined) return false;
	const v4 = IPV4.test(address);
	if (!v4 && !IPV6.test(address)) return false;
	if (prefix === undefined) return true;
	return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}
