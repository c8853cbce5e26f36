import { contentImportSourceField } from '../contentImportSource/shared';
import type { OperationDefinition } from '../types';
import { availabilityOption, externalIdField, htmlField, pageUrlField, titleField } from './shared';

export const create: OperationDefinition = {
	resource: 'externalPage',
	value: 'create',
	name: 'Create or Update',
	action: 'Create or update an external page',
	description:
		'Add a page to the Fin Content Library under a content import source; a page with the same source and External ID is updated instead, so reruns do not duplicate',
	method: 'POST',
	path: '/ai/external_pages',
	fields: [
		titleField,
		htmlField,
		contentImportSourceField('body', { description: 'The source the page comes from (its audience comes from the source). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
		externalIdField(true),
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				pageUrlField(false),
				availabilityOption('ai_agent_availability', 'aiAgentAvailability', 'AI Agent Availability', 'Whether Fin AI Agent answers customers from this page (Intercom: false unless set, on a new page)'),
				availabilityOption('ai_copilot_availability', 'aiCopilotAvailability', 'AI Copilot Availability', 'Whether Copilot answers teammates from this page (Intercom: false unless set, on a new page)'),
			],
		},
	],
	// External pages are English only: `en` is the one locale the API takes, and it is required.
	fixed: { body: { locale: 'en' } },
};
