import type { ScopeGroup } from './index';

/** Tags themselves (list, get, create or rename, delete); tagging a contact, conversation or ticket is counted with that object. */
export const group: ScopeGroup = {
	name: 'Tags',
	operations: ['GET /tags', 'GET /tags/{tag_id}', 'POST /tags', 'DELETE /tags/{tag_id}'],
	count: 4,
};
