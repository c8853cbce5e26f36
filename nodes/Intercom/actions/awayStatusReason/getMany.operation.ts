import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'awayStatusReason',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many away status reasons',
	description: 'List the reasons teammates can give when they set themselves away (label, emoji and order)',
	method: 'GET',
	path: '/away_status_reasons',
	fields: [],
	// Intercom returns every reason in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
