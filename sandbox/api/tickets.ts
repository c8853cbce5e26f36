/**
 * Handlers for the Tickets, Ticket Types, Ticket Type Attributes and Ticket States operations of
 * the 2.14 spec, and the job status of a ticket created in the background.
 */
import { attachmentsOf } from '../store/media-ops';
import { notFound } from '../errors';
import { pageOfResults, parsePerPage, SortValue } from '../pagination';
import { compileQuery } from '../search';
import { ticketSearchModel } from '../ticket-search-fields';
import { presentTagBasic } from './present-contacts';
import * as ops from '../store/ticket-ops';
import * as types from '../store/ticket-type-ops';
import type { Workspace } from '../store/workspace';
import { ApiContext, RouteTable, str } from './context';
import { presentJob, presentTicket, presentTicketReply, presentTicketStates, presentTicketType, presentTicketTypeAttribute } from './present-tickets';

/** Background jobs run before any request that could see what they made. */
function withJobs<T>(handler: (ctx: ApiContext) => T): (ctx: ApiContext) => T {
	return (ctx) => {
		ops.runDueJobs(ctx.ws);
		return handler(ctx);
	};
}

function ticketType(ws: Workspace, id: string) {
	const type = presentTicketType(ws, id);
	if (!type) throw notFound('Ticket type not found');
	return type;
}

/** Search results in created_at order (Intercom documents no sort for ticket search). */
function search({ ws, body }: ApiContext) {
	const predicate = compileQuery(body.query, ticketSearchModel(ws));
	const perPage = parsePerPage(body.pagination?.per_page, 20);
	const matches = [...ws.tickets.values()].filter(predicate);
	const page = pageOfResults(matches, (t) => t.created_at as SortValue, 'asc', perPage, str(body.pagination?.starting_after));
	return { type: 'ticket.list', tickets: page.items.map((t) => presentTicket(ws, t)), total_count: page.total, pages: page.pages };
}

function attributeOf(ws: Workspace, typeId: string, attributeId: string) {
	const type = ws.ticketTypes.get(typeId)!;
	const index = type.attributes.findIndex((a) => a.id === attributeId);
	return presentTicketTypeAttribute(ws, type, type.attributes[index], index);
}

export const ticketRoutes: RouteTable = {
	'POST /tickets': withJobs(({ ws, body }) => presentTicket(ws, ops.createTicket(ws, body ?? {}))),
	'POST /tickets/enqueue': withJobs(({ ws, body }) => presentJob(ws, ws.jobs.get(ops.enqueueTicket(ws, body ?? {}, 0))!)),
	'GET /jobs/status/{job_id}': withJobs(({ ws, params }) => {
		const job = ws.jobs.get(params.job_id);
		if (!job) throw notFound('Job not found');
		return presentJob(ws, job);
	}),
	'GET /tickets/{ticket_id}': withJobs(({ ws, params }) => presentTicket(ws, ops.requireTicket(ws, params.ticket_id))),
	'PUT /tickets/{ticket_id}': withJobs(({ ws, params, body }) => presentTicket(ws, ops.updateTicket(ws, params.ticket_id, body ?? {}))),
	'DELETE /tickets/{ticket_id}': withJobs(({ ws, params }) => {
		ops.deleteTicket(ws, params.ticket_id);
		return { id: params.ticket_id, object: 'ticket', deleted: true };
	}),
	'POST /tickets/{ticket_id}/reply': withJobs(({ ws, params, body, origin }) => {
		const part = ops.replyToTicket(ws, params.ticket_id, body ?? {});
		// Ticket replies take attachment URLs only (no uploaded files).
		part.attachments = attachmentsOf(ws, origin ?? '', { attachment_urls: body?.attachment_urls });
		return presentTicketReply(part);
	}),
	'POST /tickets/search': withJobs(search),
	'POST /tickets/{ticket_id}/tags': withJobs(({ ws, params, body }) => {
		ops.tagTicket(ws, params.ticket_id, String(body.id), String(body.admin_id));
		return { ...presentTagBasic(ws.tags.get(String(body.id))!), applied_at: ws.now(), applied_by: { type: 'admin', id: String(body.admin_id) } };
	}),
	'DELETE /tickets/{ticket_id}/tags/{tag_id}': withJobs(({ ws, params, body }) => {
		ops.untagTicket(ws, params.ticket_id, params.tag_id, String(body?.admin_id));
		return presentTagBasic(ws.tags.get(params.tag_id)!);
	}),
	'GET /ticket_types': ({ ws }) => ({ type: 'list', data: [...ws.ticketTypes.keys()].map((id) => presentTicketType(ws, id)) }),
	'GET /ticket_types/{ticket_type_id}': ({ ws, params }) => ticketType(ws, params.ticket_type_id),
	'POST /ticket_types': ({ ws, body }) => ticketType(ws, types.createTicketType(ws, body ?? {}).id),
	'PUT /ticket_types/{ticket_type_id}': ({ ws, params, body }) => ticketType(ws, types.updateTicketType(ws, params.ticket_type_id, body ?? {}).id),
	'POST /ticket_types/{ticket_type_id}/attributes': ({ ws, params, body }) =>
		attributeOf(ws, params.ticket_type_id, types.createTicketTypeAttribute(ws, params.ticket_type_id, body ?? {}).id),
	'PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}': ({ ws, params, body }) =>
		attributeOf(ws, params.ticket_type_id, types.updateTicketTypeAttribute(ws, params.ticket_type_id, params.attribute_id, body ?? {}).id),
	'GET /ticket_states': ({ ws }) => presentTicketStates(ws),
};
