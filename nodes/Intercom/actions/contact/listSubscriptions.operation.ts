import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const listSubscriptions: OperationDefinition = {
	resource: 'contact',
	value: 'listSubscriptions',
	name: 'Get Subscriptions',
	action: 'Get the subscriptions of a contact',
	description: 'List the subscription types (email or SMS topics) a contact has opted in to or out of',
	method: 'GET',
	path: '/contacts/{contact_id}/subscriptions',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	// Every subscription comes in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
