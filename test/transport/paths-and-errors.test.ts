import nock from 'nock';

import { credentialsFor, runNode } from '../helpers/n8n';
import { PROBE_TYPE } from '../helpers/probe';
import { unmatchedRequests } from '../helpers/requests';

const BASE = 'http://intercom.test';
const TOKEN = 'tok_secret_123';
const credentials = credentialsFor(BASE, TOKEN);

describe('path parameters can never change the path', () => {
	afterEach(() => nock.cleanAll());

	it.each([
		['../admins', '/contacts/..%2Fadmins'],
		['1/tags', '/contacts/1%2Ftags'],
		['x?y=1', '/contacts/x%3Fy%3D1'],
		['%2F', '/contacts/%252F'],
		['a#b', '/contacts/a%23b'],
	])('%s is sent as one escaped segment', async (value, path) => {
		const scope = nock(BASE).get(path).reply(200, { type: 'contact', id: 'x' });
		const result = await runNode({
			nodeType: PROBE_TYPE,
			parameters: { call: JSON.stringify({ method: 'GET', path: '/contacts/{contact_id}', pathParams: { contact_id: value } }) },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it.each([[''], ['   '], ['.'], ['..'], ['a\u0000b'], ['line\nbreak']])('%j is refused before any request', async (value) => {
		const unmatched = unmatchedRequests();
		const result = await runNode({
			nodeType: PROBE_TYPE,
			parameters: { call: JSON.stringify({ method: 'GET', path: '/contacts/{contact_id}', pathParams: { contact_id: value } }) },
			credentials,
		});
		unmatched.stop();
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/contact_id/);
		expect(unmatched.count()).toBe(0);
	});

	it('the action node names the parameter the user knows (Admin), with no request sent', async () => {
		// An expression: n8n checks a typed ID against the locator's regex before running, but not a computed one.
		const unmatched = unmatchedRequests();
		const result = await runNode({
			parameters: { resource: 'admin', operation: 'get', adminId: { mode: 'id', value: '={{ "../" + "me" }}' } },
			credentials,
		});
		unmatched.stop();
		expect(result.error?.message).toBe('Parameter "Admin": "../me" is not a valid ID');
		expect(unmatched.count()).toBe(0);
	});
});

describe('Intercom errors become clear n8n errors, without secrets', () => {
	afterEach(() => nock.cleanAll());

	async function getAdmin(status: number, body: unknown) {
		nock(BASE).get('/admins/42').reply(status, body as nock.Body);
		return await runNode({ parameters: { resource: 'admin', operation: 'get', adminId: { mode: 'id', value: '42' } }, credentials });
	}

	it('uses the first error as the message and lists all, with status and request_id', async () => {
		const { error } = await getAdmin(422, {
			type: 'error.list',
			request_id: 'req-abc',
			errors: [
				{ code: 'parameter_invalid', message: 'Email is invalid', field: 'email' },
				{ code: 'parameter_invalid', message: 'Name is too long' },
			],
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Email is invalid');
		expect(error?.description).toBe(
			'parameter_invalid: Email is invalid (field: email)\nparameter_invalid: Name is too long\nHTTP 422 on GET /admins/42 · request_id req-abc',
		);
	});

	it('401 says to check the credential', async () => {
		const { error } = await getAdmin(401, { type: 'error.list', request_id: 'r', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] });
		expect(error?.message).toBe('Intercom rejected the credential (401 unauthorized): check the token and the region');
	});

	it('403 api_plan_restricted says the plan lacks the feature', async () => {
		const { error } = await getAdmin(403, { type: 'error.list', request_id: 'r', errors: [{ code: 'api_plan_restricted', message: 'Active subscription needed.' }] });
		expect(error?.message).toBe('Your Intercom plan does not include this feature (403 api_plan_restricted)');
	});

	it('404 names what was not found', async () => {
		const { error } = await getAdmin(404, { type: 'error.list', request_id: 'r', errors: [{ code: 'not_found', message: 'Admin not found' }] });
		expect(error?.message).toBe('Admin was not found in Intercom');
	});

	it("reads the operations' own error shapes: {errors: {field: message}} and {error_key, message}", async () => {
		const csat = await getAdmin(422, { errors: { base: 'No rating survey found for this conversation' } });
		expect(csat.error?.message).toBe('No rating survey found for this conversation');
		expect(csat.error?.description).toBe('base: No rating survey found for this conversation\nHTTP 422 on GET /admins/42');
		const sms = await getAdmin(400, { error_key: 'sms_failed', message: 'SMS was not sent due to an unknown error' });
		expect(sms.error?.message).toBe('SMS was not sent due to an unknown error');
		expect(sms.error?.description).toBe('sms_failed: SMS was not sent due to an unknown error\nHTTP 400 on GET /admins/42');
		const keyOnly = await getAdmin(422, { error_key: 'some_error' });
		expect(keyOnly.error?.message).toBe('some_error');
	});

	it('an HTML page from a proxy is summarised, not dumped', async () => {
		const { error } = await getAdmin(400, '<html><body><h1>400 Bad Request</h1></body></html>');
		expect(error?.message).toBe('Intercom answered GET /admins/42 with HTTP 400');
		expect(error?.description).toContain("The response was not Intercom's JSON: 400 Bad Request");
	});

	it('never carries the token, even when the server echoes it back', async () => {
		const { error } = await getAdmin(400, {
			type: 'error.list',
			request_id: 'r',
			errors: [{ code: 'parameter_invalid', message: `Bad header Authorization: Bearer ${TOKEN}` }],
		});
		const everything = JSON.stringify({ ...error, message: error?.message, description: error?.description, stack: error?.stack });
		expect(everything).not.toContain(TOKEN);
		expect(error?.message).toBe('Bad header Authorization: Bearer [redacted]');
	});
});
