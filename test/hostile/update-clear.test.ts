/**
 * An Update changes only what the user gives: a blank or null value (an expression that found
 * nothing) leaves the contact's field as it is; emptying a field is the explicit "Clear Fields"
 * choice. Checked against the sandbox, which holds the contact and validates every request.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { credentialsFor, runNode } from '../helpers/n8n';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

let sb: RunningSandbox;
beforeAll(async () => {
	nock.restore();
	sb = await startSandbox({ port: 0, seed: { contacts: 1, conversations: 0, articles: 0, companies: 0 } });
});
afterAll(async () => {
	await sb.close();
});

const contact = () => sb.workspace.contacts.all()[0] as unknown as IDataObject;
const update = (updateFields: IDataObject, items: IDataObject[] = [{}]) =>
	runNode({
		parameters: { resource: 'contact', operation: 'update', contactId: { __rl: true, mode: 'id', value: String(contact().id) }, updateFields } as never,
		credentials: credentialsFor(sb.baseUrl, sb.token),
		items,
		continueOnFail: true,
	});

describe('Contact Update', () => {
	it('a null or blank name or phone (from an expression) leaves them as they are', async () => {
		await update({ name: 'Ada Lovelace', phone: '+441234567' });
		expect(contact()).toMatchObject({ name: 'Ada Lovelace', phone: '+441234567' });
		const result = await update({ name: '={{ $json.name }}', phone: '={{ $json.phone }}', externalId: 'ext-ada' }, [{ name: null, phone: '' }]);
		expect(result.items[0].json.error).toBeUndefined();
		expect(contact()).toMatchObject({ name: 'Ada Lovelace', phone: '+441234567', external_id: 'ext-ada' });
		const sent = sb.log.requests().filter((r) => r.method === 'PUT').pop();
		expect(sent?.body).toEqual({ external_id: 'ext-ada' });
	});

	it('Clear Fields empties what is picked, and only that', async () => {
		const result = await update({ clearFields: ['name', 'phone'] });
		expect(result.items[0].json.error).toBeUndefined();
		expect(contact()).toMatchObject({ name: null, phone: null, external_id: 'ext-ada' });
		expect(sb.log.requests().filter((r) => r.method === 'PUT').pop()?.body).toEqual({ name: null, phone: null });
		expect(sb.log.nonConformant()).toEqual([]);
	});

	it('a field both set and cleared is refused, naming Clear Fields, before anything is sent', async () => {
		sb.log.clear();
		const result = await update({ name: 'Ada', clearFields: ['name'] });
		expect(result.items[0].json.error).toBe('Parameter "Clear Fields": "Name" is both set and cleared');
		expect(sb.log.requests()).toEqual([]);
	});
});
