import type { ScopeGroup } from './index';

/** Tickets and what they are made of: every operation the spec tags with one of these. */
export const group: ScopeGroup = {
	name: 'Tickets, Ticket Types, Ticket Type Attributes and Ticket States',
	tags: ['Tickets', 'Ticket Types', 'Ticket Type Attributes', 'Ticket States'],
	count: 16,
};
