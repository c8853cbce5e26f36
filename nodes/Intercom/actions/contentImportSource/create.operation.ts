import type { OperationDefinition } from '../types';
import { sourceUrlField, statusOption } from './shared';

export const create: OperationDefinition = {
	resource: 'contentImportSource',
	value: 'create',
	name: 'Create',
	action: 'Create a content import source',
	description: 'Add a source to the Fin Content Library whose external pages you then create and update through the API',
	method: 'POST',
	path: '/ai/content_import_sources',
	fields: [sourceUrlField()],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: [statusOption] }],
	// A source created through the API is synced through the API: `api` is the only sync behavior create takes.
	fixed: { body: { sync_behavior: 'api' } },
};
