import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { contactFieldOptions } from './shared';

export const update: OperationDefinition = {
	resource: 'contact',
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: "Change a contact's email, role, external ID, name, phone, owner, dates or custom attributes; fields not given stay as they are",
	method: 'PUT',
	path: '/contacts/{contact_id}',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	collections: [{ name: 'updateFields', displayName: 'Update Fields', options: contactFieldOptions({ withEmail: true }) }],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to update' }],
};
