import type { ScopeGroup } from './index';

/**
 * Companies: every operation the spec tags Companies. Create or update, get, find (by company_id,
 * name, segment or tag), update, delete, their contacts and segments, Get Many (ordered pages) and
 * Return All through the scroll API, plus the contact attach/detach/list the contacts group shares.
 */
export const group: ScopeGroup = {
	name: 'Companies',
	tags: ['Companies'],
	count: 12,
};
