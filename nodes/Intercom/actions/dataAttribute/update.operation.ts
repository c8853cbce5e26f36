import { dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { descriptionOption, listOptionsField, messengerWritableOption } from './shared';

export const update: OperationDefinition = {
	resource: 'dataAttribute',
	value: 'update',
	name: 'Update',
	action: 'Update a data attribute',
	description: "Change a custom data attribute's description, archive or restore it, or replace a list's values (its type cannot change)",
	method: 'PUT',
	path: '/data_attributes/{data_attribute_id}',
	pathLabels: { data_attribute_id: 'Data Attribute' },
	subject: 'Data attribute',
	fields: [
		{
			in: 'path',
			key: 'data_attribute_id',
			idFormat: ID_FORMATS.numeric,
			property: dynamicOptions('dataAttributeId', 'Data Attribute Name or ID', 'getDataAttributes', { required: true }),
		},
	],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{
					in: 'body',
					key: 'archived',
					convert: 'boolean',
					property: {
						displayName: 'Archived',
						name: 'archived',
						type: 'boolean',
						default: true,
						description: 'Whether the attribute is archived (hidden from use) or restored',
					},
				},
				descriptionOption(),
				messengerWritableOption(),
				listOptionsField("A List attribute's new values, separated by commas (at least two); they replace the current ones"),
			],
		},
	],
};
