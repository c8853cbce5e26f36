import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { getSearchOperators } from '../../nodes/Intercom/methods/searchOptions';
import { credentialsFor, loadOptionsContext, runNode } from '../helpers/n8n';
import { unmatchedRequests } from '../helpers/requests';

const BASE = 'http://intercom.test';
const credentials = credentialsFor(BASE, 'tok_secret_123');

type Condition = { field: string; operator: string; value: string; valueType?: string };

function contactSearch(conditions: Condition[], extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contact',
		operation: 'search',
		queryMode: 'builder',
		conditions: { condition: conditions },
		returnAll: false,
		limit: 50,
		...extra,
	};
}

const empty = { type: 'list', data: [], total_count: 0, pages: { type: 'pages', per_page: 50 } };

/** Runs a search and returns the one request body Intercom received. */
async function bodyOf(parameters: INodeParameters, reply: object = empty, path = '/contacts/search') {
	let body: unknown;
	const scope = nock(BASE, { reqheaders: { 'intercom-version': '2.14' } })
		.post(path, (b) => ((body = b), true))
		.reply(200, reply);
	const result = await runNode({ parameters, credentials });
	expect(result.error).toBeUndefined();
	expect(scope.isDone()).toBe(true);
	return { body, result };
}

async function failsWithoutRequest(parameters: INodeParameters) {
	const unmatched = unmatchedRequests();
	const result = await runNode({ parameters, credentials });
	unmatched.stop();
	expect(unmatched.count()).toBe(0);
	expect(result.error?.name).toBe('NodeOperationError');
	return result.error!.message;
}

describe('search filter builder', () => {
	afterEach(() => nock.cleanAll());

	it('one condition is sent as a single filter, with the page size in the body', async () => {
		const { body } = await bodyOf(contactSearch([{ field: 'email', operator: 'contains', value: 'example.com' }]));
		expect(body).toEqual({ query: { field: 'email', operator: '~', value: 'example.com' }, pagination: { per_page: 50 } });
	});

	it('converts values by field type: dates to Unix seconds, integers, booleans, lists', async () => {
		const { body } = await bodyOf(
			contactSearch([
				{ field: 'created_at', operator: 'gt', value: '2025-01-02T03:04:05Z' },
				{ field: 'owner_id', operator: 'eq', value: '991267708' },
				{ field: 'unsubscribed_from_emails', operator: 'eq', value: 'false' },
				{ field: 'role', operator: 'in', value: 'user, lead' },
				{ field: 'custom_attributes.seats', operator: 'gt', value: '10', valueType: 'integer' },
				{ field: 'custom_attributes.plan', operator: 'eq', value: 'pro' },
			]),
		);
		expect(body).toEqual({
			query: {
				operator: 'AND',
				value: [
					{ field: 'created_at', operator: '>', value: 1735787045 },
					{ field: 'owner_id', operator: '=', value: 991267708 },
					{ field: 'unsubscribed_from_emails', operator: '=', value: false },
					{ field: 'role', operator: 'IN', value: ['user', 'lead'] },
					{ field: 'custom_attributes.seats', operator: '>', value: 10 },
					{ field: 'custom_attributes.plan', operator: '=', value: 'pro' },
				],
			},
			pagination: { per_page: 50 },
		});
	});

	it('adds groups as one nested level, each with its own AND/OR', async () => {
		const { body } = await bodyOf(
			contactSearch([{ field: 'role', operator: 'eq', value: 'user' }], {
				match: 'AND',
				groups: {
					group: [
						{
							match: 'OR',
							conditions: {
								condition: [
									{ field: 'email', operator: 'endsWith', value: '@acme.com' },
									{ field: 'name', operator: 'startsWith', value: 'Ada' },
								],
							},
						},
					],
				},
			}),
		);
		expect(body).toEqual({
			query: {
				operator: 'AND',
				value: [
					{ field: 'role', operator: '=', value: 'user' },
					{ operator: 'OR', value: [{ field: 'email', operator: '$', value: '@acme.com' }, { field: 'name', operator: '^', value: 'Ada' }] },
				],
			},
			pagination: { per_page: 50 },
		});
	});

	it('sends a JSON query as given, with a sort', async () => {
		const query = { operator: 'OR', value: [{ field: 'state', operator: '=', value: 'open' }, { field: 'read', operator: '=', value: false }] };
		const { body, result } = await bodyOf(
			{
				resource: 'conversation',
				operation: 'search',
				queryMode: 'json',
				queryJson: JSON.stringify(query),
				options: { sortField: 'updated_at', sortOrder: 'ascending' },
				returnAll: false,
				limit: 2,
			},
			{ type: 'conversation.list', conversations: [{ id: '1' }, { id: '2' }, { id: '3' }], total_count: 3 },
			'/conversations/search',
		);
		expect(body).toEqual({ query, sort: { field: 'updated_at', order: 'ascending' }, pagination: { per_page: 2 } });
		expect(result.items.map((i) => i.json)).toEqual([{ id: '1' }, { id: '2' }]);
	});

	it('Return All reads every page, the cursor in the body', async () => {
		const page = (ids: string[], next?: string) => ({
			type: 'list',
			data: ids.map((id) => ({ type: 'contact', id })),
			total_count: 3,
			pages: { type: 'pages', per_page: 150, ...(next ? { next: { per_page: 150, starting_after: next } } : {}) },
		});
		const bodies: unknown[] = [];
		const scope = nock(BASE)
			.post('/contacts/search', (b) => (bodies.push(b), true))
			.reply(200, page(['a', 'b'], 'cursor-2'))
			.post('/contacts/search', (b) => (bodies.push(b), true))
			.reply(200, page(['c']));
		const result = await runNode({
			parameters: contactSearch([{ field: 'role', operator: 'eq', value: 'lead' }], { returnAll: true }),
			credentials,
			items: [{ n: 1 }],
		});
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
		const query = { field: 'role', operator: '=', value: 'lead' };
		expect(bodies).toEqual([
			{ query, pagination: { per_page: 150 } },
			{ query, pagination: { per_page: 150, starting_after: 'cursor-2' } },
		]);
		expect(result.items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 0 }],
			['c', { item: 0 }],
		]);
	});

	describe('refuses before sending what Intercom would refuse', () => {
		it('more than 15 conditions in a group', async () => {
			const sixteen = Array.from({ length: 16 }, (_, i) => ({ field: 'name', operator: 'eq', value: `n${i}` }));
			expect(await failsWithoutRequest(contactSearch(sixteen))).toBe(
				'Parameter "Conditions": 16 conditions and groups; Intercom allows 15 per group',
			);
		});

		it('an operator the field type does not take (!= on a date)', async () => {
			expect(await failsWithoutRequest(contactSearch([{ field: 'created_at', operator: 'ne', value: '1735787045' }]))).toBe(
				'Parameter "Conditions 1 › Operator": "!=" does not apply to created_at (date)',
			);
		});

		it('tag_id with anything but = and !=', async () => {
			expect(await failsWithoutRequest(contactSearch([{ field: 'tag_id', operator: 'in', value: '1,2' }]))).toMatch(
				/"IN" does not apply to tag_id/,
			);
		});

		it('an unknown field', async () => {
			expect(await failsWithoutRequest(contactSearch([{ field: 'favourite_colour', operator: 'eq', value: 'red' }]))).toBe(
				'Parameter "Conditions 1 › Field": "favourite_colour" is not a searchable contact field',
			);
		});

		it('an unparsable date', async () => {
			expect(await failsWithoutRequest(contactSearch([{ field: 'updated_at', operator: 'gt', value: 'yesterday-ish' }]))).toBe(
				'Parameter "Conditions 1 › Value": "yesterday-ish" is not a date',
			);
		});

		it('a number field given text', async () => {
			expect(await failsWithoutRequest(contactSearch([{ field: 'owner_id', operator: 'eq', value: 'abc' }]))).toBe(
				'Parameter "Conditions 1 › Value": "abc" is not a whole number',
			);
		});

		it('no condition at all', async () => {
			expect(await failsWithoutRequest(contactSearch([]))).toBe('Parameter "Conditions": add at least one condition (or use JSON)');
		});

		it.each([
			['invalid JSON', '{ "field": ', 'Parameter "Query (JSON)": invalid JSON'],
			['groups nested three deep', JSON.stringify({ operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [{ field: 'id', operator: '=', value: '1' }] }] }] }), "Parameter \"Query (JSON)\": groups nest deeper than Intercom's 2 levels at query.value[0].value[0]"],
			['a group of 16', JSON.stringify({ operator: 'OR', value: Array.from({ length: 16 }, () => ({ field: 'id', operator: '=', value: '1' })) }), 'Parameter "Query (JSON)": query has 16 filters; Intercom allows 15 per group'],
			['an unknown operator', JSON.stringify({ field: 'id', operator: 'LIKE', value: '1' }), 'Parameter "Query (JSON)": query.operator "LIKE" is not a search operator'],
		])('JSON: %s', async (_label, queryJson, message) => {
			expect(await failsWithoutRequest({ resource: 'contact', operation: 'search', queryMode: 'json', queryJson, returnAll: true })).toBe(message);
		});
	});
});

describe('operators offered per field type', () => {
	afterEach(() => nock.cleanAll());

	async function operatorsFor(resource: string, field: string) {
		const ctx = loadOptionsContext({
			credentials,
			parameters: { resource, operation: 'search', conditions: { condition: [{ field, operator: 'eq' }] } },
			path: 'parameters.conditions.condition[0].operator',
		});
		return (await getSearchOperators.call(ctx)).map((o) => o.value);
	}

	it('dates take only =, <, >', async () => {
		expect(await operatorsFor('contact', 'created_at')).toEqual(['eq', 'lt', 'gt']);
	});

	it('strings take the text operators, tag_id only = and !=', async () => {
		expect(await operatorsFor('contact', 'email')).toEqual(['eq', 'ne', 'in', 'nin', 'contains', 'notContains', 'startsWith', 'endsWith']);
		expect(await operatorsFor('contact', 'tag_id')).toEqual(['eq', 'ne']);
	});

	it("a custom attribute's type comes from the workspace's data attributes", async () => {
		const scope = nock(BASE)
			.get('/data_attributes')
			.query({ model: 'conversation' })
			.reply(200, { type: 'list', data: [{ type: 'data_attribute', name: 'seats', data_type: 'integer', custom: true }] });
		expect(await operatorsFor('conversation', 'custom_attributes.seats')).toEqual(['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte']);
		expect(scope.isDone()).toBe(true);
	});
});
