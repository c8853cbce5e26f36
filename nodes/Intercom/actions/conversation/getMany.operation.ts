import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'conversation',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many conversations',
	description: 'List the conversations of the workspace without filtering (use Search to filter them)',
	method: 'GET',
	path: '/conversations',
	fields: [],
	list: { pagination: 'cursor', itemsPath: 'conversations' },
};
