import type { IDataObject } from 'n8n-workflow';

import { failParameter } from '../../../shared/values';
import { buildOnly } from '../conversation/shared';
import { dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { attributePairsProperty, attributesJsonOption, ATTRIBUTES, ATTRIBUTES_JSON, fetchTicketType, ticketAttributes } from './attributes';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

const UPDATE = { name: 'updateFields', displayName: 'Update Fields' };
const STATE = { name: 'ticketStateId', displayName: 'State Name or ID' };

export const update: OperationDefinition = {
	resource: 'ticket',
	value: 'update',
	name: 'Update',
	action: 'Update a ticket',
	description: "Change a ticket's state, assignee, attributes, open or closed, snooze or company; fields not given stay as they are",
	method: 'PUT',
	path: '/tickets/{ticket_id}',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket',
	// With a state or attributes: the ticket (for its type), then its type (see build).
	reads: ['/tickets/{ticket_id}', '/ticket_types/{ticket_type_id}'],
	emptyBody: true,
	fields: [ticketLocator(), { ...buildOnly(attributePairsProperty()), anyValue: ['value'] }],
	collections: [
		{
			...UPDATE,
			options: [
				{
					in: 'body',
					key: 'ticket_state_id',
					idFormat: ID_FORMATS.numeric,
					property: dynamicOptions(STATE.name, STATE.displayName, 'getTicketStates', {
						typeOptions: { loadOptionsMethod: 'getTicketStates', loadOptionsDependsOn: ['ticketId'] },
						description: "One of the states of the ticket's type. Choose from the list, or specify an ID using an <a href=\"https://docs.n8n.io/code/expressions/\">expression</a>.",
					}),
				},
				{
					in: 'body',
					key: 'open',
					property: { displayName: 'Open', name: 'open', type: 'boolean', default: true, description: 'Whether the ticket is open; closing it also ends a snooze' },
				},
				{
					in: 'body',
					key: 'snoozed_until',
					convert: 'unixSeconds',
					property: { displayName: 'Snoozed Until', name: 'snoozedUntil', type: 'dateTime', default: '', description: 'Snooze the ticket until this time, when it reopens' },
				},
				{
					in: 'body',
					key: 'assignee_id',
					idFormat: ID_FORMATS.numeric,
					property: dynamicOptions('assigneeId', 'Assignee Name or ID', 'getTicketAssignees', {
						description: 'An admin or a team ("Unassigned" is 0). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					}),
				},
				{
					in: 'body',
					key: 'admin_id',
					// The API takes this one as a number (update_ticket_request.admin_id is an integer);
					// the conversion refuses anything but a whole number.
					convert: 'integer',
					property: dynamicOptions('actingAdminId', 'Acting Admin Name or ID', 'getAdmins', {
						description: 'The admin the change is made on behalf of (recorded in the ticket). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					}),
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
					key: 'is_shared',
					property: { displayName: 'Shared With Customer', name: 'isShared', type: 'boolean', default: true, description: 'Whether the contact can see the ticket' },
				},
				{
					in: 'body',
					key: 'skip_notifications',
					property: { displayName: 'Skip Notifications', name: 'skipNotifications', type: 'boolean', default: false, description: 'Whether to update the ticket without notifying anyone' },
				},
				attributesJsonOption(),
			],
		},
	],
	build: async (ctx, request) => {
		const json = ctx.param<IDataObject>(UPDATE.name, {})[ATTRIBUTES_JSON.name];
		const hasPairs = ((ctx.param<IDataObject>('ticketAttributes', {})?.attribute ?? []) as unknown[]).length > 0;
		const hasJson = json !== undefined && json !== '' && json !== '{}';
		if (request.body.ticket_state_id === undefined && !hasPairs && !hasJson) return;
		// A state or attributes belong to the ticket's type: read it, and check before sending. The
		// attribute parameters are read (and so type-checked) first, so bad input sends nothing.
		ctx.param(ATTRIBUTES.name, {});
		const ticket = await ctx.client.request<IDataObject>({
			method: 'GET',
			path: '/tickets/{ticket_id}',
			pathParams: request.pathParams as Record<string, string>,
			pathLabels: TICKET_PATH_LABELS,
			subject: 'Ticket',
			itemIndex: ctx.itemIndex,
		});
		const type = await fetchTicketType(ctx, String((ticket.ticket_type as IDataObject | undefined)?.id ?? ''));
		const stateId = request.body.ticket_state_id;
		if (stateId !== undefined) {
			const states = (((type.ticket_states as IDataObject | undefined)?.data ?? []) as IDataObject[]).map((s) => String(s.id));
			if (!states.includes(String(stateId))) {
				failParameter(ctx.fn.getNode(), STATE.displayName, ctx.itemIndex, `state ${String(stateId)} is not a state of the ticket type "${String(type.name)}"`, `Its states: ${states.join(', ')}`);
			}
		}
		const attributes = ticketAttributes(ctx, type, { creating: false, json });
		if (attributes) request.body.ticket_attributes = attributes;
	},
};
