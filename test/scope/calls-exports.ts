import type { ScopeGroup } from './index';

/**
 * Calls (list, get, by conversation with transcripts, recording and transcript as files) and the two
 * exports (content data and reporting data: start, status, cancel or datasets, download as a file).
 */
export const group: ScopeGroup = {
	name: 'Calls, Data Export and Reporting Data Export',
	tags: ['Calls', 'Data Export', 'Reporting Data Export'],
	count: 13,
};
