import type { OperationDefinition } from '../types';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

export const get: OperationDefinition = {
	resource: 'ticket',
	value: 'get',
	name: 'Get',
	action: 'Get a ticket',
	description: 'Get one ticket by ID with its state, type, attributes, contacts, assignees and parts (replies, notes, state changes)',
	method: 'GET',
	path: '/tickets/{ticket_id}',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket',
	fields: [ticketLocator()],
};
