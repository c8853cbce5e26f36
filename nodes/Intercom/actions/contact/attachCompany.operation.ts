import { contactLocator } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';
import { companyField } from './shared';

const fields: FieldSpec[] = [contactLocator(), companyField('body')];

export const attachCompany: OperationDefinition = {
	resource: 'contact',
	value: 'attachCompany',
	name: 'Attach Company',
	action: 'Attach a contact to a company',
	description: 'Attach a contact to an existing company; returns the company',
	method: 'POST',
	path: '/contacts/{contact_id}/companies',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact or company',
	fields,
};
