import { failParameter } from '../../../shared/values';
import { conversationLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';
import { buildOnly, CONVERSATION_PATH_LABELS, readId } from './shared';

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
	fields: [conversationLocator(), buildOnly(dynamicOptions(TICKET_TYPE.name, TICKET_TYPE.displayName, 'getTicketTypes', { required: true }))],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'attributes',
					convert: 'json',
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
	build: (ctx, request) => {
		request.body.ticket_type_id = readId(ctx, TICKET_TYPE.name, TICKET_TYPE.displayName);
		const attributes = request.body.attributes;
		if (attributes === undefined) return;
		if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
			failParameter(ctx.fn.getNode(), ATTRIBUTES.displayName, ctx.itemIndex, 'a JSON object ({ … }) is required');
		}
		if (Object.keys(attributes).length === 0) delete request.body.attributes;
	},
};
