import type { IDataObject } from 'n8n-workflow';

import { readContactIdentifier } from '../conversation/shared';
import { ID_FORMATS, resourceLocator } from '../fields';
import type { FieldSpec, OperationContext } from '../types';

export const TICKET_PATH_LABELS = { ticket_id: 'Ticket', tag_id: 'Tag' };

/** A ticket: from a searchable list, by ID, or by its Intercom app URL (inbox or tickets view). */
export function ticketLocator(): FieldSpec {
	return resourceLocator({
		name: 'ticketId',
		displayName: 'Ticket',
		key: 'ticket_id',
		idFormat: ID_FORMATS.numeric,
		searchMethod: 'searchTickets',
		placeholderId: '626',
		urlPath: '(?:inbox|apps)\\/[^/]+\\/.*?(?:tickets?|conversations?)\\/(\\d+)',
		placeholderUrl: 'https://app.intercom.com/a/inbox/abc123/inbox/ticket/626',
		description: "The ticket's ID as the API gives it (not the #number the Inbox shows)",
	});
}

/** The contact a new ticket is for, as create_ticket_request names it ({id} | {external_id} | {email}). */
export function readTicketContact(ctx: OperationContext): IDataObject {
	const identifier = readContactIdentifier(ctx);
	if (identifier.intercom_user_id !== undefined) return { id: identifier.intercom_user_id };
	if (identifier.user_id !== undefined) return { external_id: identifier.user_id };
	return { email: identifier.email };
}
