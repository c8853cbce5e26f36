import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../helpers/n8n';
import { credentials, expected, fakeIntercom, notFound, resetFake } from './fake-intercom';

const CONVERSATION = { type: 'conversation', id: '123', title: 'Refund', state: 'open' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function run(parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) {
	return runNode({ parameters: { resource: 'conversation', ...parameters } as never, credentials, items, continueOnFail });
}

afterEach(resetFake);

describe('conversation create', () => {
	const message = { type: 'user_message', id: '403918330', body: 'Hello there', message_type: 'inapp', conversation_id: '499' };

	it('posts the contact as `from` with the body and optional fields', async () => {
		const api = fakeIntercom({ 'POST /conversations': [200, message] });
		const result = await run({
			operation: 'create',
			contactId: byId('6762f11b1bb69f9f2193bba3'),
			contactRole: 'lead',
			body: 'Hello there',
			additionalFields: {
				subject: 'Order #12',
				attachmentUrls: 'https://example.com/a.png, https://example.com/b.png',
				createdAt: '2025-01-01T00:00:00Z',
			},
		});
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('POST', '/conversations', {
				body: {
					from: { type: 'lead', id: '6762f11b1bb69f9f2193bba3' },
					body: 'Hello there',
					subject: 'Order #12',
					attachment_urls: ['https://example.com/a.png', 'https://example.com/b.png'],
					created_at: 1735689600,
				},
			}),
		]);
		expect(result.items).toEqual([{ json: message, pairedItem: { item: 0 } }]);
	});

	it('takes the contact from an Intercom URL and defaults the role to user', async () => {
		const api = fakeIntercom({ 'POST /conversations': [200, message] });
		const result = await run({
			operation: 'create',
			contactId: { __rl: true, mode: 'url', value: 'https://app.intercom.com/a/apps/abc123/users/6762f11b1bb69f9f2193bba3/all-conversations' },
			body: 'Hi',
		});
		expect(result.error).toBeUndefined();
		expect(api.sent.map((r) => r.body)).toEqual([{ from: { type: 'user', id: '6762f11b1bb69f9f2193bba3' }, body: 'Hi' }]);
	});

	it.each([
		['a blank body', { contactId: byId('6762f11b1bb69f9f2193bba3'), body: '   ' }, 'Parameter "Body": a value is required'],
		['a bad contact ID', { contactId: byId('={{ "not an id!" }}'), body: 'Hi' }, 'Parameter "Contact": "not an id!" is not a valid ID'],
		[
			'more than 10 attachments',
			{ contactId: byId('6762f11b1bb69f9f2193bba3'), body: 'Hi', additionalFields: { attachmentUrls: Array(11).fill('https://x.io/a.png').join(',') } },
			'Parameter "Attachment URLs": 11 URLs given, Intercom takes at most 10',
		],
		[
			'an attachment that is not a URL',
			{ contactId: byId('6762f11b1bb69f9f2193bba3'), body: 'Hi', additionalFields: { attachmentUrls: 'picture.png' } },
			'Parameter "Attachment URLs": "picture.png" is not an http(s) URL',
		],
		[
			'an unparsable date',
			{ contactId: byId('6762f11b1bb69f9f2193bba3'), body: 'Hi', additionalFields: { createdAt: 'yesterday' } },
			'Parameter "Created At": "yesterday" is not a date',
		],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const api = fakeIntercom();
		const result = await run({ operation: 'create', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.sent).toEqual([]);
	});
});

describe('conversation get', () => {
	it('gets by ID with no query by default', async () => {
		const api = fakeIntercom({ 'GET /conversations/123': [200, CONVERSATION] });
		const result = await run({ operation: 'get', conversationId: byId('123') });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('GET', '/conversations/123')]);
		expect(result.items).toEqual([{ json: CONVERSATION, pairedItem: { item: 0 } }]);
	});

	it('asks for plain text and translations', async () => {
		const api = fakeIntercom({ 'GET /conversations/123': [200, CONVERSATION] });
		const result = await run({ operation: 'get', conversationId: byId('123'), options: { plainText: true, includeTranslations: true } });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('GET', '/conversations/123', { query: { display_as: 'plaintext', include_translations: 'true' } })]);
	});

	it('leaves switched-off options out of the query', async () => {
		const api = fakeIntercom({ 'GET /conversations/123': [200, CONVERSATION] });
		await run({ operation: 'get', conversationId: byId('123'), options: { plainText: false, includeTranslations: false } });
		expect(api.sent).toEqual([expected('GET', '/conversations/123')]);
	});

	it.each([
		['an inbox URL', 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/987654321'],
		['an EU app URL', 'https://app.eu.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/987654321#part_id=1'],
	])('takes the ID from %s', async (_case, url) => {
		const api = fakeIntercom({ 'GET /conversations/987654321': [200, CONVERSATION] });
		const result = await run({ operation: 'get', conversationId: { __rl: true, mode: 'url', value: url } });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('GET', '/conversations/987654321')]);
	});

	it('refuses a non-numeric ID from the input before sending anything', async () => {
		const api = fakeIntercom();
		const result = await run({ operation: 'get', conversationId: byId('={{ $json.id }}') }, [{ id: 'abc/../admins' }]);
		expect(result.error?.message).toBe('Parameter "Conversation": "abc/../admins" is not a valid ID');
		expect(result.error?.description).toBe('This ID is a number, such as 1234567.');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.sent).toEqual([]);
	});

	it.each([
		['a typed non-numeric ID', byId('abc'), 'Not a valid Conversation ID'],
		['a URL that names no conversation', { __rl: true, mode: 'url', value: 'https://example.com/conversation/12' }, 'Not an Intercom Conversation URL'],
	])('lets n8n refuse %s before the node runs', async (_case, conversationId, issue) => {
		const api = fakeIntercom();
		await expect(run({ operation: 'get', conversationId })).rejects.toThrow(issue);
		expect(api.sent).toEqual([]);
	});

	it('turns a 404 into "Conversation was not found"', async () => {
		const api = fakeIntercom({ 'GET /conversations/404': notFound });
		const result = await run({ operation: 'get', conversationId: byId('404') });
		expect(result.error?.message).toBe('Conversation was not found in Intercom');
		expect(result.error?.description).toContain('HTTP 404 on GET /conversations/404 · request_id req-404');
		expect(api.sent).toHaveLength(1);
	});
});

describe('conversation update', () => {
	it('sends the chosen fields, custom attributes as pairs, and display_as', async () => {
		const api = fakeIntercom({ 'PUT /conversations/123': [200, CONVERSATION] });
		const result = await run({
			operation: 'update',
			conversationId: byId('123'),
			updateFields: {
				read: false,
				title: 'Refund',
				companyId: '6762f0a61bb69f9f2193bb55',
				customAttributes: { attribute: [{ name: 'issue_type', value: 'Billing' }, { name: 'priority', value: 'High' }] },
			},
			options: { plainText: true },
		});
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('PUT', '/conversations/123', {
				query: { display_as: 'plaintext' },
				body: {
					read: false,
					title: 'Refund',
					company_id: '6762f0a61bb69f9f2193bb55',
					custom_attributes: { issue_type: 'Billing', priority: 'High' },
				},
			}),
		]);
		expect(result.items).toEqual([{ json: CONVERSATION, pairedItem: { item: 0 } }]);
	});

	it('merges custom attributes given as pairs and as JSON', async () => {
		const api = fakeIntercom({ 'PUT /conversations/123': [200, CONVERSATION] });
		const result = await run({
			operation: 'update',
			conversationId: byId('123'),
			updateFields: { customAttributesJson: '{"seats": 5}', customAttributes: { attribute: [{ name: 'priority', value: 'High' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('PUT', '/conversations/123', { body: { custom_attributes: { priority: 'High', seats: 5 } } })]);
	});

	it('sends custom attributes from JSON, keeping their types', async () => {
		const api = fakeIntercom({ 'PUT /conversations/123': [200, CONVERSATION] });
		await run({
			operation: 'update',
			conversationId: byId('123'),
			updateFields: { customAttributesJson: '{"seats": 5, "vip": true, "order": ["21"]}' },
		});
		expect(api.sent).toEqual([expected('PUT', '/conversations/123', { body: { custom_attributes: { seats: 5, vip: true, order: ['21'] } } })]);
	});

	it.each([
		['invalid JSON', { customAttributesJson: '{"seats": ' }, 'Parameter "Custom Attributes (JSON)": invalid JSON'],
		['a JSON array', { customAttributesJson: '[1]' }, 'Parameter "Custom Attributes (JSON)": a JSON object ({ … }) is required'],
		[
			'one attribute both as a pair and in JSON',
			{ customAttributesJson: '{"a": 1}', customAttributes: { attribute: [{ name: 'a', value: '2' }] } },
			'Parameter "Custom Attributes (JSON)": "a" is also set in "Custom Attributes"',
		],
		['no field at all', {}, 'Parameter "Update Fields": add at least one field to change'],
	])('refuses %s before sending anything', async (_case, updateFields, message) => {
		const api = fakeIntercom();
		const result = await run({ operation: 'update', conversationId: byId('123'), updateFields });
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});
});

describe('conversation delete', () => {
	it('deletes by ID and returns what Intercom answers', async () => {
		const deleted = { id: '123', object: 'conversation', deleted: true };
		const api = fakeIntercom({ 'DELETE /conversations/123': [200, deleted] });
		const result = await run({ operation: 'delete', conversationId: byId('123') });
		expect(api.sent).toEqual([expected('DELETE', '/conversations/123')]);
		expect(result.items).toEqual([{ json: deleted, pairedItem: { item: 0 } }]);
	});
});

describe('conversation getMany', () => {
	const page = (ids: string[], next?: string) => [
		200,
		{
			type: 'conversation.list',
			conversations: ids.map((id) => ({ type: 'conversation', id })),
			pages: { type: 'pages', per_page: 150, ...(next ? { next: { starting_after: next } } : {}) },
		},
	] as [number, unknown];

	it('walks every page with Return All, asking for 150 at a time', async () => {
		const api = fakeIntercom({ 'GET /conversations': [page(['1', '2'], 'c1'), page(['3'], 'c2'), page(['4'])] });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([
			expected('GET', '/conversations', { query: { per_page: '150' } }),
			expected('GET', '/conversations', { query: { per_page: '150', starting_after: 'c1' } }),
			expected('GET', '/conversations', { query: { per_page: '150', starting_after: 'c2' } }),
		]);
		expect(result.items.map((i) => i.json.id)).toEqual(['1', '2', '3', '4']);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the Limit without asking for another page', async () => {
		const api = fakeIntercom({ 'GET /conversations': [page(['1', '2'], 'c1'), page(['3', '4'], 'c2')] });
		const result = await run({ operation: 'getMany', returnAll: false, limit: 3 });
		expect(api.sent).toEqual([
			expected('GET', '/conversations', { query: { per_page: '3' } }),
			expected('GET', '/conversations', { query: { per_page: '1', starting_after: 'c1' } }),
		]);
		expect(result.items.map((i) => i.json.id)).toEqual(['1', '2', '3']);
	});
});
