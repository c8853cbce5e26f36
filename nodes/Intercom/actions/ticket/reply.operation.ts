import { reply as conversationReply } from '../conversation/reply.operation';
import type { OperationDefinition } from '../types';
import { TICKET_PATH_LABELS, ticketLocator } from './shared';

/**
 * A ticket takes the replies a conversation takes (an admin's comment, note or quick reply, or the
 * contact's reply), in the same request body, so the reply operation is the conversation's with
 * the ticket in its place. Intercom refuses contact replies on back-office and tracker tickets.
 * Files: URLs only, as the spec's ticket reply bodies have no `attachment_files`.
 */
export const reply: OperationDefinition = {
	...conversationReply,
	resource: 'ticket',
	action: 'Reply to a ticket',
	description: 'Add a reply to a ticket: as an admin (a message the contact sees, an internal note, or quick reply buttons) or as the contact (customer tickets)',
	path: '/tickets/{ticket_id}/reply',
	pathLabels: TICKET_PATH_LABELS,
	subject: 'Ticket',
	fields: [ticketLocator(), ...conversationReply.fields.filter((f) => f.property.name !== 'conversationId')],
	// Intercom takes attachment URLs on ticket replies, but no uploaded files.
	collections: conversationReply.collections?.map((c) => ({ ...c, options: c.options.filter((o) => o.key !== 'attachment_files') })),
};
