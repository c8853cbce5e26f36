import { companyLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { COMPANY_PATH_LABELS } from './shared';

export const listContacts: OperationDefinition = {
	resource: 'company',
	value: 'listContacts',
	name: 'Get Contacts',
	action: 'Get the contacts of a company',
	description: 'List the contacts (users and leads) attached to one company',
	method: 'GET',
	path: '/companies/{company_id}/contacts',
	pathLabels: COMPANY_PATH_LABELS,
	subject: 'Company',
	fields: [companyLocator()],
	list: { pagination: 'cursor', itemsPath: 'data' },
};
