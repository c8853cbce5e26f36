import { companyLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { COMPANY_PATH_LABELS } from './shared';

export const listSegments: OperationDefinition = {
	resource: 'company',
	value: 'listSegments',
	name: 'Get Segments',
	action: 'Get the segments of a company',
	description: 'List the segments one company belongs to',
	method: 'GET',
	path: '/companies/{company_id}/segments',
	pathLabels: COMPANY_PATH_LABELS,
	subject: 'Company',
	fields: [companyLocator()],
	// Every segment comes in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
