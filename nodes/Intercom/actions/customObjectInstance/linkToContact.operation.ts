import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { linkCheck, linksField } from './shared';

export const linkToContact: OperationDefinition = {
	resource: 'customObjectInstance',
	value: 'linkToContact',
	name: 'Link to Contact',
	action: 'Link custom object instances to a contact',
	description:
		"Set which custom object instances are linked to a contact through its relationship attributes (such as a contact's orders); returns the contact",
	method: 'PUT',
	path: '/contacts/{contact_id}',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator(), linksField],
	checks: [linkCheck],
};
