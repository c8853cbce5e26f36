import { contactLocator, tagField } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';

const fields: FieldSpec[] = [contactLocator(), tagField('body')];

export const addTag: OperationDefinition = {
	resource: 'contact',
	value: 'addTag',
	name: 'Add Tag',
	action: 'Add a tag to a contact',
	description: 'Apply an existing tag to a contact; returns the tag',
	method: 'POST',
	path: '/contacts/{contact_id}/tags',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact or tag',
	fields,
};
