import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'subscriptionType',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many subscription types',
	description: 'List the subscription types (email and SMS topics contacts opt in to or out of), with their consent type and state',
	method: 'GET',
	path: '/subscription_types',
	fields: [],
	// Intercom returns every subscription type in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
