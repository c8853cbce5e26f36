import { actingAdminField } from '../conversation/shared';
import { tagField } from '../fields';
import type { OperationDefinition } from '../types';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

export const addTag: OperationDefinition = {
	resource: 'ticket',
	value: 'addTag',
	name: 'Add Tag',
	action: 'Add a tag to a ticket',
	description: 'Apply an existing tag to a ticket on behalf of an admin; returns the tag',
	method: 'POST',
	path: '/tickets/{ticket_id}/tags',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket or tag',
	fields: [ticketLocator(), tagField('body'), actingAdminField()],
};
