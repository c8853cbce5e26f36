import { contactLocator, tagField } from '../fields';
import type { OperationDefinition } from '../types';
import { CONTACT_PATH_LABELS } from './shared';

export const removeTag: OperationDefinition = {
	resource: 'contact',
	value: 'removeTag',
	name: 'Remove Tag',
	action: 'Remove a tag from a contact',
	description: 'Remove a tag from a contact (the tag itself is kept); returns the tag',
	method: 'DELETE',
	path: '/contacts/{contact_id}/tags/{tag_id}',
	pathLabels: CONTACT_PATH_LABELS,
	subject: 'Contact or tag',
	fields: [contactLocator(), tagField('path')],
};
