import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { readContactIdentifier } from '../conversation/shared';
import { ID_FORMATS } from '../fields';
import type { FieldSpec, OperationContext } from '../types';

export const TICKET_PATH_LABELS = { ticket_id: 'Ticket', tag_id: 'Tag' };

// Intercom app URLs, in any region, of a ticket in the inbox or the tickets view.
const APP = 'https?:\\/\\/app(?:\\.eu|\\.au)?\\.intercom\\.(?:com|io)\\/a\\/';

/** A ticket: from a searchable list, by ID, or by its Intercom app URL. */
export function ticketLocator(name = 'ticketId', key = 'ticket_id'): FieldSpec {
	const property: INodeProperties = {
		displayName: 'Ticket',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "The ticket's ID as the API gives it (not the #number the Inbox shows)",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTickets', searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '626',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'Not a valid Ticket ID' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://app.intercom.com/a/inbox/abc123/inbox/ticket/626',
				validation: [
					{ type: 'regex', properties: { regex: `${APP}(?:inbox|apps)\\/[^/]+\\/.*?(?:tickets?|conversations?)\\/(\\d+).*`, errorMessage: 'Not an Intercom Ticket URL' } },
				],
				extractValue: { type: 'regex', regex: `${APP}(?:inbox|apps)\\/[^/]+\\/.*?(?:tickets?|conversations?)\\/(\\d+)` },
			},
		],
	};
	return { in: 'path', key, idFormat: ID_FORMATS.numeric, property };
}

/** The contact a new ticket is for, as create_ticket_request names it ({id} | {external_id} | {email}). */
export function readTicketContact(ctx: OperationContext): IDataObject {
	const identifier = readContactIdentifier(ctx);
	if (identifier.intercom_user_id !== undefined) return { id: identifier.intercom_user_id };
	if (identifier.user_id !== undefined) return { external_id: identifier.user_id };
	return { email: identifier.email };
}
