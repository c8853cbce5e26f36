import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';

export const block: OperationDefinition = {
	resource: 'contact',
	value: 'block',
	name: 'Block',
	action: 'Block a contact',
	description: 'Block a contact so it can no longer start conversations; its conversations are closed',
	method: 'POST',
	path: '/contacts/{contact_id}/block',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
};
