import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/n8n';
import { credentials, expected, fakeIntercom, notFound, resetFake } from './fake-intercom';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const TAG = { type: 'tag', id: '86', name: 'Manual tag', applied_at: 1663597223, applied_by: { type: 'admin', id: '456' } };
const PARTICIPANTS = { customers: [{ type: 'user', id: '6762f19b1bb69f9f2193bbd4' }] };

function run(operation: string, parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) {
	return runNode({
		parameters: { resource: 'conversation', operation, conversationId: byId('123'), ...parameters } as never,
		credentials,
		items,
		continueOnFail,
	});
}

afterEach(resetFake);

describe('conversation participants', () => {
	it.each([
		['intercom_user_id', '6762f19b1bb69f9f2193bbd4'],
		['user_id', 'crm-9'],
		['email', 'sam@example.com'],
	])('attachContact names the contact by %s', async (by, value) => {
		const api = fakeIntercom({ 'POST /conversations/123/customers': [200, PARTICIPANTS] });
		const result = await run('attachContact', { actingAdminId: '991267731', contactIdentifierType: by, contactIdentifier: value });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('POST', '/conversations/123/customers', { body: { admin_id: '991267731', customer: { [by]: value } } })]);
		expect(result.items).toEqual([{ json: PARTICIPANTS, pairedItem: { item: 0 } }]);
	});

	it('detachContact sends DELETE with the acting admin in the body', async () => {
		const api = fakeIntercom({ 'DELETE /conversations/123/customers/6762f1a61bb69f9f2193bbd8': [200, PARTICIPANTS] });
		const result = await run('detachContact', { contactId: byId('6762f1a61bb69f9f2193bbd8'), actingAdminId: '991267739' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('DELETE', '/conversations/123/customers/6762f1a61bb69f9f2193bbd8', { body: { admin_id: '991267739' } }),
		]);
		expect(result.items).toEqual([{ json: PARTICIPANTS, pairedItem: { item: 0 } }]);
	});

	it('detachContact reports Intercom refusing to remove the last contact', async () => {
		fakeIntercom({
			'DELETE /conversations/123/customers/6762f1a61bb69f9f2193bbd8': [
				422,
				{ type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'Removing the last customer is not allowed' }] },
			],
		});
		const result = await run('detachContact', { contactId: byId('6762f1a61bb69f9f2193bbd8'), actingAdminId: '1' });
		expect(result.error?.message).toBe('Removing the last customer is not allowed');
	});

	it('detachContact refuses a bad contact ID before sending anything', async () => {
		const api = fakeIntercom();
		const result = await run('detachContact', { contactId: byId('={{ "a/b" }}'), actingAdminId: '1' });
		expect(result.error?.message).toBe('Parameter "Contact": "a/b" is not a valid ID');
		expect(api.sent).toEqual([]);
	});
});

describe('conversation tags', () => {
	it('addTag posts the tag and the acting admin', async () => {
		const api = fakeIntercom({ 'POST /conversations/123/tags': [200, TAG] });
		const result = await run('addTag', { tagId: '86', actingAdminId: '991267618' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('POST', '/conversations/123/tags', { body: { id: '86', admin_id: '991267618' } })]);
		expect(result.items).toEqual([{ json: TAG, pairedItem: { item: 0 } }]);
	});

	it('removeTag sends DELETE with the tag in the path and the admin in the body', async () => {
		const api = fakeIntercom({ 'DELETE /conversations/123/tags/86': [200, TAG] });
		const result = await run('removeTag', { tagId: '86', actingAdminId: '991267622' });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('DELETE', '/conversations/123/tags/86', { body: { admin_id: '991267622' } })]);
		expect(result.items).toEqual([{ json: TAG, pairedItem: { item: 0 } }]);
	});

	it('removeTag names what was not found', async () => {
		fakeIntercom({ 'DELETE /conversations/123/tags/86': notFound });
		const result = await run('removeTag', { tagId: '86', actingAdminId: '1' });
		expect(result.error?.message).toBe('Conversation or tag was not found in Intercom');
	});

	it.each([
		['addTag', { tagId: '={{ "vip" }}', actingAdminId: '1' }, 'Parameter "Tag Name or ID": "vip" is not a valid ID'],
		['removeTag', { tagId: '={{ "vip" }}', actingAdminId: '1' }, 'Parameter "Tag Name or ID": "vip" is not a valid ID'],
		['removeTag', { tagId: '86', actingAdminId: '={{ "x" }}' }, 'Parameter "Admin Name or ID": "x" is not a valid ID'],
	])('%s refuses bad IDs before sending anything', async (operation, parameters, message) => {
		const api = fakeIntercom();
		const result = await run(operation, parameters);
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});
});

describe('conversation redact', () => {
	const REDACTED = { type: 'conversation', id: '608' };

	it.each([
		['conversation_part', { conversationPartId: '149' }, { conversation_part_id: '149' }],
		['source', { sourceId: '403918330' }, { source_id: '403918330' }],
	])('redacts a %s, with the conversation in the body', async (redactType, parameters, ids) => {
		const api = fakeIntercom({ 'POST /conversations/redact': [200, REDACTED] });
		const result = await run('redact', { conversationId: byId('608'), redactType, ...parameters });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('POST', '/conversations/redact', { body: { type: redactType, conversation_id: '608', ...ids } })]);
		expect(result.items).toEqual([{ json: REDACTED, pairedItem: { item: 0 } }]);
	});

	it('takes the conversation from a URL', async () => {
		const api = fakeIntercom({ 'POST /conversations/redact': [200, REDACTED] });
		await run('redact', {
			conversationId: { __rl: true, mode: 'url', value: 'https://app.intercom.com/a/inbox/abc/inbox/conversation/608' },
			redactType: 'conversation_part',
			conversationPartId: '149',
		});
		expect(api.sent.map((r) => r.body)).toEqual([{ type: 'conversation_part', conversation_id: '608', conversation_part_id: '149' }]);
	});

	it.each([
		[{ conversationId: byId('={{ "x" }}'), redactType: 'source', sourceId: '1' }, 'Parameter "Conversation": "x" is not a valid ID'],
		[{ redactType: 'conversation_part', conversationPartId: '={{ "part 1" }}' }, 'Parameter "Conversation Part ID": "part 1" is not a valid ID'],
		[{ redactType: 'source', sourceId: '={{ "" }}' }, 'Parameter "Source ID": a value is required'],
	])('refuses bad IDs before sending anything (%#)', async (parameters, message) => {
		const api = fakeIntercom();
		const result = await run('redact', parameters);
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});
});

describe('conversation convertToTicket', () => {
	const TICKET = { type: 'ticket', id: '611', ticket_id: '22' };

	it('posts the ticket type, with attributes when given', async () => {
		const api = fakeIntercom({ 'POST /conversations/123/convert': [200, TICKET] });
		const result = await run('convertToTicket', {
			ticketTypeId: '53',
			additionalFields: { ticketAttributes: '{"_default_title_": "Found a bug", "priority": "de1825a0"}' },
		});
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('POST', '/conversations/123/convert', {
				body: { ticket_type_id: '53', attributes: { _default_title_: 'Found a bug', priority: 'de1825a0' } },
			}),
		]);
		expect(result.items).toEqual([{ json: TICKET, pairedItem: { item: 0 } }]);
	});

	it('leaves empty attributes out', async () => {
		const api = fakeIntercom({ 'POST /conversations/123/convert': [200, TICKET] });
		await run('convertToTicket', { ticketTypeId: '53', additionalFields: { ticketAttributes: '{}' } });
		expect(api.sent.map((r) => r.body)).toEqual([{ ticket_type_id: '53' }]);
	});

	it.each([
		[{ ticketTypeId: '53', additionalFields: { ticketAttributes: '{oops' } }, 'Parameter "Ticket Attributes (JSON)": invalid JSON'],
		[{ ticketTypeId: '53', additionalFields: { ticketAttributes: '"text"' } }, 'Parameter "Ticket Attributes (JSON)": a JSON object ({ … }) is required'],
		[{ ticketTypeId: '={{ "bug" }}' }, 'Parameter "Ticket Type Name or ID": "bug" is not a valid ID'],
	])('refuses bad input before sending anything (%#)', async (parameters, message) => {
		const api = fakeIntercom();
		const result = await run('convertToTicket', parameters);
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});
});

describe('several items', () => {
	it('with Continue On Fail, a bad item becomes an error item and the others still run', async () => {
		const api = fakeIntercom({
			'POST /conversations/1/parts': [200, { type: 'conversation', id: '1', state: 'closed' }],
			'POST /conversations/3/parts': [200, { type: 'conversation', id: '3', state: 'closed' }],
		});
		const result = await run(
			'close',
			{ conversationId: byId('={{ $json.id }}'), actingAdminId: '7' },
			[{ id: '1' }, { id: 'two' }, { id: '3' }],
			true,
		);
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('POST', '/conversations/1/parts', { body: { message_type: 'close', type: 'admin', admin_id: '7' } }),
			expected('POST', '/conversations/3/parts', { body: { message_type: 'close', type: 'admin', admin_id: '7' } }),
		]);
		expect(result.items).toEqual([
			{ json: { type: 'conversation', id: '1', state: 'closed' }, pairedItem: { item: 0 } },
			{
				json: { error: 'Parameter "Conversation": "two" is not a valid ID', description: 'This ID is a number, such as 1234567.' },
				pairedItem: { item: 1 },
			},
			{ json: { type: 'conversation', id: '3', state: 'closed' }, pairedItem: { item: 2 } },
		]);
	});

	it('without Continue On Fail, the first bad item stops the run and names its index', async () => {
		const api = fakeIntercom({ 'POST /conversations/1/parts': [200, { type: 'conversation', id: '1' }] });
		const result = await run('open', { conversationId: byId('={{ $json.id }}'), actingAdminId: '7' }, [{ id: '1' }, { id: 'two' }, { id: '3' }]);
		expect(result.error?.message).toBe('Parameter "Conversation": "two" is not a valid ID');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(api.sent.map((r) => r.path)).toEqual(['/conversations/1/parts']);
	});

	it('with Continue On Fail, a 404 on one item keeps its pairing', async () => {
		fakeIntercom({ 'GET /conversations/1': [200, { id: '1' }], 'GET /conversations/2': notFound });
		const result = await run('get', { conversationId: byId('={{ $json.id }}') }, [{ id: '1' }, { id: '2' }], true);
		expect(result.items.map((i) => [i.json.id ?? i.json.error, i.pairedItem])).toEqual([
			['1', { item: 0 }],
			['Conversation was not found in Intercom', { item: 1 }],
		]);
	});
});
