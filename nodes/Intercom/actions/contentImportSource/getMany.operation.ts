import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'contentImportSource',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many content import sources',
	description: "List the content import sources of the workspace's Fin Content Library: each one's URL, sync behavior, status and last sync",
	method: 'GET',
	path: '/ai/content_import_sources',
	fields: [],
	// The spec declares no paging parameters: pages are followed as each answer's `pages.next` links them.
	list: { pagination: 'linked', itemsPath: 'data' },
};
