import { downloadAttachmentsOption } from '../conversation/shared';
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
	collections: [{ name: 'options', displayName: 'Options', placeholder: 'Add Option', options: [downloadAttachmentsOption()] }],
	linkedFiles: { option: 'options.downloadAttachments', lists: ['ticket_parts.ticket_parts.*.attachments'], prefix: 'attachment_' },
};
