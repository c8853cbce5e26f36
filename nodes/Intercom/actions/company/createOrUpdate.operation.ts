import type { OperationDefinition } from '../types';
import { companyFieldOptions } from './shared';

export const createOrUpdate: OperationDefinition = {
	resource: 'company',
	value: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update a company',
	description:
		'Create a company, or update the one with the same Company ID (your own ID for it), in one step; returns the company (listed in Intercom once a contact is attached)',
	method: 'POST',
	path: '/companies',
	fields: [
		{
			in: 'body',
			key: 'company_id',
			convert: 'text',
			property: {
				displayName: 'Company ID',
				name: 'companyIdentifier',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'acme-42',
				description: 'Your own unique ID for the company; a company with this ID is updated, otherwise one is created. It cannot be changed later.',
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: companyFieldOptions({ withRemoteCreatedAt: true }) }],
};
