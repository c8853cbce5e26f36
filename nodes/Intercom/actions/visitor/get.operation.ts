import type { OperationDefinition } from '../types';
import { visitorUserIdField } from './shared';

export const get: OperationDefinition = {
	resource: 'visitor',
	value: 'get',
	name: 'Get',
	action: 'Get a visitor',
	description: 'Get one visitor (an anonymous person of the Messenger) by the user_id Intercom generated for it',
	method: 'GET',
	path: '/visitors',
	subject: 'Visitor',
	fields: [visitorUserIdField('query', 'user_id')],
};
