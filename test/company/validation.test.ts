/**
 * Bad company input fails before anything is sent, naming the parameter; good input becomes
 * exactly the request Intercom documents.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { BASE_URL, call, COMPANY_ID, fakeIntercom, locator, TOKEN } from '../helpers/fake-intercom';
import { credentialsFor, runNode } from '../helpers/n8n';

afterEach(() => nock.cleanAll());

const runCompany = (parameters: INodeParameters) =>
	runNode({ parameters: { resource: 'company', ...parameters }, credentials: credentialsFor(BASE_URL, TOKEN) });

const company = { type: 'company', id: COMPANY_ID, company_id: 'acme-42', name: 'Acme' };

describe('company requests', () => {
	it('Create or Update sends the Company ID and only the fields given, trimmed', async () => {
		const api = fakeIntercom().on('POST', '/companies', company);
		const result = await runCompany({
			operation: 'createOrUpdate',
			companyIdentifier: 'acme-42 ',
			additionalFields: { name: ' Acme ', plan: '  ', size: '12', remoteCreatedAt: 1709251200 },
		});
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('POST', '/companies', { body: { company_id: 'acme-42', name: 'Acme', size: 12, remote_created_at: 1709251200 } })]);
		expect(result.items.map((i) => i.json)).toEqual([company]);
	});

	it('Find by tag sends only the tag, with page numbers', async () => {
		const api = fakeIntercom().on('GET', '/companies', { type: 'list', data: [company], pages: { type: 'pages', page: 1, per_page: 5, total_pages: 1 } });
		const result = await runCompany({ operation: 'find', findBy: 'tag', tagId: '80', returnAll: false, limit: 5 });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('GET', '/companies', { query: { tag_id: '80', page: '1', per_page: '5' } })]);
	});

	it('Get Many with a limit reads ordered pages, never the scroll', async () => {
		const api = fakeIntercom().on('POST', '/companies/list', { type: 'list', data: [company], pages: { type: 'pages', page: 1, per_page: 2, total_pages: 1 } });
		const result = await runCompany({ operation: 'getMany', returnAll: false, limit: 2, order: 'asc' });
		expect(result.error).toBeUndefined();
		expect(api.calls).toEqual([call('POST', '/companies/list', { query: { order: 'asc', page: '1', per_page: '2' } })]);
	});
});

describe('bad company input fails before sending', () => {
	it.each([
		['a blank Company ID', { operation: 'createOrUpdate', companyIdentifier: '  ' }, 'Parameter "Company ID": a value is required'],
		[
			'a size that is not a whole number',
			{ operation: 'createOrUpdate', companyIdentifier: 'a', additionalFields: { size: '12.5' } },
			'Parameter "Size": "12.5" is not a whole number',
		],
		[
			'an attribute set twice',
			{
				operation: 'createOrUpdate',
				companyIdentifier: 'a',
				additionalFields: { customAttributes: { attribute: [{ name: 'tier', value: 'gold' }] }, customAttributesJson: '{"tier": "silver"}' },
			},
			'Parameter "Custom Attributes (JSON)": "tier" is also set in "Custom Attributes"',
		],
		['an update without fields', { operation: 'update', companyId: locator(COMPANY_ID), updateFields: {} }, 'Parameter "Update Fields": add at least one field to change'],
		['a company ID with a slash', { operation: 'get', companyId: locator('={{ "acme/1" }}') }, 'Parameter "Company": "acme/1" is not a valid ID'],
		['a tag that is not an ID', { operation: 'find', findBy: 'tag', tagId: 'VIP' }, 'Parameter "Tag Name or ID": "VIP" is not a valid ID'],
		['a blank name to find', { operation: 'find', findBy: 'name', companyName: ' ' }, 'Parameter "Company Name": a value is required'],
		['an unknown order', { operation: 'getMany', returnAll: false, order: '={{ "newest" }}' }, 'Parameter "Order": "newest" is not one of desc, asc'],
	])('refuses %s', async (_label, parameters, message) => {
		const api = fakeIntercom();
		const result = await runCompany(parameters as INodeParameters);
		expect(result.error?.message).toBe(message);
		expect(api.calls).toEqual([]);
	});
});
