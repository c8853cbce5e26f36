import type { OperationDefinition } from '../types';
import { VISITOR_USER_ID } from './shared';

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
			idFormat: { pattern: /^\S{1,255}$/, hint: "A visitor's user_id has no spaces, such as 3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3." },
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
