import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';
import { getPath, itemsOf } from '../../shared/transport/pagination';

// Every exported function here is a listSearch method (the node registers the whole module).

const PAGE_SIZE = 20;
const NAME_LENGTH = 80;

function ticketName(ticket: IDataObject): string {
	const attributes = (ticket.ticket_attributes ?? {}) as IDataObject;
	const title = String(attributes._default_title_ ?? '').replace(/\s+/g, ' ').trim();
	const shown = title.length > NAME_LENGTH ? `${title.slice(0, NAME_LENGTH - 1)}…` : title;
	const type = String((ticket.ticket_type as IDataObject | undefined)?.name ?? 'Ticket');
	return `${shown || type} (#${String(ticket.ticket_id ?? ticket.id)})`;
}

/**
 * Tickets for the resource locator: without a filter, every ticket (the 2.14 API lists tickets
 * only through search); with one, tickets whose title or description contains it, or whose ID it is.
 */
export async function searchTickets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const query: IDataObject =
		text === ''
			? { field: 'created_at', operator: '>', value: 0 }
			: {
					operator: 'OR',
					value: [
						{ field: 'title', operator: '~', value: text },
						{ field: 'description', operator: '~', value: text },
						...(/^\d{1,20}$/.test(text) ? [{ field: 'id', operator: '=', value: text }] : []),
					],
				};
	const pagination: IDataObject = { per_page: PAGE_SIZE };
	if (paginationToken) pagination.starting_after = paginationToken;
	const client = await IntercomClient.create(this);
	const body = await client.request<IDataObject>({ method: 'POST', path: '/tickets/search', body: { query, pagination }, idempotent: true });
	const results = itemsOf(body, 'tickets').map((t) => ({ name: ticketName(t), value: String(t.id) }));
	const next = getPath(body, 'pages.next.starting_after');
	return { results, paginationToken: typeof next === 'string' && next !== '' ? next : undefined };
}
