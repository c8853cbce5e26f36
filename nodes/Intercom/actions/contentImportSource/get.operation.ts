import type { OperationDefinition } from '../types';
import { contentImportSourceField } from './shared';

export const get: OperationDefinition = {
	resource: 'contentImportSource',
	value: 'get',
	name: 'Get',
	action: 'Get a content import source',
	description: 'Get one content import source by ID: its URL, sync behavior, status and when it last synced',
	method: 'GET',
	path: '/ai/content_import_sources/{source_id}',
	pathLabels: { source_id: 'Content Import Source' },
	subject: 'Content import source',
	fields: [contentImportSourceField('path')],
};
