import type { OperationDefinition } from '../types';
import { externalIdField, objectTypeField, PATH_LABELS } from './shared';

export const getByExternalId: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'getByExternalId',
	name: 'Get by External ID',
	action: 'Get a custom object instance by external ID',
	description: 'Get one instance of a custom object type by the external ID your own systems gave it',
	method: 'GET',
	path: '/custom_object_instances/{custom_object_type_identifier}',
	pathLabels: PATH_LABELS,
	subject: 'Custom object instance',
	fields: [objectTypeField, externalIdField('query', 'The ID your own systems gave the instance')],
};
