import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runListSearch, runLoadOptions } from '../helpers/n8n';
import { TEST_API_VERSION } from '../helpers/api-version';

/**
 * The editor's ticket lists, against the sandbox, through n8n-core's LoadOptionsContext: states of
 * the chosen ticket's type, attributes of the chosen type (or of the chosen ticket's type), who a
 * ticket can be assigned to, ticket search fields, and the ticket locator's searchable list.
 */
let sb: RunningSandbox;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 20, conversations: 0, tickets: 30 } });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.log.clear());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const editor = (parameters: INodeParameters) => ({ credentials: credentialsFor(sb.baseUrl, sb.token), parameters });
const loadOptions = (name: string, parameters: INodeParameters) => runLoadOptions(name, editor(parameters));
const searchTickets = (filter?: string, token?: string) => runListSearch('searchTickets', editor({ resource: 'ticket', operation: 'get' }), filter, token);

const typeWithOwnState = () => [...sb.workspace.ticketTypes.values()].find((t) => t.attributes.some((a) => a.name === 'priority'))!;
const otherType = () => [...sb.workspace.ticketTypes.values()].find((t) => t.id !== typeWithOwnState().id)!;
const ticketOf = (typeId: string) => [...sb.workspace.tickets.values()].find((t) => t.ticketTypeId === typeId)!;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('ticket states', () => {
	it("offers the states of the chosen ticket's type only", async () => {
		const own = typeWithOwnState();
		const statesOf = (typeId: string) => [...sb.workspace.ticketStates.values()].filter((s) => s.ticketTypeIds.includes(typeId)).map((s) => s.id);
		const forOwn = await loadOptions('getTicketStates', { resource: 'ticket', operation: 'update', ticketId: byId(ticketOf(own.id).id) });
		expect(forOwn.map((o) => o.value)).toEqual(statesOf(own.id));
		expect(forOwn.map((o) => o.name)).toContain('Needs triage (submitted)');
		const forOther = await loadOptions('getTicketStates', { resource: 'ticket', operation: 'update', ticketId: byId(ticketOf(otherType().id).id) });
		expect(forOther.map((o) => o.value)).toEqual(statesOf(otherType().id));
		expect(forOther.map((o) => o.name)).not.toContain('Needs triage (submitted)');
	});

	it('offers every state, with the types using it, while the ticket is an expression', async () => {
		const all = await loadOptions('getTicketStates', { resource: 'ticket', operation: 'update', ticketId: byId('={{ $json.id }}') });
		expect(all.map((o) => o.value)).toEqual([...sb.workspace.ticketStates.keys()]);
		expect(all.find((o) => o.name === 'Needs triage (submitted)')?.description).toBe(`For: ${typeWithOwnState().name}`);
		expect(sb.log.requests().map((r) => r.path)).toEqual(['/ticket_states']);
	});
});

describe('ticket attributes', () => {
	it('offers the attributes of the chosen type, by name, with their types', async () => {
		const type = typeWithOwnState();
		const options = await loadOptions('getTicketAttributes', { resource: 'ticket', operation: 'create', ticketTypeId: type.id });
		expect(options.map((o) => o.value)).toEqual(type.attributes.map((a) => a.name));
		expect(options.find((o) => o.value === 'priority')).toMatchObject({ name: 'priority', description: 'list' });
		expect(options.find((o) => o.value === '_default_title_')?.name).toBe('Title');
	});

	it("offers the chosen ticket's type's attributes when updating a ticket", async () => {
		const type = otherType();
		const options = await loadOptions('getTicketAttributes', { resource: 'ticket', operation: 'update', ticketId: byId(ticketOf(type.id).id) });
		expect(options.map((o) => o.value)).toEqual(type.attributes.map((a) => a.name));
	});

	it('offers attribute IDs for updating an attribute, and nothing before a type is chosen', async () => {
		const type = typeWithOwnState();
		const options = await loadOptions('getTicketTypeAttributeIds', { resource: 'ticketType', operation: 'updateAttribute', ticketTypeId: type.id });
		expect(options.map((o) => o.value)).toEqual(type.attributes.map((a) => a.id));
		sb.log.clear();
		expect(await loadOptions('getTicketTypeAttributeIds', { resource: 'ticketType', operation: 'updateAttribute', ticketTypeId: '' })).toEqual([]);
		expect(sb.log.requests()).toEqual([]);
	});
});

describe('assignees and search fields', () => {
	it('offers nobody, every admin and every team', async () => {
		const options = await loadOptions('getTicketAssignees', { resource: 'ticket', operation: 'update' });
		expect(options[0]).toEqual({ name: 'Unassigned', value: '0' });
		expect(options.slice(1).map((o) => o.value).sort()).toEqual([...sb.workspace.admins.keys(), ...sb.workspace.teams.keys()].sort());
	});

	it('offers ticket search fields the sandbox accepts, ticket attributes by ID, with their types', async () => {
		const fields = await loadOptions('getTicketSearchFields', { resource: 'ticket', operation: 'search' });
		const priority = typeWithOwnState().attributes.find((a) => a.name === 'priority')!;
		expect(fields.find((o) => o.value === `ticket_attribute.${priority.id}`)).toMatchObject({ name: `${typeWithOwnState().name} › priority`, description: 'string' });
		const sample: Record<string, unknown> = { string: 'x', integer: 1, float: 1.5, date: 1735689600, boolean: true };
		for (let i = 0; i < fields.length; i += 15) {
			const value = fields.slice(i, i + 15).map((f) => ({ field: f.value, operator: '=', value: sample[f.description!] }));
			const response = await fetch(`${sb.baseUrl}/tickets/search`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': TEST_API_VERSION, 'Content-Type': 'application/json' },
				body: JSON.stringify({ query: { operator: 'OR', value } }),
			});
			expect([i, response.status, response.status === 200 ? '' : await response.text()]).toEqual([i, 200, '']);
		}
	});

	it("offers each ticket field's operators; created_at also takes <= and >=", async () => {
		// n8n asks for a condition's operators with that condition's path.
		const operators = await runLoadOptions('getSearchOperators', {
			credentials: credentialsFor(sb.baseUrl, sb.token),
			parameters: { resource: 'ticket', operation: 'search', conditions: { condition: [{ field: 'created_at' }] } },
			path: 'parameters.conditions.condition[0].operator',
		});
		expect(operators.map((o) => o.value)).toEqual(['eq', 'lt', 'lte', 'gt', 'gte']);
	});
});

describe('the ticket locator list', () => {
	it('pages through every ticket, and finds tickets by title or ID', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await searchTickets(undefined, token);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
		} while (token);
		expect(seen.sort()).toEqual([...sb.workspace.tickets.keys()].sort());

		const some = [...sb.workspace.tickets.values()][3];
		const title = String(some.attributes._default_title_);
		const byTitle = await searchTickets(title.slice(0, 6));
		expect(byTitle.results.map((r) => r.value)).toContain(some.id);
		expect(byTitle.results.find((r) => r.value === some.id)?.name).toBe(`${title} (#${some.ticket_id})`);
		expect((await searchTickets(some.id)).results.map((r) => r.value)).toContain(some.id);
	});
});
