/**
 * The sandbox's tickets as Intercom serves them, called directly: every ticket operation (and the
 * job status) answers with the shape its spec schema describes, and the sandbox refuses what
 * Intercom refuses: a state of another ticket type, an attribute the type does not have, a missing
 * required attribute, a contact's reply on a back-office ticket. States, `open` and parts agree.
 */
import { loadSpec, type RunningSandbox, startSandbox } from '../../sandbox';
import { routes } from '../../sandbox/api/routes';
import { ticketRoutes } from '../../sandbox/api/tickets';
import { answeredInShape, refusedWith } from '../sandbox/helpers';

let sb: RunningSandbox;
const TICKET_TAGS = ['Tickets', 'Ticket Types', 'Ticket Type Attributes', 'Ticket States'];

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 10, conversations: 2, tickets: 8 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const seen = new Set<string>();

const ok = (key: string, path: string, body?: unknown) => answeredInShape(sb, key, path, body, { seen });

const refused = (method: string, path: string, body: unknown, status: number, code: string) => refusedWith(sb, method, path, body, status, code);

const types = () => [...sb.workspace.ticketTypes.values()];
const customer = () => types().find((t) => t.category === 'Customer')!;
const backOffice = () => types().find((t) => t.category === 'Back-office')!;
const statesOf = (typeId: string) => [...sb.workspace.ticketStates.values()].filter((s) => s.ticketTypeIds.includes(typeId));
const admin = () => [...sb.workspace.admins.keys()][0];
const contact = () => sb.workspace.contacts.all().find((c) => c.role === 'user')!;

it('serves every Tickets, Ticket Types, Ticket Type Attributes and Ticket States operation', () => {
	const keys = Object.entries(loadSpec().operations)
		.filter(([, op]) => op.tags.some((t) => TICKET_TAGS.includes(t)))
		.map(([key]) => key);
	expect(keys).toHaveLength(16);
	expect(keys.filter((key) => !routes[key])).toEqual([]);
	expect(routes['GET /jobs/status/{job_id}']).toBeDefined();
});

describe('tickets', () => {
	it('answers every ticket operation in the spec shape, moving through the state machine', async () => {
		const type = customer();
		const created = await ok('POST /tickets', '/tickets', { ticket_type_id: type.id, contacts: [{ id: contact().id }], ticket_attributes: { _default_title_: 'Broken' } });
		expect(created).toMatchObject({ open: true, ticket_state: { category: 'submitted' }, admin_assignee_id: '0' });
		expect(created.ticket_parts.ticket_parts).toEqual([expect.objectContaining({ part_type: 'ticket_state_updated_by_admin', previous_ticket_state: 'submitted', ticket_state: 'submitted' })]);
		const id = created.id as string;
		await ok('GET /tickets/{ticket_id}', `/tickets/${id}`);

		const waiting = statesOf(type.id).find((s) => s.category === 'waiting_on_customer')!;
		const moved = await ok('PUT /tickets/{ticket_id}', `/tickets/${id}`, { ticket_state_id: waiting.id, admin_id: Number(admin()), assignee_id: admin() });
		expect(moved).toMatchObject({ ticket_state: { id: waiting.id }, admin_assignee_id: admin() });
		// The customer's reply puts a ticket waiting on them back in progress.
		const reply = await ok('POST /tickets/{ticket_id}/reply', `/tickets/${id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: contact().id, body: 'Here you go' });
		expect(reply).toMatchObject({ type: 'ticket_part', part_type: 'comment', author: { id: contact().id } });
		expect(sb.workspace.tickets.get(id)!.ticketStateId).toBe(statesOf(type.id).find((s) => s.category === 'in_progress')!.id);

		const closed = await ok('PUT /tickets/{ticket_id}', `/tickets/${id}`, { open: false });
		expect(closed).toMatchObject({ open: false, ticket_state: { category: 'resolved' } });
		const reopened = await ok('PUT /tickets/{ticket_id}', `/tickets/${id}`, { open: true });
		expect(reopened).toMatchObject({ open: true, ticket_state: { category: 'in_progress' } });

		const [tag] = sb.workspace.tags.keys();
		await ok('POST /tickets/{ticket_id}/tags', `/tickets/${id}/tags`, { id: tag, admin_id: admin() });
		await ok('DELETE /tickets/{ticket_id}/tags/{tag_id}', `/tickets/${id}/tags/${tag}`, { admin_id: admin() });

		const found = await ok('POST /tickets/search', '/tickets/search', { query: { operator: 'AND', value: [{ field: 'id', operator: '=', value: id }, { field: 'category', operator: '=', value: 'request' }] } });
		expect(found.tickets.map((t: { id: string }) => t.id)).toEqual([id]);
		expect(await ok('DELETE /tickets/{ticket_id}', `/tickets/${id}`)).toEqual({ id, object: 'ticket', deleted: true });
		await refused('GET', `/tickets/${id}`, undefined, 404, 'not_found');
	});

	it('runs a background creation as a job at the next request', async () => {
		const before = sb.workspace.tickets.size;
		const job = await ok('POST /tickets/enqueue', '/tickets/enqueue', { ticket_type_id: customer().id, contacts: [{ email: 'new.person@example.com' }] });
		expect(job).toMatchObject({ type: 'job', status: 'pending', resource_id: null });
		expect(sb.workspace.tickets.size).toBe(before);
		const status = await ok('GET /jobs/status/{job_id}', `/jobs/status/${job.id}`);
		expect(status).toMatchObject({ status: 'success', resource_type: 'ticket', resource_url: expect.stringContaining(`/tickets/${status.resource_id}`) });
		// "If a contact with this email does not exist, one will be created."
		expect(sb.workspace.contactByEmail('new.person@example.com')?.role).toBe('lead');
		await refused('POST', '/tickets/enqueue', { ticket_type_id: customer().id, contacts: [{ id: contact().id }], ticket_attributes: { nope: 1 } }, 400, 'parameter_invalid');
	});

	it('refuses what Intercom refuses, changing nothing', async () => {
		const type = customer();
		const ticket = [...sb.workspace.tickets.values()].find((t) => t.ticketTypeId === backOffice().id)!;
		const foreign = [...sb.workspace.ticketStates.values()].find((s) => !s.ticketTypeIds.includes(ticket.ticketTypeId))!;
		const updatedAt = ticket.updated_at;
		expect(await refused('PUT', `/tickets/${ticket.id}`, { ticket_state_id: foreign.id }, 400, 'ticket_state_id_invalid')).toMatch(/not associated with the ticket type/);
		expect(await refused('PUT', `/tickets/${ticket.id}`, { ticket_attributes: { priority: 'High' }, open: false }, 400, 'parameter_invalid')).toMatch(/does not exist on ticket type/);
		expect(sb.workspace.tickets.get(ticket.id)).toMatchObject({ updated_at: updatedAt });
		expect(await refused('POST', `/tickets/${ticket.id}/reply`, { type: 'user', message_type: 'comment', intercom_user_id: contact().id, body: 'hi' }, 400, 'parameter_mismatch')).toBe(
			'User replies are not allowed on Backoffice tickets',
		);
		const priority = type.attributes.find((a) => a.name === 'priority')!;
		expect(await refused('POST', '/tickets', { ticket_type_id: type.id, contacts: [{ id: contact().id }], ticket_attributes: { priority: 'Whenever' } }, 400, 'parameter_invalid')).toMatch(/must be one of/);
		priority.required = true;
		try {
			expect(await refused('POST', '/tickets', { ticket_type_id: type.id, contacts: [{ id: contact().id }] }, 400, 'parameter_invalid')).toBe('Missing required ticket attributes');
		} finally {
			priority.required = false;
		}
	});

	it('searches dates to the second, with > and < including the boundary', async () => {
		const t = [...sb.workspace.tickets.values()][2];
		const ids = async (operator: string, value: number) =>
			((await ok('POST /tickets/search', '/tickets/search', { query: { field: 'created_at', operator, value } })).tickets as Array<{ id: string }>).map((x) => x.id);
		expect(await ids('>', t.created_at)).toContain(t.id);
		expect(await ids('<', t.created_at)).toContain(t.id);
		expect(await ids('>', t.created_at + 1)).not.toContain(t.id);
	});
});

describe('ticket types, attributes and states', () => {
	it('answers each operation in the spec shape; a new type gets the default attributes and states', async () => {
		expect((await ok('GET /ticket_types', '/ticket_types')).data).toHaveLength(types().length);
		const type = await ok('POST /ticket_types', '/ticket_types', { name: 'Outage', category: 'Tracker', icon: '🔥' });
		expect(type.ticket_type_attributes.data.map((a: { name: string }) => a.name)).toEqual(['_default_title_', '_default_description_']);
		expect(type.ticket_states.data.map((s: { category: string }) => s.category)).toEqual(['submitted', 'in_progress', 'waiting_on_customer', 'resolved']);
		await ok('GET /ticket_types/{ticket_type_id}', `/ticket_types/${type.id}`);
		expect(await ok('PUT /ticket_types/{ticket_type_id}', `/ticket_types/${type.id}`, { archived: true })).toMatchObject({ archived: true });
		const attribute = await ok('POST /ticket_types/{ticket_type_id}/attributes', `/ticket_types/${type.id}/attributes`, { name: 'region', description: 'Where', data_type: 'list', list_items: 'EU,US' });
		expect(attribute.input_options.list_options.map((o: { label: string }) => o.label)).toEqual(['EU', 'US']);
		await ok('PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}', `/ticket_types/${type.id}/attributes/${attribute.id}`, { visible_to_contacts: false });
		await refused('POST', `/ticket_types/${type.id}/attributes`, { name: 'size', description: 'x', data_type: 'list' }, 400, 'parameter_invalid');
		await refused('POST', '/tickets', { ticket_type_id: type.id, contacts: [{ id: contact().id }] }, 400, 'parameter_invalid'); // archived
		const states = await ok('GET /ticket_states', '/ticket_states');
		expect(states.data.find((s: { internal_label: string }) => s.internal_label === 'Needs triage').ticket_types.data).toHaveLength(1);
	});
});

// Runs last: the shapes of every ticket route were checked above.
it('checked every ticket route', () => {
	expect(Object.keys(ticketRoutes).filter((key) => !seen.has(key))).toEqual([]);
});
