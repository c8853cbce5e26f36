import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { CONTACT_PATH_LABELS, companyField } from './shared';

export const detachCompany: OperationDefinition = {
	resource: 'contact',
	value: 'detachCompany',
	name: 'Detach Company',
	action: 'Detach a contact from a company',
	description: 'Detach a contact from a company (both are kept); returns the company',
	method: 'DELETE',
	path: '/contacts/{contact_id}/companies/{company_id}',
	pathLabels: CONTACT_PATH_LABELS,
	subject: 'Contact or company',
	fields: [contactLocator(), companyField('path')],
};
