import type { ScopeGroup } from './index';

/** Fin Agent (start, reply, CSAT), the IP allowlist (get, update), job status and the phone switch. */
export const group: ScopeGroup = {
	name: 'Fin Agent, IP Allowlist, Jobs and Switch',
	tags: ['Fin Agent', 'IP Allowlist', 'Jobs', 'Switch'],
	count: 7,
};
