import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const listCompanies: OperationDefinition = {
	resource: 'contact',
	value: 'listCompanies',
	name: 'Get Companies',
	action: 'Get the companies of a contact',
	description: 'List the companies one contact is attached to',
	method: 'GET',
	path: '/contacts/{contact_id}/companies',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	// Typed as cursor pages, answered with page numbers: the paginator follows either.
	list: { pagination: 'cursor', itemsPath: ['companies', 'data'] },
};
