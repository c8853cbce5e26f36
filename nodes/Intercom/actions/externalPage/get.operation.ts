import type { OperationDefinition } from '../types';
import { externalPageIdField } from './shared';

export const get: OperationDefinition = {
	resource: 'externalPage',
	value: 'get',
	name: 'Get',
	action: 'Get an external page',
	description: 'Get one external page of the Fin Content Library by ID, with its HTML, source, External ID and availability',
	method: 'GET',
	path: '/ai/external_pages/{page_id}',
	pathLabels: { page_id: 'External Page ID' },
	subject: 'External page',
	fields: [externalPageIdField()],
};
