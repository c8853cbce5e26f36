import type { OperationDefinition } from '../types';
import { TICKET_TYPE_PATH_LABELS, ticketTypeField } from './shared';

export const get: OperationDefinition = {
	resource: 'ticketType',
	value: 'get',
	name: 'Get',
	action: 'Get a ticket type',
	description: 'Get one ticket type by ID with its attributes (the fields its tickets carry) and the states its tickets move through',
	method: 'GET',
	path: '/ticket_types/{ticket_type_id}',
	pathLabels: TICKET_TYPE_PATH_LABELS,
	subject: 'Ticket type',
	fields: [ticketTypeField('path')],
};
