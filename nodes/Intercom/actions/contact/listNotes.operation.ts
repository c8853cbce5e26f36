import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const listNotes: OperationDefinition = {
	resource: 'contact',
	value: 'listNotes',
	name: 'Get Notes',
	action: 'Get the notes of a contact',
	description: 'List the notes teammates left on one contact, newest first',
	method: 'GET',
	path: '/contacts/{contact_id}/notes',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	// Typed as cursor pages, answered with page numbers: the paginator follows either.
	list: { pagination: 'cursor', itemsPath: 'data' },
};
