import { collectionLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'collection',
	value: 'get',
	name: 'Get',
	action: 'Get a collection',
	description: 'Get one Help Center collection by ID, with its name, description, URL, parent collection and Help Center',
	method: 'GET',
	path: '/help_center/collections/{collection_id}',
	pathLabels: { collection_id: 'Collection' },
	subject: 'Collection',
	fields: [collectionLocator()],
};
