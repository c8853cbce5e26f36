import { companyLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { COMPANY_PATH_LABELS } from './shared';

export const get: OperationDefinition = {
	resource: 'company',
	value: 'get',
	name: 'Get',
	action: 'Get a company',
	description: "Get one company by Intercom's ID, with its plan, tags, segments, custom attributes and contact count",
	method: 'GET',
	path: '/companies/{company_id}',
	pathLabels: COMPANY_PATH_LABELS,
	subject: 'Company',
	fields: [companyLocator()],
};
