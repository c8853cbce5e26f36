import type { OperationDefinition } from '../types';

export const getCurrent: OperationDefinition = {
	resource: 'admin',
	value: 'getCurrent',
	name: 'Get Current',
	action: 'Get the current admin',
	description: 'Get the admin the credential acts as, with the workspace (app) it belongs to',
	method: 'GET',
	path: '/me',
	fields: [],
};
