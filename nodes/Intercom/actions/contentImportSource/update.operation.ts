import type { OperationDefinition } from '../types';
import { contentImportSourceField, sourceUrlField, statusOption } from './shared';

export const update: OperationDefinition = {
	resource: 'contentImportSource',
	value: 'update',
	name: 'Update',
	action: 'Update a content import source',
	description: "Change a content import source's status, or the URL of one synced through the API; the sync behavior cannot change to or from API",
	method: 'PUT',
	path: '/ai/content_import_sources/{source_id}',
	pathLabels: { source_id: 'Content Import Source' },
	subject: 'Content import source',
	fields: [
		contentImportSourceField('path'),
		{
			in: 'body',
			key: 'sync_behavior',
			property: {
				displayName: 'Sync Behavior',
				name: 'syncBehavior',
				type: 'options',
				// The update request names the automatic behavior `automated`; sources report it as `automatic`.
				options: [
					{ name: 'API', value: 'api' },
					{ name: 'Automatic', value: 'automated' },
					{ name: 'Manual', value: 'manual' },
				],
				default: 'api',
				required: true,
				description: "The source's sync behavior, as it is (Intercom requires it and refuses a change to or from API)",
			},
		},
		sourceUrlField(),
	],
	collections: [{ name: 'updateFields', displayName: 'Update Fields', options: [statusOption] }],
};
