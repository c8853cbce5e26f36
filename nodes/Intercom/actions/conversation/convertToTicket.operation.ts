import { conversationLocator, dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { CONVERSATION_PATH_LABELS } from './shared';

const TICKET_TYPE = { name: 'ticketTypeId', displayName: 'Ticket Type Name or ID' };
const ATTRIBUTES = { name: 'ticketAttributes', displayName: 'Ticket Attributes (JSON)' };

export const convertToTicket: OperationDefinition = {
	resource: 'conversation',
	value: 'convertToTicket',
	name: 'Convert to Ticket',
	action: 'Convert a conversation to a ticket',
	description: 'Turn a conversation into a customer ticket of a given ticket type, optionally setting ticket attributes; returns the ticket',
	method: 'POST',
	path: '/conversations/{conversation_id}/convert',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [
		conversationLocator(),
		{
			in: 'body',
			key: 'ticket_type_id',
			idFormat: ID_FORMATS.numeric,
			property: dynamicOptions(TICKET_TYPE.name, TICKET_TYPE.displayName, 'getTicketTypes', { required: true }),
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'attributes',
					convert: 'object',
					property: {
						displayName: ATTRIBUTES.displayName,
						name: ATTRIBUTES.name,
						type: 'json',
						default: '{}',
						description:
							'Ticket attributes as a JSON object, such as {"_default_title_": "Refund", "_default_description_": "Charged twice"}; list attributes take the list item ID',
					},
				},
			],
		},
	],
};
