import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'contact',
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: "Get one contact (user or lead) by its Intercom ID, with its attributes, tags, companies and location",
	method: 'GET',
	path: '/contacts/{contact_id}',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
};
