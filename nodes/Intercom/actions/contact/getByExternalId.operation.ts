import type { OperationDefinition } from '../types';

export const getByExternalId: OperationDefinition = {
	resource: 'contact',
	value: 'getByExternalId',
	name: 'Get by External ID',
	action: 'Get a contact by external ID',
	description: 'Get one contact by the external ID your own systems gave it (the user ID in your database)',
	method: 'GET',
	path: '/contacts/find_by_external_id/{external_id}',
	pathLabels: { external_id: 'External ID' },
	subject: 'Contact with this external ID',
	fields: [
		{
			// Any string is a valid external ID; the transport escapes it as one path segment.
			in: 'path',
			key: 'external_id',
			property: {
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				required: true,
				default: '',
				description: 'The external ID of the contact, exactly as it was set',
			},
		},
	],
};
