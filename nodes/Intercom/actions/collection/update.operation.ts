import type { IDataObject } from 'n8n-workflow';

import { collectionLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { contentOptions, nameProperty, PARENT } from './shared';

const TOP_LEVEL = 'Move to Top Level';

export const update: OperationDefinition = {
	resource: 'collection',
	value: 'update',
	name: 'Update',
	action: 'Update a collection',
	description: "Change a collection's name, description or translations, or move it into another collection or to the top level; fields left out stay as they are",
	method: 'PUT',
	path: '/help_center/collections/{collection_id}',
	pathLabels: { collection_id: 'Collection' },
	subject: 'Collection',
	fields: [collectionLocator()],
	collections: [
		{
			name: 'updateFields',
			displayName: 'Update Fields',
			options: [
				{ in: 'body', key: 'name', convert: 'text', required: true, property: nameProperty() },
				...contentOptions(),
				{
					in: 'body',
					key: 'parent_id',
					convert: 'boolean',
					// A null parent moves the collection to the top level; it cannot also name a parent.
					shape: (on, { ctx, fail }) => {
						if (on !== true) return undefined;
						const parent = ctx.param<IDataObject>('updateFields', {}).parentId;
						if (parent !== undefined && parent !== null && String(parent).trim() !== '') {
							fail(`"${PARENT}" is set too`, `Either move the collection into a parent collection or to the top level.`);
						}
						return null;
					},
					property: {
						displayName: TOP_LEVEL,
						name: 'moveToTopLevel',
						type: 'boolean',
						default: true,
						description: 'Whether to take the collection out of its parent collection, to the top level of its Help Center',
					},
				},
			],
		},
	],
	checks: [{ anyOf: ['body'], parameter: 'Update Fields', message: 'add at least one field to change' }],
};
