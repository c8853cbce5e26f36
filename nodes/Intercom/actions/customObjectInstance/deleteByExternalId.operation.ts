import type { OperationDefinition } from '../types';
import { externalIdField, objectTypeField, PATH_LABELS } from './shared';

export const deleteByExternalId: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'deleteByExternalId',
	name: 'Delete by External ID',
	action: 'Delete a custom object instance by external ID',
	description: 'Permanently delete one instance of a custom object type by the external ID your own systems gave it; returns its ID, type and deleted: true',
	method: 'DELETE',
	path: '/custom_object_instances/{custom_object_type_identifier}',
	pathLabels: PATH_LABELS,
	subject: 'Custom object instance',
	fields: [objectTypeField, externalIdField('query', 'The ID your own systems gave the instance')],
};
