import { ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'note',
	value: 'get',
	name: 'Get',
	action: 'Get a note',
	description: 'Get one note by ID: its text, the teammate who wrote it and the contact it is about',
	method: 'GET',
	path: '/notes/{note_id}',
	pathLabels: { note_id: 'Note ID' },
	subject: 'Note',
	fields: [
		{
			in: 'path',
			key: 'note_id',
			idFormat: ID_FORMATS.numeric,
			property: {
				displayName: 'Note ID',
				name: 'noteId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '3300071',
				description: "The note's ID, as in a contact's notes (Contact › Get Notes)",
			},
		},
	],
};
