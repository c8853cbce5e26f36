import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';

/**
 * Bad input fails before anything is sent, naming the parameter and the item: a missing ticket
 * type, an attribute the type does not have (checked against the type as the workspace defines
 * it: only that read is sent), a value of the wrong type, a missing required attribute, a state of
 * another ticket type, a list attribute without its items.
 */
let sb: RunningSandbox;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

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
	sb = await startSandbox({ port: 0, seed: { contacts: 10, conversations: 0, tickets: 4 } });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.log.clear());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

async function failure(parameters: IDataObject): Promise<{ message: string; itemIndex: unknown; sent: string[] }> {
	const result = await runNode({ parameters: parameters as INodeParameters, credentials: credentialsFor(sb.baseUrl, sb.token), items: [{}, {}] });
	expect(result.error).toBeDefined();
	return {
		message: String(result.error?.message),
		itemIndex: result.error?.context?.itemIndex,
		sent: sb.log.requests().map((r) => `${r.method} ${r.path}`),
	};
}

const bugReport = () => [...sb.workspace.ticketTypes.values()].find((t) => t.attributes.some((a) => a.name === 'priority'))!;
const contactId = () => sb.workspace.contacts.all()[0].id;
const create = (extra: IDataObject) => ({
	resource: 'ticket',
	operation: 'create',
	ticketTypeId: bugReport().id,
	contactIdentifierType: 'intercom_user_id',
	contactIdentifier: contactId(),
	...extra,
});

describe('creating a ticket', () => {
	it('refuses a missing ticket type (an expression that came out blank: n8n itself refuses an empty field)', async () => {
		const f = await failure(create({ ticketTypeId: '={{ $json.type ?? "" }}' }));
		expect(f.message).toBe('Parameter "Ticket Type Name or ID": a value is required');
		expect(f.itemIndex).toBe(0);
		expect(f.sent).toEqual([]);
	});

	it("refuses an attribute the type does not have, having read only the type", async () => {
		const f = await failure(create({ ticketAttributes: { attribute: [{ name: 'refund_amount', value: '12' }] } }));
		expect(f.message).toBe(`Parameter "Ticket Attributes": "refund_amount" is not an attribute of the ticket type "${bugReport().name}"`);
		expect(f.sent).toEqual([`GET /ticket_types/${bugReport().id}`]);
	});

	it('refuses the same in the JSON attributes, and JSON that is not an object', async () => {
		const f = await failure(create({ additionalFields: { ticketAttributesJson: '{"refund_amount": 12}' } }));
		expect(f.message).toMatch(/^Parameter "Ticket Attributes \(JSON\)": "refund_amount" is not an attribute/);
		const g = await failure(create({ additionalFields: { ticketAttributesJson: '[1, 2]' } }));
		expect(g.message).toBe('Parameter "Ticket Attributes (JSON)": a JSON object ({ … }) is required');
		expect(sb.log.requests().every((r) => r.method === 'GET')).toBe(true);
	});

	it("refuses a list value that is not one of the list's items", async () => {
		const f = await failure(create({ ticketAttributes: { attribute: [{ name: 'priority', value: 'Urgent' }] } }));
		expect(f.message).toBe('Parameter "Ticket Attributes › priority": "Urgent" is not one of the list\'s items');
		expect(f.sent.filter((r) => r.startsWith('POST'))).toEqual([]);
	});

	it('refuses a value of the wrong type for a typed attribute', async () => {
		const type = sb.workspace.ticketTypes.get(bugReport().id)!;
		type.attributes.push({ id: '999001', name: 'seats_affected', data_type: 'integer', required: false });
		try {
			const f = await failure(create({ ticketAttributes: { attribute: [{ name: 'seats_affected', value: 'many' }] } }));
			expect(f.message).toBe('Parameter "Ticket Attributes › seats_affected": "many" is not a whole number');
			expect(f.sent.filter((r) => r.startsWith('POST'))).toEqual([]);
		} finally {
			type.attributes.pop();
		}
	});

	it('refuses a ticket without an attribute its type requires', async () => {
		const type = sb.workspace.ticketTypes.get(bugReport().id)!;
		const priority = type.attributes.find((a) => a.name === 'priority')!;
		priority.required = true;
		try {
			const f = await failure(create({ operation: 'createInBackground' }));
			expect(f.message).toBe(`Parameter "Ticket Attributes": the ticket type "${type.name}" requires priority`);
			expect(f.sent).toEqual([`GET /ticket_types/${type.id}`]);
		} finally {
			priority.required = false;
		}
	});

	it('refuses a contact email that is not one', async () => {
		const f = await failure(create({ contactIdentifierType: 'email', contactIdentifier: 'not-an-email' }));
		expect(f.message).toBe('Parameter "Contact Identifier": "not-an-email" is not an email address');
		expect(f.sent).toEqual([]);
	});
});

describe('updating a ticket', () => {
	const ticketOf = (typeId: string) => [...sb.workspace.tickets.values()].find((t) => t.ticketTypeId === typeId)!;

	it("refuses a state of another ticket type, having read only the ticket and its type", async () => {
		const own = bugReport();
		const other = [...sb.workspace.ticketTypes.values()].find((t) => t.id !== own.id)!;
		const ticket = ticketOf(other.id);
		const foreign = [...sb.workspace.ticketStates.values()].find((s) => !s.ticketTypeIds.includes(other.id))!;
		const f = await failure({ resource: 'ticket', operation: 'update', ticketId: byId(ticket.id), updateFields: { ticketStateId: foreign.id } });
		expect(f.message).toBe(`Parameter "State Name or ID": state ${foreign.id} is not a state of the ticket type "${other.name}"`);
		expect(f.sent).toEqual([`GET /tickets/${ticket.id}`, `GET /ticket_types/${other.id}`]);
	});

	it("refuses an attribute that is not of the ticket's type", async () => {
		const other = [...sb.workspace.ticketTypes.values()].find((t) => t.id !== bugReport().id)!;
		const ticket = ticketOf(other.id);
		const f = await failure({ resource: 'ticket', operation: 'update', ticketId: byId(ticket.id), ticketAttributes: { attribute: [{ name: 'priority', value: 'High' }] } });
		expect(f.message).toMatch(/^Parameter "Ticket Attributes": "priority" is not an attribute of the ticket type/);
		expect(f.sent.filter((r) => r.startsWith('PUT'))).toEqual([]);
	});

	it('refuses an acting admin ID that is not a number', async () => {
		const f = await failure({ resource: 'ticket', operation: 'update', ticketId: byId(ticketOf(bugReport().id).id), updateFields: { actingAdminId: 'ada' } });
		expect(f.message).toBe('Parameter "Acting Admin Name or ID": "ada" is not a whole number');
		expect(f.sent).toEqual([]);
	});
});

describe('ticket types', () => {
	it('refuses a list attribute without its items', async () => {
		const f = await failure({ resource: 'ticketType', operation: 'createAttribute', ticketTypeId: bugReport().id, name: 'impact', description: 'Who is hit', dataType: 'list' });
		expect(f.message).toBe('Parameter "Data Type": a list attribute needs its items');
		expect(f.sent).toEqual([]);
	});

	it('refuses a blank name', async () => {
		const f = await failure({ resource: 'ticketType', operation: 'create', name: '   ' });
		expect(f.message).toBe('Parameter "Name": a value is required');
		expect(f.sent).toEqual([]);
	});
});
