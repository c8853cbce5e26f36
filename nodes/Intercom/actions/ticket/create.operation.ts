import type { IDataObject } from 'n8n-workflow';

import { buildOnly, contactIdentifierFields, createdAtOption } from '../conversation/shared';
import { dynamicOptions, ID_FORMATS } from '../fields';
import { ticketTypeField } from '../ticketType/shared';
import type { OperationDefinition } from '../types';
import { attributePairsProperty, attributesJsonOption, ATTRIBUTES, ATTRIBUTES_JSON, fetchTicketType, ticketAttributes } from './attributes';
import { readTicketContact } from './shared';

const ADDITIONAL = 'additionalFields';
const [identifyContactBy, contactIdentifier] = contactIdentifierFields();

/**
 * Create a ticket now (POST /tickets, returns the ticket) or in the background (POST
 * /tickets/enqueue, returns the job): the same request either way. The ticket type's attributes
 * are read from the workspace first, so an attribute the type does not have or a missing required
 * one fails before anything is sent.
 */
function createOperation(variant: { value: string; name: string; action: string; description: string; path: string }): OperationDefinition {
	return {
		resource: 'ticket',
		...variant,
		method: 'POST',
		subject: 'Ticket type, contact or company',
		reads: ['/ticket_types/{ticket_type_id}'],
		fields: [
			ticketTypeField('body', { description: 'The type of ticket to create; its attributes are offered below' }),
			identifyContactBy,
			// Intercom takes the contact as a one-item list of {id} | {external_id} | {email}.
			{ ...contactIdentifier, in: 'body', key: 'contacts', shape: (_value, { ctx }) => [readTicketContact(ctx)] },
			// A value's type is the attribute's (text, number, boolean, date): checked against the ticket type.
			{ ...buildOnly(attributePairsProperty()), anyValue: ['value'] },
		],
		collections: [
			{
				name: ADDITIONAL,
				displayName: 'Additional Fields',
				options: [
					attributesJsonOption(),
					{
						in: 'body',
						key: 'assignment.admin_assignee_id',
						idFormat: ID_FORMATS.numeric,
						property: dynamicOptions('adminAssigneeId', 'Assign to Admin Name or ID', 'getAdmins'),
					},
					{
						in: 'body',
						key: 'assignment.team_assignee_id',
						idFormat: ID_FORMATS.numeric,
						property: dynamicOptions('teamAssigneeId', 'Assign to Team Name or ID', 'getTeams'),
					},
					{
						in: 'body',
						key: 'company_id',
						convert: 'text',
						idFormat: ID_FORMATS.company,
						property: { displayName: 'Company ID', name: 'companyId', type: 'string', default: '', description: "Intercom's ID of the company the ticket is about" },
					},
					{
						in: 'body',
						key: 'conversation_to_link_id',
						convert: 'text',
						idFormat: ID_FORMATS.numeric,
						property: {
							displayName: 'Conversation to Link',
							name: 'conversationToLinkId',
							type: 'string',
							default: '',
							placeholder: '123456789',
							description: 'The ID of a conversation to link to the ticket (for back-office and tracker tickets)',
						},
					},
					createdAtOption('When the ticket was raised, for importing past tickets (defaults to now)'),
					{
						in: 'body',
						key: 'skip_notifications',
						property: { displayName: 'Skip Notifications', name: 'skipNotifications', type: 'boolean', default: false, description: 'Whether to create the ticket without notifying anyone' },
					},
				],
			},
		],
		// The attributes are checked against the ticket type as the workspace defines it (read first).
		build: async (ctx, request) => {
			// Read (and so type-check) the attribute parameters before the type is fetched: bad input sends nothing.
			ctx.param(ATTRIBUTES.name, {});
			const type = await fetchTicketType(ctx, String(request.body.ticket_type_id));
			const json = ctx.param<IDataObject>(ADDITIONAL, {})[ATTRIBUTES_JSON.name];
			const attributes = ticketAttributes(ctx, type, { creating: true, json });
			if (attributes) request.body.ticket_attributes = attributes;
		},
	};
}

export const create = createOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a ticket',
	description: 'Create a ticket of a given type for a contact (by ID, external ID or email), with its attributes and optional assignee; returns the ticket',
	path: '/tickets',
});

export const createInBackground = createOperation({
	value: 'createInBackground',
	name: 'Create in Background',
	action: 'Create a ticket in the background',
	description: 'Queue the creation of a ticket (checked first, created shortly after), for large imports; returns the job with its status URL',
	path: '/tickets/enqueue',
});
