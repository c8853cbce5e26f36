import { helpCenterField } from '../fields';
import type { OperationDefinition } from '../types';
import { contentOptions, nameProperty } from './shared';

export const create: OperationDefinition = {
	resource: 'collection',
	value: 'create',
	name: 'Create',
	action: 'Create a collection',
	description: 'Create a Help Center collection, at the top level of a Help Center or nested in another collection, optionally in several languages',
	method: 'POST',
	path: '/help_center/collections',
	fields: [{ in: 'body', key: 'name', convert: 'text', property: nameProperty({ required: true, placeholder: 'Getting started' }) }],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				...contentOptions(),
				helpCenterField('body', {
					description:
						'The Help Center to create the collection in (a nested collection is in its parent\'s); without it, the default Help Center. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				}),
			],
		},
	],
};
