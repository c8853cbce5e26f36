/**
 * Conformance verdicts: good requests pass; undeclared parameters and
 * properties are flagged (soft), wrong types and missing required fields
 * answer 400, unknown routes 404 — and everything is in the request log.
 */
import { RunningSandbox, startSandbox } from '../../sandbox';
import { call } from './helpers';

describe('conformance', () => {
	let sb: RunningSandbox;
	let contactId: string;
	let conversationId: string;
	let adminId: string;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: { contacts: 30, conversations: 5 } });
		contactId = sb.workspace.contacts.all()[0].id;
		conversationId = sb.workspace.conversations.all()[0].id;
		adminId = sb.workspace.meAdmin().id;
	});
	afterAll(async () => {
		await sb.close();
	});
	beforeEach(() => sb.log.clear());

	function last() {
		const requests = sb.log.requests();
		return requests[requests.length - 1];
	}

	it('logs conformant requests with method, path, query, headers, version, body and status', async () => {
		await call(sb, 'GET', '/contacts?per_page=10');
		await call(sb, 'POST', `/conversations/${conversationId}/parts`, { message_type: 'snoozed', admin_id: adminId, snoozed_until: sb.workspace.now() + 3600 });
		const [list, snooze] = sb.log.requests();
		expect(list).toMatchObject({ method: 'GET', path: '/contacts', query: { per_page: '10' }, intercomVersion: '2.14', status: 200, operation: 'GET /contacts', verdict: { conformant: true, problems: [] } });
		expect(list.headers.authorization).toBe(`Bearer ${sb.token}`);
		expect(snooze).toMatchObject({ status: 200, body: { message_type: 'snoozed' }, verdict: { conformant: true } });
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('flags undeclared query parameters without failing the request', async () => {
		const res = await call(sb, 'GET', '/contacts?per_page=5&page=2');
		expect(res.status).toBe(200);
		expect(last().verdict).toEqual({ conformant: false, problems: ['query parameter page is not declared for GET /contacts'] });
	});

	it('rejects wrongly typed query parameters and missing required ones with 400', async () => {
		expect((await call(sb, 'GET', '/admins?display_avatar=maybe')).status).toBe(400);
		expect(last().verdict.conformant).toBe(false);
		const logs = await call(sb, 'GET', '/admins/activity_logs');
		expect(logs.status).toBe(400);
		expect(logs.json.errors[0].code).toBe('parameter_invalid');
		expect(last().verdict.problems).toContain('query parameter created_at_after is required');
	});

	it('rejects missing required body fields and wrong types with 400 parameter_invalid', async () => {
		const missing = await call(sb, 'POST', `/contacts/${contactId}/tags`, {});
		expect(missing.status).toBe(400);
		expect(missing.json.errors[0].code).toBe('parameter_invalid');
		expect(last().verdict.problems).toContain('body.id: is required');
		const wrongType = await call(sb, 'PUT', `/contacts/${contactId}`, { name: 42 });
		expect(wrongType.status).toBe(400);
		const notJson = await call(sb, 'POST', '/contacts', '{"email": ');
		expect(notJson.status).toBe(400);
		expect(sb.log.nonConformant()).toHaveLength(3);
	});

	it('checks oneOf bodies such as the manage-conversation variants', async () => {
		const noType = await call(sb, 'POST', `/conversations/${conversationId}/parts`, { message_type: 'close', admin_id: adminId });
		expect(noType.status).toBe(400);
		const badKind = await call(sb, 'POST', `/conversations/${conversationId}/parts`, { message_type: 'explode', type: 'admin', admin_id: adminId });
		expect(badKind.status).toBe(400);
		const open = await call(sb, 'POST', `/conversations/${conversationId}/parts`, { message_type: 'open', admin_id: adminId });
		expect(open.status).toBe(200);
		const assign = await call(sb, 'POST', `/conversations/${conversationId}/parts`, { message_type: 'assignment', type: 'admin', admin_id: adminId, assignee_id: adminId });
		expect(assign.status).toBe(200);
		expect(sb.log.nonConformant().map((r) => r.status)).toEqual([400, 400]);
	});

	it('flags body properties the spec does not declare', async () => {
		const res = await call(sb, 'POST', '/contacts', { email: 'extra@example.com', favourite_colour: 'teal' });
		expect(res.status).toBe(200);
		expect(last().verdict).toEqual({ conformant: false, problems: ['body.favourite_colour: is not declared by the spec'] });
	});

	it('flags a JSON body sent without a JSON content type', async () => {
		const res = await call(sb, 'POST', '/contacts', { email: 'ctype@example.com' }, { 'Content-Type': 'text/plain' });
		expect(res.status).toBe(200);
		expect(last().verdict.problems[0]).toMatch(/content-type/);
	});

	it('answers 404 not_found for unknown routes and methods', async () => {
		for (const [method, path] of [['GET', '/contactz'], ['PATCH', '/contacts/abc'], ['GET', '/contacts/a/b/c']]) {
			const res = await call(sb, method, path);
			expect({ path, status: res.status, code: res.json.errors[0].code }).toEqual({ path, status: 404, code: 'not_found' });
		}
		expect(sb.log.nonConformant()).toHaveLength(3);
	});

	it('validates the Intercom-Version header and rejects its absence in strict mode', async () => {
		const bad = await call(sb, 'GET', '/me', undefined, { 'Intercom-Version': '3.0' });
		expect(bad.status).toBe(400);
		expect(bad.json.errors[0].code).toBe('intercom_version_invalid');
		const noVersion = await fetch(`${sb.baseUrl}/me`, { headers: { Authorization: `Bearer ${sb.token}` } });
		expect(noVersion.status).toBe(200);
		expect(last()).toMatchObject({ intercomVersion: null, verdict: { conformant: true } });
		sb.settings.strictVersion = true;
		try {
			const strict = await fetch(`${sb.baseUrl}/me`, { headers: { Authorization: `Bearer ${sb.token}` } });
			expect(strict.status).toBe(400);
			expect(last().verdict.conformant).toBe(false);
		} finally {
			sb.settings.strictVersion = false;
		}
	});

	it('accepts documented extras: pagination params on GET /contacts and a search sort', async () => {
		await call(sb, 'GET', '/contacts?per_page=2&starting_after=WzE3MDAwMDAwMDAsImFiYyIsMl0%3D');
		await call(sb, 'POST', '/contacts/search', { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: 'updated_at', order: 'descending' } });
		await call(sb, 'POST', `/contacts/${contactId}/notes`, { body: 'hex ids are fine here', admin_id: adminId });
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('does not log control requests', async () => {
		await fetch(`${sb.baseUrl}/__sandbox/info`);
		expect(sb.log.requests()).toEqual([]);
	});

	it('can switch enforcement off while still recording verdicts', async () => {
		sb.settings.conformance = false;
		try {
			const res = await call(sb, 'PUT', `/contacts/${contactId}`, { name: 42 });
			expect(res.status).toBe(200);
			expect(last().verdict.conformant).toBe(false);
		} finally {
			sb.settings.conformance = true;
		}
	});
});
