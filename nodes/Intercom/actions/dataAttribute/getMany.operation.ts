import type { OperationDefinition } from '../types';

export const getMany: OperationDefinition = {
	resource: 'dataAttribute',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many data attributes',
	description: 'List the data attributes (standard and custom) of contacts, companies or conversations, with their types and options',
	method: 'GET',
	path: '/data_attributes',
	fields: [],
	collections: [
		{
			name: 'options',
			displayName: 'Options',
			placeholder: 'Add Option',
			options: [
				{
					in: 'query',
					key: 'model',
					refusedFrom: {
						version: '2.16',
						values: ['conversation'],
						reason: 'From API 2.16 on, Intercom lists conversation attributes apart from data attributes; choose API Version 2.15 or earlier in the credential to list them here',
					},
					property: {
						displayName: 'Model',
						name: 'model',
						type: 'options',
						options: [
							{ name: 'Company', value: 'company' },
							{ name: 'Contact', value: 'contact' },
							{ name: 'Conversation', value: 'conversation' },
						],
						default: 'contact',
						description: 'Only the attributes of this model (without it: contacts and companies)',
					},
				},
				{
					in: 'query',
					key: 'include_archived',
					convert: 'boolean',
					property: {
						displayName: 'Include Archived',
						name: 'includeArchived',
						type: 'boolean',
						default: false,
						description: 'Whether to list archived attributes too',
					},
				},
			],
		},
	],
	// Intercom returns every attribute in one response.
	list: { pagination: 'none', itemsPath: 'data' },
};
