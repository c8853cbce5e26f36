import type { OperationDefinition } from '../types';
import { CONTACT_PATH_LABELS, companyField } from './shared';

export const getManyByCompany: OperationDefinition = {
	resource: 'contact',
	value: 'getManyByCompany',
	name: 'Get Many by Company',
	action: 'Get many contacts of a company',
	description: 'List the contacts attached to one company',
	method: 'GET',
	path: '/companies/{company_id}/contacts',
	pathLabels: CONTACT_PATH_LABELS,
	subject: 'Company',
	fields: [companyField('path')],
	list: { pagination: 'cursor', itemsPath: 'data' },
};
