import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'ipAllowlist',
	value: 'get',
	name: 'Get',
	action: 'Get the IP allowlist',
	description: 'Get whether the workspace limits API access to an IP allowlist, and the addresses and ranges (CIDR) on it',
	method: 'GET',
	path: '/ip_allowlist',
	fields: [],
};
