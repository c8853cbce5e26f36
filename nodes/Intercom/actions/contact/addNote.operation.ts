import { contactLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';

export const addNote: OperationDefinition = {
	resource: 'contact',
	value: 'addNote',
	name: 'Add Note',
	action: 'Add a note to a contact',
	description: 'Add an internal note, visible only to teammates, to a contact; returns the note',
	method: 'POST',
	path: '/contacts/{contact_id}/notes',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [
		contactLocator(),
		{
			in: 'body',
			key: 'body',
			convert: 'text',
			property: {
				displayName: 'Note',
				name: 'note',
				type: 'string',
				typeOptions: { rows: 4 },
				required: true,
				default: '',
				description: 'The text of the note; simple HTML such as <p> and <b> is kept',
			},
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [{ in: 'body', key: 'admin_id', convert: 'text', property: dynamicOptions('adminId', 'Author Name or ID', 'getAdmins') }],
		},
	],
};
