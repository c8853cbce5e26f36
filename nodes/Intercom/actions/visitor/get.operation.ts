import type { OperationDefinition } from '../types';
import { USER_ID_FORMAT, VISITOR_USER_ID } from './shared';

export const get: OperationDefinition = {
	resource: 'visitor',
	value: 'get',
	name: 'Get',
	action: 'Get a visitor',
	description: 'Get one visitor (an anonymous person of the Messenger) by the user_id Intercom generated for it',
	method: 'GET',
	path: '/visitors',
	subject: 'Visitor',
	fields: [
		{
			in: 'query',
			key: 'user_id',
			idFormat: USER_ID_FORMAT,
			property: {
				displayName: VISITOR_USER_ID.displayName,
				name: 'visitorUserId',
				type: 'string',
				default: '',
				required: true,
				placeholder: VISITOR_USER_ID.placeholder,
				description: VISITOR_USER_ID.description,
			},
		},
	],
};
