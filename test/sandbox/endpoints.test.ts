/**
 * Every served operation answers with the shape the spec's response schema
 * describes, and every request made here is conformant.
 */
import { loadSpec, RunningSandbox, startSandbox } from '../../sandbox';
import { routes } from '../../sandbox/api/routes';
import { createVisitor } from '../../sandbox/store/visitor-ops';
import { ticketRoutes } from '../../sandbox/api/tickets';
import { knowledgeRoutes } from '../../sandbox/api/knowledge';
import { helpCenterRoutes } from '../../sandbox/api/help-center';
import { newsRoutes } from '../../sandbox/api/news';
import { callExportRoutes } from '../../sandbox/api/calls-exports';
import { customObjectRoutes } from '../../sandbox/api/custom-objects';
import { finIpSwitchRoutes } from '../../sandbox/api/fin-ip-switch';

/** Routes whose shapes their own suites check, the same way (test/<resource>/sandbox-api.test.ts). */
const checkedElsewhere = [ticketRoutes, customObjectRoutes, finIpSwitchRoutes, callExportRoutes, helpCenterRoutes, newsRoutes, knowledgeRoutes];
import { call, shapeProblems } from './helpers';

const MAIN_TAGS = ['Contacts', 'Admins', 'Articles', 'Conversations'];
const SUPPORTING = [
	'GET /me', 'GET /tags', 'POST /tags', 'GET /tags/{tag_id}', 'DELETE /tags/{tag_id}', 'GET /notes/{note_id}',
	'GET /teams', 'GET /teams/{team_id}', 'GET /segments', 'GET /segments/{segment_id}', 'GET /data_attributes',
	'GET /away_status_reasons', 'GET /help_center/help_centers', 'GET /help_center/help_centers/{help_center_id}',
	'GET /subscription_types', 'GET /ticket_types', 'GET /ticket_types/{ticket_type_id}', 'GET /companies',
	'POST /companies', 'GET /companies/{company_id}', 'PUT /companies/{company_id}', 'DELETE /companies/{company_id}',
	'GET /companies/{company_id}/segments', 'POST /companies/list', 'GET /companies/scroll',
];

describe('operation coverage', () => {
	it('serves all 49 Contacts/Admins/Articles/Conversations operations and the supporting ones', () => {
		const spec = loadSpec();
		const main = Object.entries(spec.operations)
			.filter(([, op]) => op.tags.some((t) => MAIN_TAGS.includes(t)))
			.map(([key]) => key);
		expect(main).toHaveLength(49);
		const missing = [...main, ...SUPPORTING].filter((key) => !routes[key]);
		expect(missing).toEqual([]);
		// Every route key is a real spec operation.
		// (GET /conversations/attributes is 2.16's, checked in test/node/api-versions.test.ts.)
		expect(Object.keys(routes).filter((key) => !spec.operations[key] && !loadSpec('2.16').operations[key])).toEqual([]);
	});
});

describe('response shapes', () => {
	let sb: RunningSandbox;
	const seen = new Set<string>();

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: { contacts: 120, conversations: 30, articles: 12 } });
	});
	afterAll(async () => {
		await sb.close();
	});

	async function check(key: string, path: string, body?: unknown, expectedStatus = 200) {
		const method = key.split(' ')[0];
		const res = await call(sb, method, path, body);
		expect({ key, status: res.status, body: res.status === expectedStatus ? 'ok' : res.json }).toEqual({ key, status: expectedStatus, body: 'ok' });
		if (res.json !== undefined) expect({ key, problems: shapeProblems(key, expectedStatus, res.json) }).toEqual({ key, problems: [] });
		seen.add(key);
		return res.json;
	}

	it('admins, me, teams, away reasons, activity logs', async () => {
		const ws = sb.workspace;
		const admin = [...ws.admins.values()][1];
		const me = await check('GET /me', '/me');
		expect(me.app).toMatchObject({ type: 'app', id_code: ws.idCode, timezone: ws.timezone });
		await check('GET /admins', '/admins');
		await check('GET /admins/{admin_id}', `/admins/${admin.id}`);
		const reason = [...ws.awayStatusReasons.keys()][0];
		const away = await check('PUT /admins/{admin_id}/away', `/admins/${admin.id}/away`, { away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: Number(reason) });
		expect(away).toMatchObject({ away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: Number(reason) });
		const logs = await check('GET /admins/activity_logs', `/admins/activity_logs?created_at_after=${ws.now() - 86400 * 30}&created_at_before=${ws.now() + 10}`);
		expect(logs.activity_logs.some((l: { performed_by: { id: string } }) => l.performed_by.id === admin.id)).toBe(true);
		await check('GET /teams', '/teams');
		await check('GET /teams/{team_id}', `/teams/${[...ws.teams.keys()][0]}`);
		await check('GET /away_status_reasons', '/away_status_reasons');
	});

	it('contacts and their relations', async () => {
		const ws = sb.workspace;
		await check('GET /contacts', '/contacts?per_page=5');
		const created = await check('POST /contacts', '/contacts', { role: 'user', email: 'shape@example.com', external_id: 'shape-1', name: 'Shape Test', custom_attributes: { plan: 'pro' } });
		const id = created.id;
		await check('GET /contacts/{contact_id}', `/contacts/${id}`);
		await check('PUT /contacts/{contact_id}', `/contacts/${id}`, { name: 'Shape Tested' });
		await check('GET /contacts/find_by_external_id/{external_id}', '/contacts/find_by_external_id/shape-1');
		await check('POST /contacts/search', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' }, pagination: { per_page: 3 } });
		const company = ws.companies.all()[0];
		await check('POST /contacts/{contact_id}/companies', `/contacts/${id}/companies`, { id: company.id });
		await check('GET /contacts/{contact_id}/companies', `/contacts/${id}/companies`);
		await check('GET /companies/{company_id}/contacts', `/companies/${company.id}/contacts`);
		await check('DELETE /contacts/{contact_id}/companies/{company_id}', `/contacts/${id}/companies/${company.id}`);
		const note = await check('POST /contacts/{contact_id}/notes', `/contacts/${id}/notes`, { body: '<p>Hello</p>', admin_id: ws.meAdmin().id });
		await check('GET /contacts/{contact_id}/notes', `/contacts/${id}/notes`);
		await check('GET /notes/{note_id}', `/notes/${note.id}`);
		await check('GET /contacts/{contact_id}/segments', `/contacts/${id}/segments`);
		const subscription = [...ws.subscriptionTypes.keys()][0];
		await check('POST /contacts/{contact_id}/subscriptions', `/contacts/${id}/subscriptions`, { id: subscription, consent_type: 'opt_in' });
		await check('GET /contacts/{contact_id}/subscriptions', `/contacts/${id}/subscriptions`);
		await check('DELETE /contacts/{contact_id}/subscriptions/{subscription_id}', `/contacts/${id}/subscriptions/${subscription}`);
		const tag = [...ws.tags.keys()][0];
		await check('POST /contacts/{contact_id}/tags', `/contacts/${id}/tags`, { id: tag });
		await check('GET /contacts/{contact_id}/tags', `/contacts/${id}/tags`);
		await check('DELETE /contacts/{contact_id}/tags/{tag_id}', `/contacts/${id}/tags/${tag}`);
		await check('POST /contacts/{contact_id}/archive', `/contacts/${id}/archive`);
		await check('POST /contacts/{contact_id}/unarchive', `/contacts/${id}/unarchive`);
		const lead = await check('POST /contacts', '/contacts', { role: 'lead', email: 'lead-shape@example.com' });
		const merged = await check('POST /contacts/merge', '/contacts/merge', { from: lead.id, into: id });
		expect(merged.id).toBe(id);
		await check('POST /contacts/{contact_id}/block', `/contacts/${id}/block`);
		const deleted = await check('DELETE /contacts/{contact_id}', `/contacts/${id}`);
		expect(deleted).toEqual({ type: 'contact', id, external_id: 'shape-1', deleted: true });
	});

	it('conversations', async () => {
		const ws = sb.workspace;
		const admin = ws.meAdmin().id;
		const contact = ws.contacts.all().find((c) => c.role === 'user' && c.email)!;
		await check('GET /conversations', '/conversations?per_page=5');
		const message = await check('POST /conversations', '/conversations', { from: { type: 'user', id: contact.id }, body: 'Help please' });
		const id = message.conversation_id;
		await check('GET /conversations/{conversation_id}', `/conversations/${id}`);
		await check('PUT /conversations/{conversation_id}', `/conversations/${id}`, { read: true, title: 'Renamed' });
		await check('POST /conversations/{conversation_id}/reply', `/conversations/${id}/reply`, { message_type: 'comment', type: 'admin', admin_id: admin, body: 'On it' });
		await check('POST /conversations/{conversation_id}/reply', `/conversations/${id}/reply`, { message_type: 'comment', type: 'user', intercom_user_id: contact.id, body: 'Thanks' });
		await check('POST /conversations/{conversation_id}/parts', `/conversations/${id}/parts`, { message_type: 'close', type: 'admin', admin_id: admin, body: 'Bye' });
		await check('POST /conversations/search', '/conversations/search', { query: { field: 'state', operator: '=', value: 'closed' } });
		const other = ws.contacts.all().find((c) => c.id !== contact.id && c.email)!;
		await check('POST /conversations/{conversation_id}/customers', `/conversations/${id}/customers`, { admin_id: admin, customer: { intercom_user_id: other.id } });
		await check('DELETE /conversations/{conversation_id}/customers/{contact_id}', `/conversations/${id}/customers/${other.id}`, { admin_id: admin });
		const tag = [...ws.tags.keys()][1];
		await check('POST /conversations/{conversation_id}/tags', `/conversations/${id}/tags`, { id: tag, admin_id: admin });
		await check('DELETE /conversations/{conversation_id}/tags/{tag_id}', `/conversations/${id}/tags/${tag}`, { admin_id: admin });
		const part = ws.conversations.get(id)!.parts[0];
		await check('POST /conversations/redact', '/conversations/redact', { type: 'conversation_part', conversation_id: id, conversation_part_id: part.id });
		await check('POST /conversations/{conversation_id}/convert', `/conversations/${id}/convert`, { ticket_type_id: [...ws.ticketTypes.keys()][0] });
		await check('DELETE /conversations/{conversation_id}', `/conversations/${id}`);
	});

	it('articles and help centers', async () => {
		const ws = sb.workspace;
		await check('GET /articles', '/articles?per_page=5&page=2');
		const created = await check('POST /articles', '/articles', { title: 'Shape article', author_id: Number(ws.meAdmin().id), state: 'published', body: '<p>Body</p>' });
		await check('GET /articles/{article_id}', `/articles/${created.id}`);
		await check('PUT /articles/{article_id}', `/articles/${created.id}`, { title: 'Shape article 2' });
		await check('GET /articles/search', '/articles/search?phrase=shape&state=published');
		await check('DELETE /articles/{article_id}', `/articles/${created.id}`);
		await check('GET /help_center/help_centers', '/help_center/help_centers');
		await check('GET /help_center/help_centers/{help_center_id}', `/help_center/help_centers/${[...ws.helpCenters.keys()][0]}`);
	});

	it('supporting resources', async () => {
		const ws = sb.workspace;
		await check('GET /tags', '/tags');
		const tag = await check('POST /tags', '/tags', { name: 'shape-tag' });
		await check('GET /tags/{tag_id}', `/tags/${tag.id}`);
		const del = await call(sb, 'DELETE', `/tags/${tag.id}`);
		expect(del.status).toBe(200);
		seen.add('DELETE /tags/{tag_id}');
		await check('GET /segments', '/segments?include_count=true');
		await check('GET /segments/{segment_id}', `/segments/${[...ws.segments.keys()][0]}`);
		await check('GET /data_attributes', '/data_attributes?model=contact');
		await check('GET /subscription_types', '/subscription_types');
		await check('GET /ticket_types', '/ticket_types');
		await check('GET /ticket_types/{ticket_type_id}', `/ticket_types/${[...ws.ticketTypes.keys()][0]}`);
		await check('GET /companies', '/companies?per_page=5');
		const company = await check('POST /companies', '/companies', { company_id: 'shape-co', name: 'Shape Co', plan: 'pro' });
		await check('GET /companies/{company_id}', `/companies/${company.id}`);
	});

	it('data events, outbound messages, visitors and data attributes', async () => {
		const ws = sb.workspace;
		const user = ws.contacts.all().find((c) => c.role === 'user' && c.external_id)!;
		const accepted = async (key: string, path: string, body: unknown, status: number) => {
			const res = await call(sb, 'POST', path, body);
			expect({ key, status: res.status, text: res.text }).toEqual({ key, status, text: '' });
			seen.add(key);
		};
		await accepted('POST /events', '/events', { id: user.id, event_name: 'shape-event', created_at: ws.now() }, 202);
		await accepted('POST /events/summaries', '/events/summaries', { user_id: user.external_id, event_summaries: { event_name: 'shape-event', count: 2 } }, 200);
		// The plain list answers data_event_list (its shape is checked in toolkit.test.ts); summary=true is the declared shape.
		await check('GET /events', `/events?type=user&intercom_user_id=${user.id}&summary=true`);
		const admin = Number(ws.meAdmin().id);
		await check('POST /messages', '/messages', { message_type: 'in_app', body: 'Hi', from: { type: 'admin', id: admin }, to: { type: 'user', id: user.id } });
		const visitor = createVisitor(ws, {});
		await check('GET /visitors', `/visitors?user_id=${visitor.user_id}`);
		await check('PUT /visitors', '/visitors', { id: visitor.id, name: 'Shape Visitor' });
		await check('POST /visitors/convert', '/visitors/convert', { type: 'lead', user: { user_id: 'shape-visitor' }, visitor: { id: visitor.id } });
		const attribute = await check('POST /data_attributes', '/data_attributes', { name: 'Shape Attr', model: 'contact', data_type: 'string' });
		await check('PUT /data_attributes/{data_attribute_id}', `/data_attributes/${attribute.id}`, { description: 'Shaped' });
	});

	it('companies', async () => {
		const ws = sb.workspace;
		const company = await check('POST /companies', '/companies', { company_id: 'shape-co-2', name: 'Shape Co 2', size: 10 });
		await check('PUT /companies/{company_id}', `/companies/${company.id}`, { name: 'Shape Co 3', custom_attributes: { tier: 'gold' } });
		await check('GET /companies/{company_id}/segments', `/companies/${company.id}/segments`);
		await check('POST /companies/list', '/companies/list?per_page=5&order=asc');
		// Page numbers reach the 10,000th company and no further, as Intercom answers (it points to the scroll).
		expect((await call(sb, 'GET', '/companies?per_page=50&page=200')).status).toBe(200);
		for (const [method, path] of [['GET', '/companies?per_page=50&page=201'], ['POST', '/companies/list?per_page=60&page=167']] as const) {
			const refused = await call(sb, method, path);
			expect({ status: refused.status, errors: refused.json.errors }).toEqual({
				status: 400,
				errors: [{ code: 'bad_request', message: 'page limit reached, please use scroll API' }],
			});
		}
		const opened = await check('GET /companies/scroll', '/companies/scroll');
		// A second scroll while one is open is refused, as Intercom does; the open one reads on to its end.
		const second = await call(sb, 'GET', '/companies/scroll');
		expect({ status: second.status, codes: second.json.errors.map((e: { code: string }) => e.code) }).toEqual({ status: 400, codes: ['scroll_exists'] });
		const end = await check('GET /companies/scroll', `/companies/scroll?scroll_param=${opened.scroll_param}`);
		expect(end.data).toEqual([]);
		const deleted = await check('DELETE /companies/{company_id}', `/companies/${company.id}`);
		expect(deleted).toEqual({ id: company.id, object: 'company', deleted: true });
		expect(ws.companies.get(company.id)).toBeUndefined();
	});

	it('checked every served operation, all with conformant requests', () => {
		// 2.16's GET /conversations/attributes is checked in test/node/api-versions.test.ts.
		expect(Object.keys(routes).filter((key) => !seen.has(key) && !checkedElsewhere.some((table) => key in table) && key !== 'GET /conversations/attributes')).toEqual([]);
		expect(sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	});
});
