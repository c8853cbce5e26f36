import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const archive: OperationDefinition = {
	resource: 'contact',
	value: 'archive',
	name: 'Archive',
	action: 'Archive a contact',
	description: 'Archive a contact: it is hidden from lists and search but kept, and can be unarchived',
	method: 'POST',
	path: '/contacts/{contact_id}/archive',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
};
