/**
 * The sandbox's Fin Agent, IP allowlist and phone switch as Intercom serves them, called directly:
 * every operation answers in its spec shape (errors too: CSAT's `{errors: {…}}`, the switch's
 * `{error_key, message}`), Fin escalates and refuses a reply it does not await, and the allowlist
 * refuses to lock out the caller.
 */
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { finIpSwitchRoutes } from '../../sandbox/api/fin-ip-switch';
import { call, shapeProblems } from '../sandbox/helpers';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 2, conversations: 0, articles: 3, companies: 0 } });
});
afterAll(async () => await sb.close());
afterEach(() => expect(sb.log.nonConformant()).toEqual([]));

const seen = new Set<string>();

async function answer(key: string, method: string, path: string, body: unknown, status = 200) {
	seen.add(key);
	const r = await call(sb, method, path, body);
	expect([key, r.status]).toEqual([key, status]);
	expect(shapeProblems(key, status, r.json)).toEqual([]);
	return r.json;
}

const message = (body: string, timestamp: string) => ({ author: 'user', body, timestamp });
const user = { id: 'fin-user-1', name: 'Sam' };

it('Fin: start, reply, escalation, CSAT, each in its spec shape', async () => {
	const started = await answer('POST /fin/start', 'POST', '/fin/start', { conversation_id: 'c-1', message: message('Hello there', '2025-01-24T10:00:00.000Z'), user });
	expect(started).toMatchObject({ conversation_id: 'c-1', user_id: 'fin-user-1', status: 'thinking' });
	const again = await call(sb, 'POST', '/fin/start', { conversation_id: 'c-1', message: message('Something else', '2025-01-24T10:00:09.000Z'), user });
	expect([again.status, again.json.errors[0].code]).toEqual([400, 'parameter_invalid']);

	await answer('POST /fin/reply', 'POST', '/fin/reply', { conversation_id: 'c-1', message: message('Can I talk to a human?', '2025-01-24T10:01:00.000Z'), user });
	const fin = sb.workspace.fin.conversations.get('c-1')!;
	expect(fin.status).toBe('escalated');
	// Escalated: the conversation is the teammates' now, Fin takes no more replies.
	const refused = await call(sb, 'POST', '/fin/reply', { conversation_id: 'c-1', message: message('Hello?', '2025-01-24T10:02:00.000Z'), user });
	expect([refused.status, refused.json.errors[0].message]).toEqual([400, 'Fin is not awaiting a reply in conversation c-1 (status: escalated)']);

	const noSurvey = await answer('POST /fin/csat', 'POST', '/fin/csat', { conversation_id: 'c-1', rating: 'ok' }, 422);
	expect(noSurvey).toEqual({ errors: { base: 'No rating survey found for this conversation' } });
	await answer('POST /fin/start', 'POST', '/fin/start', { conversation_id: 'c-2', message: message('Solved, thanks!', '2025-01-24T11:00:00.000Z'), user });
	expect(await answer('POST /fin/csat', 'POST', '/fin/csat', { conversation_id: 'c-2', rating: 'good', remark: 'Nice' })).toEqual({ conversation_id: 'c-2', rating: 'good', status: 'rated' });
	const conversation = await call(sb, 'GET', `/conversations/${sb.workspace.fin.conversations.get('c-2')!.conversationId}`);
	expect(shapeProblems('GET /conversations/{conversation_id}', 200, conversation.json)).toEqual([]);
	expect(conversation.json.conversation_rating).toMatchObject({ rating: 4, remark: 'Nice', contact: { id: fin.contactId } });
});

it('IP allowlist: get and update in the spec shape; an update that locks out the caller is refused', async () => {
	await answer('GET /ip_allowlist', 'GET', '/ip_allowlist', undefined);
	const lockOut = await answer('PUT /ip_allowlist', 'PUT', '/ip_allowlist', { enabled: true, ip_allowlist: ['10.0.0.0/8'] }, 422);
	expect(lockOut.errors[0].message).toBe('Your IP (127.0.0.1) is not on the allowlist. Saving would lock you out of this workspace.');
	expect(await answer('PUT /ip_allowlist', 'PUT', '/ip_allowlist', { enabled: true, ip_allowlist: ['127.0.0.1', '10.0.0.0/8'] })).toEqual({
		type: 'ip_allowlist',
		enabled: true,
		ip_allowlist: ['127.0.0.1', '10.0.0.0/8'],
	});
	const invalid = await call(sb, 'PUT', '/ip_allowlist', { ip_allowlist: ['10.0.0.0/40'] });
	expect(invalid.status).toBe(400);
	await answer('PUT /ip_allowlist', 'PUT', '/ip_allowlist', { enabled: false, ip_allowlist: [] });
});

it('phone switch: the link in the spec shape, and its own error shape for a bad number', async () => {
	const sent = await answer('POST /phone_call_redirects', 'POST', '/phone_call_redirects', { phone: '+353832345678', custom_attributes: { plan: 'pro' } });
	expect(sent).toEqual({ type: 'phone_call_redirect', phone: '+353832345678', url: expect.stringMatching(/^http:\/\/via\.intercom\.io\/msgr\//) });
	const bad = await call(sb, 'POST', '/phone_call_redirects', { phone: '0832345678' });
	expect([bad.status, bad.json]).toEqual([400, { error_key: 'invalid_phone_number', message: 'Invalid phone number' }]);
	expect(Object.keys(finIpSwitchRoutes).filter((key) => !seen.has(key))).toEqual([]);
});
