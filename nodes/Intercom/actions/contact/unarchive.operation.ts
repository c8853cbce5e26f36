import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const unarchive: OperationDefinition = {
	resource: 'contact',
	value: 'unarchive',
	name: 'Unarchive',
	action: 'Unarchive a contact',
	description: 'Restore an archived contact so it appears in lists and search again',
	method: 'POST',
	path: '/contacts/{contact_id}/unarchive',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
};
