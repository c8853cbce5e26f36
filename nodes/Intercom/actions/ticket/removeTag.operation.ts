import { actingAdminField } from '../conversation/shared';
import { tagField } from '../fields';
import type { OperationDefinition } from '../types';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

export const removeTag: OperationDefinition = {
	resource: 'ticket',
	value: 'removeTag',
	name: 'Remove Tag',
	action: 'Remove a tag from a ticket',
	description: 'Remove a tag from a ticket on behalf of an admin (the tag itself is kept); returns the tag',
	method: 'DELETE',
	path: '/tickets/{ticket_id}/tags/{tag_id}',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket or tag',
	fields: [ticketLocator(), tagField('path'), actingAdminField()],
};
