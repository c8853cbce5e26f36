import { adminLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'admin',
	value: 'get',
	name: 'Get',
	action: 'Get an admin',
	description: 'Get one admin (teammate) by ID',
	method: 'GET',
	path: '/admins/{admin_id}',
	subject: 'Admin',
	fields: [adminLocator()],
};
