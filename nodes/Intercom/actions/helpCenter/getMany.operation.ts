import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'helpCenter',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many help centers',
	description: 'List the Help Centers of the workspace (Intercom answers all of them at once)',
	method: 'GET',
	path: '/help_center/help_centers',
	fields: [],
	list: { pagination: 'none', itemsPath: 'data' },
};
