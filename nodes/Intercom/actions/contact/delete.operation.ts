import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const deleteContact: OperationDefinition = {
	resource: 'contact',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Permanently delete a contact and its data; use Archive to hide a contact without losing it',
	method: 'DELETE',
	path: '/contacts/{contact_id}',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
};
