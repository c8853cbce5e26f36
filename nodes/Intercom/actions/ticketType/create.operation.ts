import type { OperationDefinition } from '../types';
import { ticketTypeOptions } from './shared';

export const create: OperationDefinition = {
	resource: 'ticketType',
	value: 'create',
	name: 'Create',
	action: 'Create a ticket type',
	description: 'Create a ticket type (Customer, Back-office or Tracker) with a name, description and icon; returns it with its default attributes and states',
	method: 'POST',
	path: '/ticket_types',
	fields: [
		{
			in: 'body',
			key: 'name',
			convert: 'text',
			property: { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'Bug Report', description: 'The name of the ticket type' },
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: ticketTypeOptions() }],
};
