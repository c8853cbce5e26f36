import { dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { attributeFlagOptions, TICKET_TYPE_PATH_LABELS, ticketTypeField } from './shared';

export const updateAttribute: OperationDefinition = {
	resource: 'ticketType',
	value: 'updateAttribute',
	name: 'Update Attribute',
	action: 'Update a ticket type attribute',
	description: "Change a ticket type attribute's name, description, list items or visibility, or archive it; fields not given stay as they are",
	method: 'PUT',
	path: '/ticket_types/{ticket_type_id}/attributes/{attribute_id}',
	pathLabels: TICKET_TYPE_PATH_LABELS,
	subject: 'Ticket type or attribute',
	fields: [
		ticketTypeField('path'),
		{
			in: 'path',
			key: 'attribute_id',
			idFormat: ID_FORMATS.numeric,
			property: dynamicOptions('attributeId', 'Attribute Name or ID', 'getTicketTypeAttributeIds', {
				required: true,
				typeOptions: { loadOptionsMethod: 'getTicketTypeAttributeIds', loadOptionsDependsOn: ['ticketTypeId'] },
			}),
		},
	],
	emptyBody: true,
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{ in: 'body', key: 'name', convert: 'text', property: { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new name (default attributes keep theirs)' } },
				{ in: 'body', key: 'description', convert: 'text', property: { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'The new description' } },
				...attributeFlagOptions(),
				{
					in: 'body',
					key: 'archived',
					property: { displayName: 'Archived', name: 'archived', type: 'boolean', default: false, description: 'Whether the attribute is archived (no longer offered)' },
				},
			],
		},
	],
};
