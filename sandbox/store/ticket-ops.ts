/**
 * Ticket mutations. A ticket lives in one of its type's states (a workspace's states each belong to
 * some ticket types); every change appends a ticket part, as Intercom records it: a state change
 * (`ticket_state_updated_by_admin`, with the previous and new state category), an assignment, a
 * snooze, an attribute change, a reply or a note. Resolving closes a ticket and reopening takes it
 * out of the resolved state, so `open` and the state never disagree. Each change is logged once.
 */
import { badRequest, notFound } from '../errors';
import { createContact } from './contact-ops';
import { adminAuthor, contactAuthor, requireAdmin } from './conversation-ops';
import { checkAttributes, ensureDefaultStates, statesOf } from './ticket-type-ops';
import type {
	ContactRecord,
	PartAuthor,
	TicketPartRecord,
	TicketRecord,
	TicketStateCategory,
	TicketStateRecord,
	TicketTypeRecord,
} from './types';
import type { Workspace } from './workspace';

function firstState(ws: Workspace, typeId: string, category: TicketStateCategory): TicketStateRecord {
	const state = statesOf(ws, typeId).find((s) => s.category === category);
	if (!state) throw badRequest(`The ticket type has no ${category} state`, 'ticket_state_id_invalid');
	return state;
}

export function requireTicket(ws: Workspace, id: string): TicketRecord {
	const ticket = ws.tickets.get(id);
	if (!ticket) throw notFound('Ticket not found');
	return ticket;
}

export function requireTicketType(ws: Workspace, id: unknown, field = 'ticket_type_id'): TicketTypeRecord {
	const type = id === undefined || id === null ? undefined : ws.ticketTypes.get(String(id));
	if (!type) throw badRequest('Ticket type not found', 'parameter_invalid', field);
	return type;
}

export function stateOf(ws: Workspace, ticket: TicketRecord): TicketStateRecord {
	return ws.ticketStates.get(ticket.ticketStateId) ?? firstState(ws, ticket.ticketTypeId, 'submitted');
}

// --- parts --------------------------------------------------------------------------------

function botAuthor(ws: Workspace): PartAuthor {
	return { type: 'bot', id: ws.meAdmin().id, name: 'Operator', email: `operator+${ws.idCode}@intercom.io` };
}

function authorFor(ws: Workspace, adminId: unknown): PartAuthor {
	return adminId === undefined || adminId === null ? botAuthor(ws) : adminAuthor(ws, String(adminId));
}

export function appendTicketPart(
	ws: Workspace,
	ticket: TicketRecord,
	part: Omit<TicketPartRecord, 'id' | 'created_at' | 'updated_at' | 'body' | 'assigned_to'> & Partial<Pick<TicketPartRecord, 'body' | 'assigned_to'>>,
	at: number = ws.now(),
): TicketPartRecord {
	at = Math.max(at, ticket.updated_at);
	const record: TicketPartRecord = { body: null, assigned_to: null, ...part, id: ws.nextNumericId('part'), created_at: at, updated_at: at };
	ticket.parts.push(record);
	ticket.updated_at = at;
	ws.changes.record('ticket.part.created', ticket.id, at, { part_type: record.part_type, part_id: record.id });
	return record;
}

/** Moves a ticket to a state of its type, with the part that records it; resolving closes the ticket. */
export function moveToState(ws: Workspace, ticket: TicketRecord, state: TicketStateRecord, author: PartAuthor, at?: number): void {
	const previous = stateOf(ws, ticket);
	ticket.ticketStateId = state.id;
	ticket.open = state.category !== 'resolved';
	if (!ticket.open) ticket.snoozed_until = null;
	const part = appendTicketPart(ws, ticket, { part_type: 'ticket_state_updated_by_admin', author, previous_ticket_state: previous.category, ticket_state: state.category }, at);
	ws.changes.record('ticket.state_changed', ticket.id, part.created_at, { from: previous.id, to: state.id, part_id: part.id });
}

// --- tickets ------------------------------------------------------------------------------

function findOrCreateContact(ws: Workspace, ref: unknown): ContactRecord {
	const r = (ref ?? {}) as { id?: unknown; external_id?: unknown; email?: unknown };
	let contact: ContactRecord | undefined;
	if (r.id !== undefined) contact = ws.contact(String(r.id));
	else if (r.external_id !== undefined) {
		const id = ws.contactsByExternalId.get(String(r.external_id));
		contact = id ? ws.contact(id) : undefined;
	} else if (r.email !== undefined) {
		// "If a contact with this email does not exist, one will be created."
		contact = ws.contactByEmail(String(r.email)) ?? createContact(ws, { email: String(r.email), role: 'lead' });
	} else throw badRequest('Each contact needs an id, external_id or email', 'parameter_invalid', 'contacts');
	if (!contact) throw notFound('Contact not found');
	return contact;
}

export interface CreateTicketInput {
	ticket_type_id?: unknown;
	contacts?: unknown;
	ticket_attributes?: unknown;
	company_id?: unknown;
	conversation_to_link_id?: unknown;
	created_at?: unknown;
	assignment?: { admin_assignee_id?: unknown; team_assignee_id?: unknown };
}

/** Checks a create request the way Intercom does before it creates (or enqueues) anything. */
export function checkCreate(ws: Workspace, input: CreateTicketInput): { type: TicketTypeRecord; attributes: Record<string, unknown> } {
	const type = requireTicketType(ws, input.ticket_type_id);
	if (type.archived) throw badRequest('Ticket type is archived', 'parameter_invalid', 'ticket_type_id');
	if (!Array.isArray(input.contacts) || input.contacts.length === 0) throw badRequest('contacts is required', 'parameter_invalid', 'contacts');
	if (input.contacts.length > 1) throw badRequest('Only one contact is allowed', 'parameter_invalid', 'contacts');
	const attributes = checkAttributes(type, input.ticket_attributes, true);
	if (input.company_id !== undefined && !ws.companies.get(String(input.company_id))) throw notFound('Company Not Found');
	if (input.conversation_to_link_id !== undefined && !ws.conversations.get(String(input.conversation_to_link_id))) {
		throw notFound('Conversation Not Found');
	}
	if (input.assignment?.admin_assignee_id !== undefined) requireAdmin(ws, String(input.assignment.admin_assignee_id));
	if (input.assignment?.team_assignee_id !== undefined && !ws.teams.has(String(input.assignment.team_assignee_id))) throw notFound('Team Not Found');
	return { type, attributes };
}

export function createTicket(ws: Workspace, input: CreateTicketInput, options: { at?: number; author?: PartAuthor } = {}): TicketRecord {
	const { type, attributes } = checkCreate(ws, input);
	ensureDefaultStates(ws);
	const contact = findOrCreateContact(ws, (input.contacts as unknown[])[0]);
	const at = options.at ?? (typeof input.created_at === 'number' ? input.created_at : ws.now());
	const submitted = firstState(ws, type.id, 'submitted');
	const ticket: TicketRecord = {
		id: ws.nextNumericId('ticket'),
		ticket_id: String(Math.max(0, ...[...ws.tickets.values()].map((t) => Number(t.ticket_id))) + 1),
		ticketTypeId: type.id,
		ticketStateId: submitted.id,
		conversationId: input.conversation_to_link_id === undefined ? null : String(input.conversation_to_link_id),
		created_at: at,
		updated_at: at,
		attributes: { ...attributes },
		contactIds: [contact.id],
		companyId: input.company_id === undefined ? null : String(input.company_id),
		admin_assignee_id: input.assignment?.admin_assignee_id === undefined ? null : String(input.assignment.admin_assignee_id),
		team_assignee_id: input.assignment?.team_assignee_id === undefined ? null : String(input.assignment.team_assignee_id),
		open: true,
		snoozed_until: null,
		is_shared: type.category === 'Customer',
		tags: [],
		parts: [],
	};
	ws.tickets.set(ticket.id, ticket);
	// Intercom records the initial state as a state part (submitted → submitted).
	ticket.parts.push({
		id: ws.nextNumericId('part'),
		part_type: 'ticket_state_updated_by_admin',
		body: null,
		created_at: at,
		updated_at: at,
		author: options.author ?? botAuthor(ws),
		assigned_to: null,
		previous_ticket_state: 'submitted',
		ticket_state: 'submitted',
	});
	ws.changes.record('ticket.created', ticket.id, at, { ticket_type_id: type.id });
	return ticket;
}

/** A conversation turned into a ticket (POST /conversations/{id}/convert). */
export function convertConversation(ws: Workspace, conversationId: string, typeId: unknown, attributes: unknown): TicketRecord {
	const conversation = ws.conversations.get(conversationId);
	if (!conversation) throw notFound('Conversation Not Found');
	if (conversation.ticketId) throw badRequest('Conversation has already been converted to a ticket', 'parameter_invalid');
	const contactId = conversation.contactIds[0];
	const ticket = createTicket(ws, { ticket_type_id: typeId, contacts: [{ id: contactId }], ticket_attributes: attributes });
	ticket.conversationId = conversation.id;
	conversation.ticketId = ticket.id;
	conversation.updated_at = Math.max(ticket.created_at, conversation.updated_at);
	ws.changes.record('conversation.converted', conversation.id, conversation.updated_at, { ticket_id: ticket.id });
	return ticket;
}

export interface UpdateTicketInput {
	ticket_attributes?: unknown;
	ticket_state_id?: unknown;
	company_id?: unknown;
	open?: unknown;
	is_shared?: unknown;
	snoozed_until?: unknown;
	admin_id?: unknown;
	assignee_id?: unknown;
}

export function updateTicket(ws: Workspace, id: string, input: UpdateTicketInput): TicketRecord {
	const ticket = requireTicket(ws, id);
	const type = requireTicketType(ws, ticket.ticketTypeId);
	// Everything is checked before anything changes.
	const attributes = input.ticket_attributes === undefined ? {} : checkAttributes(type, input.ticket_attributes, false);
	let state: TicketStateRecord | undefined;
	if (input.ticket_state_id !== undefined) {
		state = ws.ticketStates.get(String(input.ticket_state_id));
		if (!state || state.archived || !state.ticketTypeIds.includes(type.id)) {
			throw badRequest('Ticket state id is not valid or is not associated with the ticket type', 'ticket_state_id_invalid');
		}
	}
	if (input.admin_id !== undefined) requireAdmin(ws, String(input.admin_id));
	let assignee: { type: 'admin' | 'team' | 'nobody_admin'; id: string } | undefined;
	if (input.assignee_id !== undefined) {
		const to = String(input.assignee_id);
		if (to === '0') assignee = { type: 'nobody_admin', id: '0' };
		else if (ws.admins.has(to)) assignee = { type: 'admin', id: to };
		else if (ws.teams.has(to)) assignee = { type: 'team', id: to };
		else throw notFound('Assignee not found');
	}
	if (input.company_id !== undefined && input.company_id !== null && !ws.companies.get(String(input.company_id))) throw notFound('Company Not Found');
	if (input.snoozed_until !== undefined && (typeof input.snoozed_until !== 'number' || input.snoozed_until <= ws.now())) {
		throw badRequest('snoozed_until must be a time in the future', 'parameter_invalid', 'snoozed_until');
	}

	const author = authorFor(ws, input.admin_id);
	const before = ticket.updated_at;
	for (const [name, value] of Object.entries(attributes)) {
		ticket.attributes[name] = value;
		const attribute = type.attributes.find((a) => a.name === name)!;
		appendTicketPart(ws, ticket, {
			part_type: 'ticket_attribute_updated_by_admin',
			author,
			updated_attribute_data: {
				attribute: { type: 'attribute', id: attribute.id, label: attribute.name },
				value: { type: 'value', id: null, label: value === null ? '' : String(value) },
			},
		});
	}
	if (state && state.id !== ticket.ticketStateId) moveToState(ws, ticket, state, author);
	if (input.open === false && ticket.open) moveToState(ws, ticket, firstState(ws, type.id, 'resolved'), author);
	if (input.open === true && !ticket.open) moveToState(ws, ticket, firstState(ws, type.id, 'in_progress'), author);
	if (assignee) {
		ticket.admin_assignee_id = assignee.type === 'admin' ? assignee.id : assignee.type === 'nobody_admin' ? null : ticket.admin_assignee_id;
		ticket.team_assignee_id = assignee.type === 'team' ? assignee.id : ticket.team_assignee_id;
		appendTicketPart(ws, ticket, { part_type: 'assignment', author, assigned_to: assignee });
	}
	if (typeof input.snoozed_until === 'number') {
		if (!ticket.open) throw badRequest('A closed ticket cannot be snoozed', 'parameter_invalid', 'snoozed_until');
		ticket.snoozed_until = input.snoozed_until;
		appendTicketPart(ws, ticket, { part_type: 'snoozed', author });
	}
	if (input.company_id !== undefined) ticket.companyId = input.company_id === null ? null : String(input.company_id);
	if (typeof input.is_shared === 'boolean') ticket.is_shared = input.is_shared;
	if (ticket.updated_at === before) ticket.updated_at = Math.max(ws.now(), before);
	ws.changes.record('ticket.updated', ticket.id, ticket.updated_at);
	return ticket;
}

export function deleteTicket(ws: Workspace, id: string): void {
	requireTicket(ws, id);
	ws.tickets.delete(id);
	for (const conversation of ws.conversations.all()) if (conversation.ticketId === id) conversation.ticketId = null;
	ws.changes.record('ticket.deleted', id, ws.now());
}

export interface TicketReplyInput {
	type?: unknown;
	message_type?: unknown;
	admin_id?: unknown;
	body?: unknown;
	intercom_user_id?: unknown;
	user_id?: unknown;
	email?: unknown;
	reply_options?: unknown;
	created_at?: unknown;
}

export function replyToTicket(ws: Workspace, id: string, input: TicketReplyInput): TicketPartRecord {
	const ticket = requireTicket(ws, id);
	const at = typeof input.created_at === 'number' ? input.created_at : undefined;
	if (input.type === 'admin') {
		const messageType = String(input.message_type);
		if (!['comment', 'note', 'quick_reply'].includes(messageType)) throw badRequest('message_type must be comment, note or quick_reply');
		if (messageType !== 'quick_reply' && (typeof input.body !== 'string' || input.body.trim() === '')) throw badRequest('body is required', 'parameter_invalid', 'body');
		if (messageType === 'quick_reply' && (!Array.isArray(input.reply_options) || input.reply_options.length === 0)) {
			throw badRequest('reply_options is required for a quick reply', 'parameter_invalid', 'reply_options');
		}
		return appendTicketPart(ws, ticket, { part_type: messageType, author: adminAuthor(ws, String(input.admin_id)), body: (input.body as string | undefined) ?? null }, at);
	}
	if (input.type === 'user') {
		const category = requireTicketType(ws, ticket.ticketTypeId).category;
		if (category !== 'Customer') throw badRequest('User replies are not allowed on Backoffice tickets', 'parameter_mismatch');
		let contact: ContactRecord | undefined;
		if (input.intercom_user_id !== undefined) contact = ws.contact(String(input.intercom_user_id));
		else if (input.user_id !== undefined) {
			const cid = ws.contactsByExternalId.get(String(input.user_id));
			contact = cid ? ws.contact(cid) : undefined;
		} else if (input.email !== undefined) contact = ws.contactByEmail(String(input.email));
		else throw badRequest('intercom_user_id, user_id or email is required');
		if (!contact) throw notFound('User Not Found');
		if (typeof input.body !== 'string' || input.body.trim() === '') throw badRequest('body is required', 'parameter_invalid', 'body');
		const part = appendTicketPart(ws, ticket, { part_type: 'comment', author: contactAuthor(contact), body: input.body }, at);
		// A customer's reply to a ticket waiting on them puts it back in progress.
		if (stateOf(ws, ticket).category === 'waiting_on_customer') moveToState(ws, ticket, firstState(ws, ticket.ticketTypeId, 'in_progress'), botAuthor(ws), part.created_at);
		return part;
	}
	throw badRequest('type must be admin or user', 'parameter_invalid', 'type');
}

export function tagTicket(ws: Workspace, id: string, tagId: string, adminId: string): void {
	const ticket = requireTicket(ws, id);
	if (!ws.tags.has(tagId)) throw notFound('Tag not found');
	requireAdmin(ws, adminId);
	if (!ticket.tags.some((t) => t.tagId === tagId)) ticket.tags = [...ticket.tags, { tagId, appliedAt: ws.now(), appliedBy: adminId }];
	ticket.updated_at = Math.max(ws.now(), ticket.updated_at);
	ws.changes.record('ticket.tagged', id, ticket.updated_at, { tag_id: tagId });
}

export function untagTicket(ws: Workspace, id: string, tagId: string, adminId: string): void {
	const ticket = requireTicket(ws, id);
	if (!ws.tags.has(tagId)) throw notFound('Tag not found');
	requireAdmin(ws, adminId);
	if (!ticket.tags.some((t) => t.tagId === tagId)) throw notFound('Tag not found on ticket');
	ticket.tags = ticket.tags.filter((t) => t.tagId !== tagId);
	ticket.updated_at = Math.max(ws.now(), ticket.updated_at);
	ws.changes.record('ticket.untagged', id, ticket.updated_at, { tag_id: tagId });
}

// --- background creation ------------------------------------------------------------------

/** POST /tickets/enqueue: checks the request now, creates the ticket when the job runs. */
export function enqueueTicket(ws: Workspace, input: CreateTicketInput, delaySeconds: number): string {
	checkCreate(ws, input);
	const id = ws.nextNumericId('misc');
	const now = ws.now();
	ws.jobs.set(id, { id, created_at: now, runAt: now + delaySeconds, status: 'pending', resource_type: 'ticket', resource_id: null, request: { ...input } });
	return id;
}

/** Runs the jobs that are due (the sandbox runs them at the next request that can see their result). */
export function runDueJobs(ws: Workspace): void {
	for (const job of ws.jobs.values()) {
		if (job.status !== 'pending' || job.runAt > ws.now()) continue;
		try {
			job.resource_id = createTicket(ws, job.request as CreateTicketInput).id;
			job.status = 'success';
		} catch (error) {
			job.status = 'failed';
			job.error = (error as Error).message;
		}
	}
}
