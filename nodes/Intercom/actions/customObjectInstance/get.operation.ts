import type { OperationDefinition } from '../types';
import { instanceIdField, objectTypeField, PATH_LABELS } from './shared';

export const get: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'get',
	name: 'Get',
	action: 'Get a custom object instance',
	description: "Get one instance of a custom object type by Intercom's ID, with its external ID, dates and custom attributes",
	method: 'GET',
	path: '/custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}',
	pathLabels: PATH_LABELS,
	subject: 'Custom object instance',
	fields: [objectTypeField, instanceIdField('idOrExternalId')],
};
