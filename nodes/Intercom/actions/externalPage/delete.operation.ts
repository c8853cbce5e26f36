import type { OperationDefinition } from '../types';
import { externalPageIdField } from './shared';

export const deleteExternalPage: OperationDefinition = {
	resource: 'externalPage',
	value: 'delete',
	name: 'Delete',
	action: 'Delete an external page',
	description: 'Remove an external page from the Fin Content Library and from AI answers; returns the deleted page (Intercom empties its HTML)',
	method: 'DELETE',
	path: '/ai/external_pages/{page_id}',
	pathLabels: { page_id: 'External Page ID' },
	subject: 'External page',
	fields: [externalPageIdField()],
};
