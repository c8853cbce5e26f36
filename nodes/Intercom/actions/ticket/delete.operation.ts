import type { OperationDefinition } from '../types';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

export const deleteTicket: OperationDefinition = {
	resource: 'ticket',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a ticket',
	description: 'Permanently delete a ticket with its replies, attributes and uploads; returns its ID and deleted: true',
	method: 'DELETE',
	path: '/tickets/{ticket_id}',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket',
	fields: [ticketLocator()],
};
