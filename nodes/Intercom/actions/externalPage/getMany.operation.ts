import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'externalPage',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many external pages',
	description: 'List the external pages of the Fin Content Library, newest first, with their source and External ID',
	method: 'GET',
	path: '/ai/external_pages',
	fields: [],
	// The spec declares no paging parameters: pages are followed as each answer's `pages.next` links them.
	list: { pagination: 'linked', itemsPath: 'data' },
};
