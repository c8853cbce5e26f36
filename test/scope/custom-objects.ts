import type { ScopeGroup } from './index';

/**
 * Custom object instances: create or update, get and delete (by Intercom's ID or your external ID),
 * and linking instances to a contact or a conversation (the contact and conversation updates the
 * spec also tags Custom Object Instances).
 */
export const group: ScopeGroup = {
	name: 'Custom Object Instances',
	tags: ['Custom Object Instances'],
	count: 7,
};
