import { tagField } from '../fields';
import type { OperationDefinition } from '../types';

export const deleteTag: OperationDefinition = {
	resource: 'tag',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a tag',
	description: 'Delete a tag from the workspace (Intercom refuses while other objects depend on it); returns its ID and deleted: true',
	method: 'DELETE',
	path: '/tags/{tag_id}',
	pathLabels: { tag_id: 'Tag' },
	subject: 'Tag',
	fields: [tagField('path')],
	// Intercom answers with an empty body; the item says what was done (and, from the transport, when an
	// earlier attempt whose answer was lost had done it).
	output: (response, ctx) => [{ ...(response && typeof response === 'object' ? response : {}), id: ctx.param<string>('tagId'), deleted: true }],
};
