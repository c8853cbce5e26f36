import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const listTags: OperationDefinition = {
	resource: 'contact',
	value: 'listTags',
	name: 'Get Tags',
	action: 'Get the tags of a contact',
	description: 'List the tags applied to one contact',
	method: 'GET',
	path: '/contacts/{contact_id}/tags',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	// Every tag comes in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
