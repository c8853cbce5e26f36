import type { OperationDefinition } from '../types';
import { contentImportSourceField } from './shared';

export const deleteContentImportSource: OperationDefinition = {
	resource: 'contentImportSource',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a content import source',
	description: 'Delete a content import source and every external page imported from it; returns its ID and deleted: true',
	method: 'DELETE',
	path: '/ai/content_import_sources/{source_id}',
	pathLabels: { source_id: 'Content Import Source' },
	subject: 'Content import source',
	fields: [contentImportSourceField('path')],
	// Intercom answers 204 with no body; the item says what was done.
	output: (response, ctx) => [{ ...(response && typeof response === 'object' ? response : {}), id: ctx.param<string>('sourceId'), deleted: true }],
};
