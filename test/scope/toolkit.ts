import type { ScopeGroup } from './index';

/**
 * The support toolkit around contacts and conversations: every operation the spec tags with one of
 * these (the contact ones, such as a contact's notes or segments, are counted here too).
 */
export const group: ScopeGroup = {
	name: 'Notes, Data Events, Messages, Data Attributes, Segments, Teams, Subscription Types, Away Status Reasons and Visitors',
	tags: ['Notes', 'Data Events', 'Messages', 'Data Attributes', 'Segments', 'Teams', 'Subscription Types', 'Away Status Reasons', 'Visitors'],
	count: 23,
};
