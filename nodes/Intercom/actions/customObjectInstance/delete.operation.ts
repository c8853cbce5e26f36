import type { OperationDefinition } from '../types';
import { instanceIdField, objectTypeField, PATH_LABELS } from './shared';

export const deleteInstance: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a custom object instance',
	description: "Permanently delete one instance of a custom object type by Intercom's ID; returns its ID, type and deleted: true",
	method: 'DELETE',
	path: '/custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}',
	pathLabels: PATH_LABELS,
	subject: 'Custom object instance',
	fields: [objectTypeField, instanceIdField('id')],
};
