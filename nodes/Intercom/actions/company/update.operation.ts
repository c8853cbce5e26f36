import { companyLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { COMPANY_PATH_LABELS, companyFieldOptions } from './shared';

export const update: OperationDefinition = {
	resource: 'company',
	value: 'update',
	name: 'Update',
	action: 'Update a company',
	description: "Change a company's name, plan, size, website, industry, monthly spend or custom attributes; fields not given stay as they are",
	method: 'PUT',
	path: '/companies/{company_id}',
	pathLabels: COMPANY_PATH_LABELS,
	subject: 'Company',
	fields: [companyLocator()],
	collections: [{ name: 'updateFields', displayName: 'Update Fields', options: companyFieldOptions({ withRemoteCreatedAt: false }) }],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to change' }],
};
