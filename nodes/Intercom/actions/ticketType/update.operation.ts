import type { OperationDefinition } from '../types';
import { TICKET_TYPE_PATH_LABELS, ticketTypeField, ticketTypeOptions } from './shared';

export const update: OperationDefinition = {
	resource: 'ticketType',
	value: 'update',
	name: 'Update',
	action: 'Update a ticket type',
	description: "Change a ticket type's name, description, category or icon, or archive it; fields not given stay as they are",
	method: 'PUT',
	path: '/ticket_types/{ticket_type_id}',
	pathLabels: TICKET_TYPE_PATH_LABELS,
	subject: 'Ticket type',
	fields: [ticketTypeField('path')],
	emptyBody: true,
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{ in: 'body', key: 'name', convert: 'text', property: { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new name' } },
				...ticketTypeOptions(),
				{
					in: 'body',
					key: 'archived',
					property: { displayName: 'Archived', name: 'archived', type: 'boolean', default: false, description: 'Whether the ticket type is archived (no new tickets of it)' },
				},
			],
		},
	],
};
