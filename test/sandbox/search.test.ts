/**
 * Search semantics: operators, nesting limits, contact day truncation in the
 * workspace time zone, inclusive conversation date comparisons, and the
 * indexing delay for new contacts.
 */
import { RunningSandbox, SandboxClock, startSandbox } from '../../sandbox';
import { call } from './helpers';

const T = (iso: string) => Date.parse(iso) / 1000;

describe('search', () => {
	let sb: RunningSandbox;
	const clock = new SandboxClock();
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		sb = await startSandbox({
			port: 0,
			clock,
			timezone: 'America/New_York',
			seed: { contacts: 50, conversations: 10 },
			workspaces: [{ idCode: 'utcspace', timezone: 'UTC', tokens: ['utc-token'], seed: { contacts: 0, conversations: 0 } }],
		});
		// Fixture contacts with controlled timestamps, created through the API at frozen times.
		const make = async (name: string, at: string, extra: Record<string, unknown> = {}, token = sb.token) => {
			clock.freezeAt(T(at));
			const res = await call({ baseUrl: sb.baseUrl, token }, 'POST', '/contacts', { email: `${name}@tz.test`, name, ...extra });
			expect(res.status).toBe(200);
			ids[`${token === sb.token ? '' : 'utc:'}${name}`] = res.json.id;
		};
		for (const token of [sb.token, 'utc-token']) {
			await make('a', '2024-01-10T04:00:00Z', { custom_attributes: { seats: 5 } }, token); // NY: Jan 9 23:00
			await make('b', '2024-01-10T05:00:00Z', { custom_attributes: { seats: 10 } }, token); // NY: Jan 10 00:00
			await make('c', '2024-01-09T06:00:00Z', { custom_attributes: { seats: 15 }, role: 'lead' }, token); // NY: Jan 9 01:00
			await make('d', '2024-01-09T04:59:59Z', { custom_attributes: { seats: 20 } }, token); // NY: Jan 8 23:59:59
		}
		clock.unfreeze();
	});
	afterAll(async () => {
		await sb.close();
	});

	async function names(query: unknown, token = sb.token): Promise<string[]> {
		const res = await call({ baseUrl: sb.baseUrl, token }, 'POST', '/contacts/search', {
			query: { operator: 'AND', value: [{ field: 'email', operator: '$', value: '@tz.test' }, query] },
			pagination: { per_page: 150 },
		});
		expect(res.status).toBe(200);
		return res.json.data.map((c: { name: string }) => c.name).sort();
	}

	async function status(body: unknown, path = '/contacts/search'): Promise<[number, string]> {
		const res = await call(sb, 'POST', path, body);
		return [res.status, res.json.errors?.[0]?.code ?? 'ok'];
	}

	it('supports every string operator', async () => {
		expect(await names({ field: 'name', operator: '=', value: 'a' })).toEqual(['a']);
		expect(await names({ field: 'name', operator: '!=', value: 'a' })).toEqual(['b', 'c', 'd']);
		expect(await names({ field: 'name', operator: 'IN', value: ['a', 'c'] })).toEqual(['a', 'c']);
		expect(await names({ field: 'name', operator: 'NIN', value: ['a', 'c'] })).toEqual(['b', 'd']);
		expect(await names({ field: 'email', operator: '~', value: 'b@' })).toEqual(['b']);
		expect(await names({ field: 'email', operator: '!~', value: 'b@' })).toEqual(['a', 'c', 'd']);
		expect(await names({ field: 'email', operator: '^', value: 'c' })).toEqual(['c']);
		expect(await names({ field: 'email', operator: '$', value: 'd@tz.test' })).toEqual(['d']);
	});

	it('supports integer comparisons, booleans, roles and custom attributes', async () => {
		expect(await names({ field: 'custom_attributes.seats', operator: '<', value: 10 })).toEqual(['a']);
		expect(await names({ field: 'custom_attributes.seats', operator: '<=', value: 10 })).toEqual(['a', 'b']);
		expect(await names({ field: 'custom_attributes.seats', operator: '>', value: 15 })).toEqual(['d']);
		expect(await names({ field: 'custom_attributes.seats', operator: '>=', value: 15 })).toEqual(['c', 'd']);
		expect(await names({ field: 'role', operator: '=', value: 'lead' })).toEqual(['c']);
		expect(await names({ field: 'unsubscribed_from_emails', operator: '=', value: false })).toEqual(['a', 'b', 'c', 'd']);
		expect(await names({ operator: 'OR', value: [{ field: 'name', operator: '=', value: 'a' }, { field: 'name', operator: '=', value: 'd' }] })).toEqual(['a', 'd']);
	});

	it('truncates contact dates to the calendar day in the workspace time zone', async () => {
		const x = T('2024-01-10T03:00:00Z'); // New York: Jan 9, 22:00 — UTC: Jan 10
		// New York workspace: X's day is Jan 9.
		expect(await names({ field: 'created_at', operator: '=', value: x })).toEqual(['a', 'c']);
		expect(await names({ field: 'created_at', operator: '>', value: x })).toEqual(['b']);
		expect(await names({ field: 'created_at', operator: '<', value: x })).toEqual(['d']);
		// UTC workspace: X's day is Jan 10.
		expect(await names({ field: 'created_at', operator: '=', value: x }, 'utc-token')).toEqual(['a', 'b']);
		expect(await names({ field: 'created_at', operator: '>', value: x }, 'utc-token')).toEqual([]);
		expect(await names({ field: 'created_at', operator: '<', value: x }, 'utc-token')).toEqual(['c', 'd']);
	});

	it('rejects date operators Intercom does not support on contact dates', async () => {
		for (const operator of ['!=', '>=', '<=']) {
			expect(await status({ query: { field: 'updated_at', operator, value: 1700000000 } })).toEqual([400, 'invalid_operator']);
		}
		expect(await status({ query: { field: 'created_at', operator: 'IN', value: [1700000000] } })).toEqual([400, 'invalid_operator']);
		expect(await status({ query: { field: 'created_at', operator: '>', value: 'yesterday' } })).toEqual([400, 'parameter_invalid']);
		expect(await status({ query: { field: 'tag_id', operator: 'IN', value: ['1'] } })).toEqual([400, 'invalid_operator']);
	});

	it('enforces nesting depth, group size, known fields and operators', async () => {
		const leaf = { field: 'name', operator: '=', value: 'a' };
		const twoLevels = { operator: 'AND', value: [{ operator: 'OR', value: [leaf, leaf] }, leaf] };
		const threeLevels = { operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [leaf] }] }] };
		expect(await status({ query: twoLevels })).toEqual([200, 'ok']);
		expect(await status({ query: threeLevels })).toEqual([400, 'query_invalid']);
		expect(await status({ query: { operator: 'OR', value: Array(15).fill(leaf) } })).toEqual([200, 'ok']);
		expect(await status({ query: { operator: 'OR', value: Array(16).fill(leaf) } })).toEqual([400, 'query_invalid']);
		expect(await status({ query: { field: 'shoe_size', operator: '=', value: 'x' } })).toEqual([400, 'invalid_field']);
		expect(await status({ query: { field: 'custom_attributes.nope', operator: '=', value: 'x' } })).toEqual([400, 'invalid_field']);
		expect(await status({ query: { field: 'name', operator: '>', value: 'x' } })).toEqual([400, 'invalid_operator']);
		// An operator outside the spec's enum is caught by conformance (body schema) first.
		expect(await status({ query: { field: 'name', operator: 'LIKE', value: 'x' } })).toEqual([400, 'parameter_invalid']);
	});

	it('compares conversation dates to the second, with > and < inclusive', async () => {
		const ws = sb.workspace;
		const conversation = ws.conversations.all()[3];
		const t = conversation.updated_at;
		const ids = async (operator: string, value: number) => {
			const res = await call(sb, 'POST', '/conversations/search', {
				query: { operator: 'AND', value: [{ field: 'id', operator: '=', value: conversation.id }, { field: 'updated_at', operator, value }] },
			});
			expect(res.status).toBe(200);
			return res.json.conversations.map((c: { id: string }) => c.id);
		};
		expect(await ids('>', t)).toEqual([conversation.id]); // behaves as >=
		expect(await ids('>', t + 1)).toEqual([]);
		expect(await ids('<', t)).toEqual([conversation.id]); // behaves as <=
		expect(await ids('<', t - 1)).toEqual([]);
		expect(await ids('=', t)).toEqual([conversation.id]);
		expect(await ids('=', t + 86400 * 0 + 1)).toEqual([]);
	});

	it('searches conversation fields such as source.author.email, tag_ids and source.body words', async () => {
		const ws = sb.workspace;
		const conversation = ws.conversations.all().find((c) => c.source.author.email)!;
		const res = await call(sb, 'POST', '/conversations/search', { query: { field: 'source.author.email', operator: '=', value: conversation.source.author.email } });
		expect(res.json.conversations.map((c: { id: string }) => c.id)).toContain(conversation.id);
		const word = conversation.source.body.replace(/<[^>]*>/g, '').split(/\s+/)[1].replace(/[^\p{L}\p{N}]/gu, '');
		const byWord = await call(sb, 'POST', '/conversations/search', { query: { field: 'source.body', operator: '=', value: word } });
		expect(byWord.json.conversations.map((c: { id: string }) => c.id)).toContain(conversation.id);
		const tagged = ws.conversations.all().find((c) => c.tags.length > 0);
		if (tagged) {
			const byTag = await call(sb, 'POST', '/conversations/search', { query: { field: 'tag_ids', operator: 'IN', value: [tagged.tags[0].tagId] } });
			expect(byTag.json.conversations.map((c: { id: string }) => c.id)).toContain(tagged.id);
		}
	});

	it('sorts by a requested field and order', async () => {
		const res = await call(sb, 'POST', '/contacts/search', {
			query: { field: 'email', operator: '$', value: '@tz.test' },
			sort: { field: 'created_at', order: 'descending' },
		});
		expect(res.json.data.map((c: { name: string }) => c.name)).toEqual(['b', 'a', 'c', 'd']);
		expect(sb.log.nonConformant().filter((r) => r.path.endsWith('/search') && r.status === 200)).toEqual([]);
	});

	it('makes new contacts searchable only after the indexing delay', async () => {
		sb.setSearchDelay(30);
		clock.freezeAt(T('2025-03-01T12:00:00Z'));
		try {
			const created = await call(sb, 'POST', '/contacts', { email: 'fresh@delay.test' });
			const find = async () => (await call(sb, 'POST', '/contacts/search', { query: { field: 'email', operator: '=', value: 'fresh@delay.test' } })).json.total_count;
			expect(await find()).toBe(0);
			// Direct reads see it at once; only search lags.
			expect((await call(sb, 'GET', `/contacts/${created.json.id}`)).status).toBe(200);
			clock.advanceSeconds(29);
			expect(await find()).toBe(0);
			clock.advanceSeconds(1);
			expect(await find()).toBe(1);
		} finally {
			clock.unfreeze();
			sb.setSearchDelay(0);
		}
	});
});
