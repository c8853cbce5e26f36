import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';
import { testVersionAtLeast } from '../helpers/api-version';

/**
 * Every ticket, ticket type, attribute and state operation, end to end against the sandbox: each
 * request must conform to the 2.14 spec, and each answer (and the sandbox's store) must show the
 * change was made.
 */
let sb: RunningSandbox;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function node(resource: 'ticket' | 'ticketType', operation: string, parameters: IDataObject = {}): Promise<IDataObject[]> {
	const result = await runNode({ parameters: { resource, operation, ...parameters }, credentials: credentialsFor(sb.baseUrl, sb.token) });
	if (result.error) throw result.error;
	return result.items.map((i) => i.json);
}
const ticket = (operation: string, parameters: IDataObject = {}) => node('ticket', operation, parameters);
const ticketType = (operation: string, parameters: IDataObject = {}) => node('ticketType', operation, parameters);

// The runs here that fail do so on purpose: n8n's logger (created at the first error, reading this)
// would print each expected error. Restored afterwards, so no other test file is affected.
const logLevel = process.env.N8N_LOG_LEVEL;
beforeAll(() => {
	process.env.N8N_LOG_LEVEL = 'silent';
});
afterAll(() => {
	if (logLevel === undefined) delete process.env.N8N_LOG_LEVEL;
	else process.env.N8N_LOG_LEVEL = logLevel;
});

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 12, conversations: 3, tickets: 6 } });
});
afterAll(async () => await sb.close());

describe('ticket types, attributes and states against the sandbox', () => {
	let typeId: string;
	let attributeId: string;

	it('creates a ticket type, then gets it, lists it and updates it', async () => {
		const [created] = await ticketType('create', { name: 'Hardware fault', additionalFields: { category: 'Back-office', icon: '🔧', description: 'Broken devices' } });
		expect(created).toMatchObject({ type: 'ticket_type', name: 'Hardware fault', category: 'Back-office', icon: '🔧', description: 'Broken devices' });
		typeId = String(created.id);
		expect(sb.workspace.ticketTypes.get(typeId)?.name).toBe('Hardware fault');

		const [got] = await ticketType('get', { ticketTypeId: typeId });
		expect(got).toMatchObject({ id: typeId, name: 'Hardware fault' });
		const all = await ticketType('getMany', {});
		expect(all.map((t) => t.id)).toEqual([...sb.workspace.ticketTypes.keys()]);
		expect(await ticketType('getMany', { returnAll: false, limit: 1 })).toHaveLength(1);

		const [updated] = await ticketType('update', { ticketTypeId: typeId, updateFields: { name: 'Device fault', isInternal: true } });
		expect(updated).toMatchObject({ id: typeId, name: 'Device fault', is_internal: true, category: 'Back-office' });
	});

	it('adds a list attribute to the type and updates it', async () => {
		const [attribute] = await ticketType('createAttribute', {
			ticketTypeId: typeId,
			name: 'severity',
			description: 'How bad it is',
			dataType: 'list',
			additionalFields: { listItems: 'Minor,Major', requiredToCreate: true },
		});
		expect(attribute).toMatchObject({ type: 'ticket_type_attribute', name: 'severity', data_type: 'list', required_to_create: true });
		attributeId = String(attribute.id);
		const [changed] = await ticketType('updateAttribute', {
			ticketTypeId: typeId,
			attributeId,
			updateFields: { description: 'How bad the fault is', listItems: 'Minor,Major,Critical' },
		});
		expect(changed).toMatchObject({ id: attributeId, description: 'How bad the fault is' });
		expect(sb.workspace.ticketTypes.get(typeId)!.attributes.find((a) => a.id === attributeId)?.list_items).toEqual(['Minor', 'Major', 'Critical']);
	});

	it("lists the workspace's ticket states with the types that use them", async () => {
		const states = await ticketType('getManyStates', {});
		expect(states.map((s) => s.id)).toEqual([...sb.workspace.ticketStates.keys()]);
		const submitted = states.find((s) => s.category === 'submitted')!;
		expect(JSON.stringify(submitted.ticket_types)).toContain(typeId);
	});
});

describe('tickets against the sandbox', () => {
	let ticketId: string;
	let admin: string;
	let contact: { id: string; email: string };
	const customerType = () => [...sb.workspace.ticketTypes.values()].find((t) => t.category === 'Customer' && t.attributes.some((a) => a.name === 'priority'))!;

	beforeAll(() => {
		[admin] = [...sb.workspace.admins.keys()];
		const user = sb.workspace.contacts.all().find((c) => c.role === 'user' && c.email)!;
		contact = { id: user.id, email: user.email };
	});

	it('creates a ticket with typed attributes for a contact found by email', async () => {
		const type = customerType();
		const [created] = await ticket('create', {
			ticketTypeId: type.id,
			contactIdentifierType: 'email',
			contactIdentifier: contact.email,
			ticketAttributes: { attribute: [{ name: '_default_title_', value: 'Printer on fire' }, { name: 'priority', value: 'High' }] },
			additionalFields: { adminAssigneeId: admin, ticketAttributesJson: '{"_default_description_": "Smoke everywhere"}' },
		});
		expect(created).toMatchObject({
			type: 'ticket',
			ticket_attributes: { _default_title_: 'Printer on fire', priority: 'High', _default_description_: 'Smoke everywhere' },
			ticket_state: { category: 'submitted' },
			// API 2.16 gives a ticket's assignee ids as numbers (strings before).
			admin_assignee_id: testVersionAtLeast('2.16') ? Number(admin) : admin,
			open: true,
		});
		ticketId = String(created.id);
		expect(sb.workspace.tickets.get(ticketId)?.contactIds).toEqual([contact.id]);
	});

	it('gets the ticket back, by ID or by its Intercom app URL', async () => {
		const [got] = await ticket('get', { ticketId: byId(ticketId) });
		expect(got).toMatchObject({ id: ticketId, ticket_attributes: { _default_title_: 'Printer on fire' } });
		const url = `https://app.eu.intercom.com/a/inbox/abc123/inbox/shared/all/ticket/${ticketId}?view=list`;
		const [viaUrl] = await ticket('get', { ticketId: { __rl: true, mode: 'url', value: url } });
		expect(viaUrl).toEqual(got);
	});

	it('moves the ticket through its states, snoozes and reassigns it, and closes it', async () => {
		const states = [...sb.workspace.ticketStates.values()];
		const inProgress = states.find((s) => s.category === 'in_progress')!;
		const [moved] = await ticket('update', {
			ticketId: byId(ticketId),
			ticketAttributes: { attribute: [{ name: 'priority', value: 'Low' }] },
			updateFields: { ticketStateId: inProgress.id, actingAdminId: admin, assigneeId: '0' },
		});
		expect(moved).toMatchObject({ ticket_state: { id: inProgress.id, category: 'in_progress' }, admin_assignee_id: testVersionAtLeast('2.16') ? 0 : '0', ticket_attributes: { priority: 'Low' } });
		const parts = ((moved.ticket_parts as IDataObject).ticket_parts as IDataObject[]).map((p) => p.part_type);
		expect(parts).toEqual(expect.arrayContaining(['ticket_attribute_updated_by_admin', 'ticket_state_updated_by_admin', 'assignment']));

		const until = sb.workspace.now() + 86_400;
		const [snoozed] = await ticket('update', { ticketId: byId(ticketId), updateFields: { snoozedUntil: until, actingAdminId: admin } });
		expect(snoozed).toMatchObject({ snoozed_until: until, open: true });

		const [closed] = await ticket('update', { ticketId: byId(ticketId), updateFields: { open: false } });
		expect(closed).toMatchObject({ open: false, ticket_state: { category: 'resolved' } });
		expect(closed.snoozed_until).toBeUndefined();
	});

	it('takes an admin note, an admin comment and the contact\'s reply', async () => {
		const [note] = await ticket('reply', { ticketId: byId(ticketId), replyAs: 'admin', actingAdminId: admin, messageType: 'note', body: '<p>Called the customer</p>' });
		expect(note).toMatchObject({ type: 'ticket_part', part_type: 'note', body: '<p>Called the customer</p>', author: { id: admin, type: 'admin' } });
		await ticket('reply', { ticketId: byId(ticketId), replyAs: 'admin', actingAdminId: admin, messageType: 'comment', body: 'On our way' });
		const [fromContact] = await ticket('reply', {
			ticketId: byId(ticketId),
			replyAs: 'contact',
			contactIdentifierType: 'intercom_user_id',
			contactIdentifier: contact.id,
			body: 'Thanks!',
		});
		expect(fromContact).toMatchObject({ part_type: 'comment', body: 'Thanks!', author: { id: contact.id } });
		expect(sb.workspace.tickets.get(ticketId)!.parts.slice(-3).map((p) => p.part_type)).toEqual(['note', 'comment', 'comment']);
	});

	it('tags and untags the ticket', async () => {
		const [tagId] = [...sb.workspace.tags.keys()];
		expect(await ticket('addTag', { ticketId: byId(ticketId), tagId, actingAdminId: admin })).toEqual([expect.objectContaining({ id: tagId })]);
		expect(sb.workspace.tickets.get(ticketId)!.tags.map((t) => t.tagId)).toEqual([tagId]);
		expect(await ticket('removeTag', { ticketId: byId(ticketId), tagId, actingAdminId: admin })).toEqual([expect.objectContaining({ id: tagId })]);
		expect(sb.workspace.tickets.get(ticketId)!.tags).toEqual([]);
	});

	it('searches tickets with the filter builder, a ticket attribute among the conditions', async () => {
		const type = customerType();
		const priority = type.attributes.find((a) => a.name === 'priority')!;
		const found = await ticket('search', {
			returnAll: true,
			match: 'AND',
			conditions: {
				condition: [
					{ field: 'ticket_type_id', operator: 'eq', value: type.id },
					{ field: `ticket_attribute.${priority.id}`, operator: 'eq', value: 'Low' },
				],
			},
		});
		const expected = [...sb.workspace.tickets.values()].filter((t) => t.ticketTypeId === type.id && t.attributes.priority === 'Low').map((t) => t.id);
		expect(found.map((t) => t.id).sort()).toEqual(expected.sort());
		expect(found.map((t) => t.id)).toContain(ticketId);

		const open = await ticket('search', { returnAll: true, conditions: { condition: [{ field: 'open', operator: 'eq', value: 'true' }] } });
		expect(open.map((t) => t.id).sort()).toEqual([...sb.workspace.tickets.values()].filter((t) => t.open).map((t) => t.id).sort());
		expect(await ticket('search', { returnAll: false, limit: 2, conditions: { condition: [{ field: 'created_at', operator: 'gt', value: '0' }] } })).toHaveLength(2);
	});

	it('creates a ticket in the background; the job reports the ticket it made', async () => {
		const before = sb.workspace.tickets.size;
		const [job] = await ticket('createInBackground', {
			ticketTypeId: customerType().id,
			contactIdentifierType: 'intercom_user_id',
			contactIdentifier: contact.id,
			ticketAttributes: { attribute: [{ name: '_default_title_', value: 'Queued' }] },
		});
		expect(job).toMatchObject({ type: 'job', status: 'pending', resource_type: 'ticket' });
		const [found] = await ticket('search', { returnAll: true, conditions: { condition: [{ field: 'title', operator: 'eq', value: 'Queued' }] } });
		expect(sb.workspace.tickets.size).toBe(before + 1);
		expect(sb.workspace.jobs.get(String(job.id))).toMatchObject({ status: 'success', resource_id: found.id });
	});

	it('deletes the ticket; getting it again is a clear 404', async () => {
		expect(await ticket('delete', { ticketId: byId(ticketId) })).toEqual([{ id: ticketId, object: 'ticket', deleted: true }]);
		await expect(ticket('get', { ticketId: byId(ticketId) })).rejects.toMatchObject({ message: 'Ticket was not found in Intercom', httpCode: '404' });
	});

	// Runs last: it judges every request the tests above sent.
	it('sent only requests that conform to the spec of the version under test', () => {
		expect(sb.log.requests().length).toBeGreaterThan(20);
		expect(sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	});
});
