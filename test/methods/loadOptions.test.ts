import nock from 'nock';
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { BASE_URL, call, fakeIntercom, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, loadOptionsContext, nodeTypes } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

/** Calls a loadOptions method the way the editor does: through the node type, in n8n-core's LoadOptionsContext. */
async function loadOptions(method: string): Promise<INodePropertyOptions[]> {
	const methods = nodeTypes.getByNameAndVersion('n8n-nodes-intercom.intercom').methods?.loadOptions ?? {};
	const fn = methods[method] as ((this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>) | undefined;
	if (!fn) throw new Error(`no loadOptions method ${method}`);
	return await fn.call(loadOptionsContext({ credentials: credentialsFor(BASE_URL, TOKEN), parameters: { resource: 'article' } }));
}

const attribute = (name: string, extra: IDataObject = {}): IDataObject => ({
	type: 'data_attribute',
	name,
	full_name: `custom_attributes.${name}`,
	label: name.replace(/_/g, ' '),
	data_type: 'string',
	custom: true,
	archived: false,
	api_writable: true,
	...extra,
});

const standardAttribute = { type: 'data_attribute', name: 'email', full_name: 'email', label: 'Email', data_type: 'string', custom: false, api_writable: true };

describe('loadOptions', () => {
	it.each<[string, string, Record<string, string>, IDataObject, INodePropertyOptions[]]>([
		[
			'getAdmins',
			'/admins',
			{},
			{ type: 'admin.list', admins: [{ id: '2', name: 'Zoe', email: 'z@x.io' }, { id: '1', name: 'Ada', email: 'a@x.io' }] },
			[{ name: 'Ada (a@x.io)', value: '1' }, { name: 'Zoe (z@x.io)', value: '2' }],
		],
		[
			'getTeams',
			'/teams',
			{},
			{ type: 'team.list', teams: [{ id: '5', name: 'Support' }, { id: '4', name: 'Billing' }] },
			[{ name: 'Billing', value: '4' }, { name: 'Support', value: '5' }],
		],
		[
			'getTags',
			'/tags',
			{},
			{ type: 'list', data: [{ type: 'tag', id: '102', name: 'VIP' }, { type: 'tag', id: '101', name: 'Churn risk' }] },
			[{ name: 'Churn risk', value: '101' }, { name: 'VIP', value: '102' }],
		],
		[
			'getAwayStatusReasons',
			'/away_status_reasons',
			{},
			{ type: 'list', data: [{ id: '7', label: 'Lunch', emoji: '' }, { id: '3', label: 'Holiday' }] },
			[{ name: 'Holiday', value: '3' }, { name: 'Lunch', value: '7' }],
		],
		[
			'getHelpCenters',
			'/help_center/help_centers',
			{},
			{ type: 'list', data: [{ id: '9', display_name: 'Public', url: 'https://help.x.io' }, { id: '8', display_name: '', identifier: 'internal' }] },
			[{ name: 'internal', value: '8' }, { name: 'Public', value: '9', description: 'https://help.x.io' }],
		],
		[
			'getSubscriptionTypes',
			'/subscription_types',
			{},
			{
				type: 'list',
				data: [
					{ id: '135', state: 'live', consent_type: 'opt_out', default_translation: { name: 'Newsletters' } },
					{ id: '136', state: 'archived', consent_type: 'opt_in', default_translation: { name: 'Old list' } },
					{ id: '137', state: 'draft', consent_type: 'opt_in', default_translation: { name: 'Beta invites' } },
				],
			},
			[
				{ name: 'Beta invites', value: '137', description: 'Opt-in, draft' },
				{ name: 'Newsletters', value: '135', description: 'Opt-out, live' },
			],
		],
		[
			'getTicketTypes',
			'/ticket_types',
			{},
			{
				type: 'list',
				data: [
					{ id: '67', name: 'Bug Report', category: 'Customer', archived: false },
					{ id: '68', name: 'Retired', category: 'Tracker', archived: true },
					{ id: '66', name: 'Access request', category: 'Back-office', archived: false },
				],
			},
			[
				{ name: 'Access request', value: '66', description: 'Back-office' },
				{ name: 'Bug Report', value: '67', description: 'Customer' },
			],
		],
		[
			'getCompanies',
			'/companies',
			{ per_page: '50' },
			{ type: 'list', data: [{ id: 'c2', name: 'Zeta', company_id: 'z-1' }, { id: 'c1', name: 'Acme' }], pages: { page: 1, total_pages: 3 } },
			[{ name: 'Acme', value: 'c1' }, { name: 'Zeta (z-1)', value: 'c2' }],
		],
		[
			'getContactAttributes',
			'/data_attributes',
			{ model: 'contact' },
			{
				type: 'list',
				data: [
					standardAttribute,
					attribute('plan', { label: 'Plan', description: 'Billing plan' }),
					attribute('computed_score', { api_writable: false }),
					attribute('old_field', { archived: true }),
					attribute('seats', { label: 'Seats', data_type: 'integer' }),
				],
			},
			[
				{ name: 'Plan', value: 'plan', description: 'string: Billing plan' },
				{ name: 'Seats', value: 'seats', description: 'integer' },
			],
		],
		[
			'getConversationAttributes',
			'/data_attributes',
			{ model: 'conversation' },
			{ type: 'list', data: [attribute('order_number', { label: 'Order number' }), attribute('ai_score', { api_writable: false })] },
			[{ name: 'Order number', value: 'order_number', description: 'string' }],
		],
	])('%s sends one GET %s and lists the usable items by name', async (method, path, query, response, expected) => {
		const api = fakeIntercom().on('GET', path, response, { query });
		const options = await loadOptions(method);
		expect(api.calls).toEqual([call('GET', path, { query })]);
		expect(options).toEqual(expected);
	});

	it('getContactSearchFields lists the documented fields with their types, then custom attributes', async () => {
		const api = fakeIntercom().on(
			'GET',
			'/data_attributes',
			{ type: 'list', data: [standardAttribute, attribute('plan'), attribute('signup_day', { data_type: 'date', api_writable: false }), attribute('old', { archived: true })] },
			{ query: { model: 'contact' } },
		);
		const options = await loadOptions('getContactSearchFields');
		expect(api.calls).toEqual([call('GET', '/data_attributes', { query: { model: 'contact' } })]);
		const byValue = Object.fromEntries(options.map((o) => [o.value, o.description]));
		expect(byValue).toMatchObject({
			id: 'string',
			email: 'string',
			role: 'string',
			owner_id: 'integer',
			created_at: 'date',
			last_seen_at: 'date',
			unsubscribed_from_emails: 'boolean',
			tag_id: 'string',
			segment_id: 'string',
			'location.country': 'string',
			'custom_attributes.plan': 'string',
			'custom_attributes.signup_day': 'date',
		});
		expect(byValue).not.toHaveProperty('custom_attributes.old');
		expect(byValue).not.toHaveProperty('custom_attributes.email');
		expect(options.every((o) => o.name === o.value)).toBe(true);
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		expect(new Set(options.map((o) => o.description))).toEqual(new Set(['string', 'integer', 'date', 'boolean']));
	});

	it('getConversationSearchFields lists the documented fields with their types, then custom attributes', async () => {
		const api = fakeIntercom().on(
			'GET',
			'/data_attributes',
			{ type: 'list', data: [attribute('order_total', { data_type: 'float' }), attribute('escalated', { data_type: 'boolean' })] },
			{ query: { model: 'conversation' } },
		);
		const options = await loadOptions('getConversationSearchFields');
		expect(api.calls).toEqual([call('GET', '/data_attributes', { query: { model: 'conversation' } })]);
		const byValue = Object.fromEntries(options.map((o) => [o.value, o.description]));
		expect(byValue).toMatchObject({
			id: 'string',
			state: 'string',
			open: 'boolean',
			read: 'boolean',
			priority: 'string',
			admin_assignee_id: 'integer',
			team_assignee_id: 'integer',
			'source.type': 'string',
			'source.author.email': 'string',
			tag_ids: 'string',
			contact_ids: 'string',
			created_at: 'date',
			'statistics.count_reopens': 'integer',
			'custom_attributes.order_total': 'float',
			'custom_attributes.escalated': 'boolean',
		});
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
	});

	it('fails with a NodeApiError that names the problem and keeps the token out', async () => {
		const echoed = { type: 'error.list', request_id: 'r9', errors: [{ code: 'unauthorized', message: `Access Token Invalid: ${TOKEN}` }] };
		fakeIntercom().on('GET', '/teams', echoed, { status: 401 });
		const error = (await loadOptions('getTeams').catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toContain('401');
		expect(error.description).toContain('unauthorized: Access Token Invalid: [redacted]');
		expect(JSON.stringify({ m: error.message, d: error.description, r: error.errorResponse })).not.toContain(TOKEN);
	});
});
