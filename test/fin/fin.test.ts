/**
 * Fin Agent through n8n against the sandbox: a conversation handed to Fin is a real conversation
 * (the user's messages and Fin's answers are its parts), a reply continues it, a message saying it
 * is solved ends it with a rating request, and the CSAT rating is recorded on the conversation.
 */
import { presentConversation } from '../../sandbox/api/present-conversations';
import { sandboxNode } from '../helpers/sandbox-node';

const node = sandboxNode('fin', { contacts: 5, conversations: 0, articles: 6, companies: 0 });

const at = '2025-01-24T10:01:20.000Z';

function finConversation(externalId: string) {
	const ws = node.sb().workspace;
	const fin = ws.fin.conversations.get(externalId)!;
	return { fin, conversation: ws.conversations.get(fin.conversationId)! };
}

describe('Fin Agent', () => {
	it('starts a conversation: the contact found or made by user ID, the message a part, Fin\'s answer a part', async () => {
		const ws = node.sb().workspace;
		const article = [...ws.articles.values()].find((a) => a.state === 'published')!;
		const result = await node.run({
			operation: 'start',
			conversationId: 'ext-1',
			message: `How do I ${article.title}?`,
			messageTime: at,
			userId: 'crm-1',
			additionalFields: {
				userName: 'Jo Doe',
				userEmail: 'jo@example.com',
				userAttributes: '{"plan": "pro", "tier": "gold"}',
				attachmentUrls: 'https://example.com/a.png, https://example.com/b.pdf',
				history: '[{"author": "user", "body": "Hello", "timestamp": "2025-01-24T10:00:01Z"}, {"author": "agent", "body": "Hi, how can I help?", "timestamp": "2025-01-24T10:01:00Z"}]',
				conversationAttributes: '{"issue_type": "question"}',
			},
		});
		expect(result.sent.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'POST',
				'/fin/start',
				{
					conversation_id: 'ext-1',
					message: { author: 'user', body: `How do I ${article.title}?`, timestamp: at },
					user: { id: 'crm-1', name: 'Jo Doe', email: 'jo@example.com', attributes: { plan: 'pro', tier: 'gold' } },
					attachments: [
						{ type: 'url', url: 'https://example.com/a.png' },
						{ type: 'url', url: 'https://example.com/b.pdf' },
					],
					conversation_metadata: {
						history: [
							{ author: 'user', body: 'Hello', timestamp: '2025-01-24T10:00:01Z' },
							{ author: 'agent', body: 'Hi, how can I help?', timestamp: '2025-01-24T10:01:00Z' },
						],
						attributes: { issue_type: 'question' },
					},
				},
			],
		]);
		// Intercom answers "thinking" and reports what Fin does through webhooks; an attribute the
		// workspace does not have is reported, not stored.
		expect(result.json).toEqual([
			{
				conversation_id: 'ext-1',
				user_id: 'crm-1',
				status: 'thinking',
				created_at_ms: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
				errors: { user: { attributes: { tier: "User attribute 'tier' does not exist" } } },
			},
		]);
		const { fin, conversation } = finConversation('ext-1');
		const contact = ws.contact(fin.contactId)!;
		expect([contact.external_id, contact.name, contact.email, contact.custom_attributes.plan]).toEqual(['crm-1', 'Jo Doe', 'jo@example.com', 'pro']);
		expect(conversation.source.body).toBe(`How do I ${article.title}?`);
		expect(conversation.custom_attributes.issue_type).toBe('question');
		expect(conversation.parts.map((p) => [p.part_type, p.author.type, p.author.name])).toEqual([['comment', 'bot', 'Fin']]);
		expect(conversation.parts[0].body).toContain(article.title);
		expect(fin.status).toBe('awaiting_user_reply');
	});

	it('sends the same message again as one (same time), and a reply continues the conversation', async () => {
		const again = await node.ok({ operation: 'start', conversationId: 'ext-1', message: (finConversation('ext-1').conversation.source.body), messageTime: at, userId: 'crm-1' });
		expect(again[0].status).toBe('thinking');
		expect(finConversation('ext-1').conversation.parts).toHaveLength(1);

		const before = Date.now();
		const reply = await node.run({ operation: 'reply', conversationId: 'ext-1', message: 'And where do I find my invoices?', userId: 'crm-1' });
		const sent = reply.sent[0].body as { message: { timestamp: string } };
		// A blank Message Time is the moment the item ran.
		expect(Date.parse(sent.message.timestamp)).toBeGreaterThanOrEqual(before - 1);
		expect(Date.parse(sent.message.timestamp)).toBeLessThanOrEqual(Date.now());
		expect(reply.sent.map((r) => [r.path, r.body])).toEqual([
			['/fin/reply', { conversation_id: 'ext-1', message: { author: 'user', body: 'And where do I find my invoices?', timestamp: sent.message.timestamp }, user: { id: 'crm-1' } }],
		]);
		expect(reply.json).toEqual([{ conversation_id: 'ext-1', user_id: 'crm-1', status: 'thinking', created_at_ms: expect.any(String) }]);
		const { conversation } = finConversation('ext-1');
		expect(conversation.parts.map((p) => [p.author.type, p.body?.slice(0, 20)])).toEqual([
			['bot', expect.any(String)],
			['user', 'And where do I find '],
			['bot', expect.any(String)],
		]);
	});

	it('records a CSAT rating once Fin asked for one: the same again is a no-op, a remark locks it', async () => {
		const early = await node.run({ operation: 'submitCsat', conversationId: 'ext-1', rating: 'good' });
		expect(early.sent.map((r) => [r.path, r.status, r.body])).toEqual([['/fin/csat', 422, { conversation_id: 'ext-1', rating: 'good' }]]);
		// The 422 answers of this operation are {errors: {base: "…"}}: their message is the error's.
		expect(early.error?.message).toBe('No rating survey found for this conversation');

		await node.ok({ operation: 'reply', conversationId: 'ext-1', message: 'Thanks, that solved it', messageTime: '2025-01-24T10:05:00Z', userId: 'crm-1' });
		const { fin, conversation } = finConversation('ext-1');
		expect(fin.status).toBe('complete');
		expect(conversation.state).toBe('closed');

		const rated = await node.ok({ operation: 'submitCsat', conversationId: 'ext-1', rating: 'good' });
		expect(rated).toEqual([{ conversation_id: 'ext-1', rating: 'good', status: 'rated' }]);
		expect(await node.ok({ operation: 'submitCsat', conversationId: 'ext-1', rating: 'good' })).toEqual(rated);
		const remarked = await node.run({ operation: 'submitCsat', conversationId: 'ext-1', rating: 'amazing', additionalFields: { remark: 'Quick and right.' } });
		expect(remarked.sent.map((r) => r.body)).toEqual([{ conversation_id: 'ext-1', rating: 'amazing', remark: 'Quick and right.' }]);
		expect(remarked.json).toEqual([{ conversation_id: 'ext-1', rating: 'amazing', status: 'rated' }]);
		expect(fin.csat).toMatchObject({ rating: 'amazing', remark: 'Quick and right.' });

		const locked = await node.run({ operation: 'submitCsat', conversationId: 'ext-1', rating: 'bad' });
		expect(locked.sent.map((r) => r.status)).toEqual([422]);
		expect(locked.error?.message).toBe('This rating can no longer be changed because a remark has already been submitted');
		const unknown = await node.run({ operation: 'submitCsat', conversationId: 'ext-404', rating: 'ok' });
		expect(unknown.error?.message).toBe('Conversation not found for the given external_conversation_id');

		// The rating is the conversation's, as the Conversations API shows it.
		expect(presentConversation(node.sb().workspace, conversation).conversation_rating).toMatchObject({ rating: 5, remark: 'Quick and right.' });
	});

	it('refuses bad input naming the parameter, and sends nothing', async () => {
		const base = { operation: 'start', conversationId: 'ext-9', message: 'Hi', userId: 'crm-9' };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ message: '   ' }, 'Parameter "Message": a value is required'],
			[{ userId: '  ' }, 'Parameter "User ID": a value is required'],
			[{ additionalFields: { userEmail: 'jo at example' } }, 'Parameter "User Email": "jo at example" is not an email address'],
			[{ messageTime: 'yesterday-ish' }, 'Parameter "Message Time": "yesterday-ish" is not a date'],
			[{ additionalFields: { attachmentUrls: 'ftp://example.com/a' } }, 'Parameter "Attachment URLs": "ftp://example.com/a" is not an http(s) URL'],
			[
				{ additionalFields: { attachmentUrls: Array.from({ length: 11 }, (_, i) => `https://e.com/${i}`).join(',') } },
				'Parameter "Attachment URLs": 11 attachments given, Fin takes at most 10',
			],
			[
				{ additionalFields: { userAttributes: JSON.stringify(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, i]))) } },
				'Parameter "User Attributes (JSON)": 11 attributes given, Fin takes at most 10',
			],
			[{ additionalFields: { history: '{"author": "user"}' } }, 'Parameter "History (JSON)": a JSON list of messages ([{"author": "user", "body": "…", "timestamp": "…"}]) is required'],
			[{ additionalFields: { history: '[{"author": "bot", "body": "x", "timestamp": "2025-01-24T10:00:01Z"}]' } }, 'Parameter "History (JSON)": message 1: "author" must be one of user, agent, fin'],
			[{ additionalFields: { history: '[{"author": "user", "body": "x", "timestamp": "soon"}]' } }, 'Parameter "History (JSON)": message 1: "timestamp" must be an ISO 8601 date-time'],
			[{ operation: 'submitCsat', rating: 'great' }, 'Parameter "Rating": "great" is not one of amazing, bad, good, ok, terrible'],
		];
		for (const [parameters, message] of cases) {
			const result = await node.run({ ...base, ...parameters } as never);
			expect({ parameters, message: result.error?.message?.replace(' [item 0]', '') }).toEqual({ parameters, message });
			expect(result.sent).toEqual([]);
		}
	});
});
