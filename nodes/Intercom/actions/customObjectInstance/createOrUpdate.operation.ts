import type { OperationDefinition } from '../types';
import { externalIdField, instanceAttributeOptions, objectTypeField, PATH_LABELS } from './shared';

export const createOrUpdate: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update a custom object instance',
	description:
		'Create an instance of a custom object type (such as an Order), or update the one with the same external ID, with its custom attributes; returns the instance',
	method: 'POST',
	path: '/custom_object_instances/{custom_object_type_identifier}',
	pathLabels: PATH_LABELS,
	subject: 'Custom object type',
	fields: [objectTypeField, externalIdField('body', 'Your own unique ID for the instance; an instance with this ID is updated, otherwise one is created')],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'external_created_at',
					convert: 'unixSeconds',
					property: { displayName: 'Created At (Your System)', name: 'externalCreatedAt', type: 'dateTime', default: '', description: 'When the instance was created in your own systems' },
				},
				{
					in: 'body',
					key: 'external_updated_at',
					convert: 'unixSeconds',
					property: { displayName: 'Updated At (Your System)', name: 'externalUpdatedAt', type: 'dateTime', default: '', description: 'When the instance was last changed in your own systems' },
				},
				...instanceAttributeOptions,
			],
		},
	],
};
