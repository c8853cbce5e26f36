import { contentImportSourceField } from '../contentImportSource/shared';
import type { OperationDefinition } from '../types';
import { availabilityOption, externalIdField, externalPageIdField, htmlField, pageUrlField, titleField } from './shared';

export const update: OperationDefinition = {
	resource: 'externalPage',
	value: 'update',
	name: 'Update',
	action: 'Update an external page',
	description: 'Replace the title, HTML, URL and source of an external page created through the API (Intercom requires all four)',
	method: 'PUT',
	path: '/ai/external_pages/{page_id}',
	pathLabels: { page_id: 'External Page ID' },
	subject: 'External page',
	fields: [externalPageIdField(), titleField, htmlField, pageUrlField(true), contentImportSourceField('body')],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				externalIdField(false),
				// The update request takes only the older single switch, not the AI Agent / Copilot pair create takes.
				availabilityOption('fin_availability', 'finAvailability', 'Fin Availability', 'Whether Fin answers from this page'),
			],
		},
	],
	fixed: { body: { locale: 'en' } },
};
