import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'call',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many calls',
	description: 'List the phone and Messenger calls of the workspace, with their state, times, direction and recording and transcript links',
	method: 'GET',
	path: '/calls',
	fields: [],
	// Intercom serves calls 25 to a page at most.
	list: { pagination: 'page', itemsPath: 'data', maxPerPage: 25 },
};
