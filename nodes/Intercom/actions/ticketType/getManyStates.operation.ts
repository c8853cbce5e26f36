import type { OperationDefinition } from '../types';

export const getManyStates: OperationDefinition = {
	resource: 'ticketType',
	value: 'getManyStates',
	name: 'Get Many States',
	action: 'Get many ticket states',
	description: 'List the ticket states of the workspace (submitted, in progress, waiting on customer, resolved and your own), each with the ticket types that use it',
	method: 'GET',
	path: '/ticket_states',
	fields: [],
	list: { pagination: 'none', itemsPath: 'data' },
};
