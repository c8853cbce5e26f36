import { companyLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { COMPANY_PATH_LABELS } from './shared';

export const deleteCompany: OperationDefinition = {
	resource: 'company',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a company',
	description: 'Permanently delete a company (its contacts are kept and detached from it); returns its ID and deleted: true',
	method: 'DELETE',
	path: '/companies/{company_id}',
	pathLabels: COMPANY_PATH_LABELS,
	subject: 'Company',
	fields: [companyLocator()],
};
