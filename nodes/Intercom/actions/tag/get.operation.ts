import { tagField } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'tag',
	value: 'get',
	name: 'Get',
	action: 'Get a tag',
	description: 'Get one tag by ID (its name and ID)',
	method: 'GET',
	path: '/tags/{tag_id}',
	pathLabels: { tag_id: 'Tag' },
	subject: 'Tag',
	fields: [tagField('path')],
};
