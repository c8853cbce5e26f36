import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'ticketType',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many ticket types',
	description: 'List the ticket types of the workspace with their attributes and states',
	method: 'GET',
	path: '/ticket_types',
	fields: [],
	// Intercom returns every ticket type in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
