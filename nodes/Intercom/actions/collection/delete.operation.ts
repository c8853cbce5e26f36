import { collectionLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const deleteCollection: OperationDefinition = {
	resource: 'collection',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a collection',
	description: 'Delete a Help Center collection permanently',
	method: 'DELETE',
	path: '/help_center/collections/{collection_id}',
	pathLabels: { collection_id: 'Collection' },
	subject: 'Collection',
	fields: [collectionLocator()],
};
