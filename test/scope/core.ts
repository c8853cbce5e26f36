import type { ScopeGroup } from './index';

/** The first four objects: every operation the spec tags with one of them. */
export const group: ScopeGroup = {
	name: 'Contacts, Admins, Articles and Conversations',
	tags: ['Contacts', 'Admins', 'Articles', 'Conversations'],
	count: 49,
};
