import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const listSegments: OperationDefinition = {
	resource: 'contact',
	value: 'listSegments',
	name: 'Get Segments',
	action: 'Get the segments of a contact',
	description: 'List the segments one contact currently belongs to',
	method: 'GET',
	path: '/contacts/{contact_id}/segments',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	// Every segment comes in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
