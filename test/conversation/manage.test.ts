import { runNode } from '../helpers/n8n';
import { credentials, expected, fakeIntercom, notFound, resetFake } from './fake-intercom';

const CONVERSATION = { type: 'conversation', id: '123', state: 'closed' };
const PATH = '/conversations/123/parts';

function manage(operation: string, parameters: Record<string, unknown>) {
	return runNode({
		parameters: { resource: 'conversation', operation, conversationId: { __rl: true, mode: 'id', value: '123' }, ...parameters } as never,
		credentials,
	});
}

afterEach(resetFake);

describe('conversation manage operations (POST /conversations/{id}/parts)', () => {
	it.each([
		['close', { actingAdminId: '991267708' }, { message_type: 'close', type: 'admin', admin_id: '991267708' }],
		[
			'close',
			{ actingAdminId: '991267708', additionalFields: { body: 'Goodbye :)' } },
			{ message_type: 'close', type: 'admin', admin_id: '991267708', body: 'Goodbye :)' },
		],
		['open', { actingAdminId: '991267712' }, { message_type: 'open', admin_id: '991267712' }],
		[
			'snooze',
			{ actingAdminId: '991267710', snoozedUntil: '2025-01-01T00:00:00Z' },
			{ message_type: 'snoozed', admin_id: '991267710', snoozed_until: 1735689600 },
		],
		[
			'assign',
			{ actingAdminId: '991267715', assigneeType: 'admin', assigneeAdminId: '991267716' },
			{ message_type: 'assignment', type: 'admin', admin_id: '991267715', assignee_id: '991267716' },
		],
		[
			'assign',
			{ actingAdminId: '991267715', assigneeType: 'team', assigneeTeamId: '814', additionalFields: { body: 'Over to billing' } },
			{ message_type: 'assignment', type: 'team', admin_id: '991267715', assignee_id: '814', body: 'Over to billing' },
		],
		[
			'assign',
			{ actingAdminId: '991267715', assigneeType: 'admin', assigneeAdminId: '0' },
			{ message_type: 'assignment', type: 'admin', admin_id: '991267715', assignee_id: '0' },
		],
	])('%s sends exactly its request schema', async (operation, parameters, body) => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		const result = await manage(operation, parameters);
		expect(result.error).toBeUndefined();
		expect(api.sent).toEqual([expected('POST', PATH, { body })]);
		expect(result.items).toEqual([{ json: CONVERSATION, pairedItem: { item: 0 } }]);
	});

	it.each([
		['an ISO date with an offset', '2025-01-01T01:00:00+01:00', 1735689600],
		['Unix seconds as a number', 1735689600, 1735689600],
		['Unix seconds as text', '1735689600', 1735689600],
		['a Luxon date from an expression', '={{ DateTime.fromISO("2025-01-01T00:00:00Z") }}', 1735689600],
	])('snooze converts %s to Unix seconds', async (_case, snoozedUntil, seconds) => {
		const api = fakeIntercom({ [`POST ${PATH}`]: [200, CONVERSATION] });
		const result = await manage('snooze', { actingAdminId: '1', snoozedUntil });
		expect(result.error).toBeUndefined();
		expect(api.sent.map((r) => r.body)).toEqual([{ message_type: 'snoozed', admin_id: '1', snoozed_until: seconds }]);
	});

	it.each([
		['an unparsable date', 'next tuesday', 'Parameter "Snoozed Until": "next tuesday" is not a date'],
		['milliseconds', '1735689600000', 'Parameter "Snoozed Until": 1735689600000 is not a Unix time in seconds'],
		['an empty date from an expression', '={{ "" }}', 'Parameter "Snoozed Until": a date is required'],
	])('snooze refuses %s before sending anything', async (_case, snoozedUntil, message) => {
		const api = fakeIntercom();
		const result = await manage('snooze', { actingAdminId: '1', snoozedUntil });
		expect(result.error?.message).toBe(message);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(api.sent).toEqual([]);
	});

	it.each([
		['close', { actingAdminId: '={{ "" }}' }, 'Parameter "Admin Name or ID": a value is required'],
		['open', { actingAdminId: 'me' }, 'Parameter "Admin Name or ID": "me" is not a valid ID'],
		['assign', { actingAdminId: '1', assigneeType: 'team', assigneeTeamId: '={{ "" }}' }, 'Parameter "Assignee Team Name or ID": a value is required'],
		['assign', { actingAdminId: '1', assigneeType: 'admin', assigneeAdminId: 'x1' }, 'Parameter "Assignee Admin Name or ID": "x1" is not a valid ID'],
	])('%s refuses bad input before sending anything', async (operation, parameters, message) => {
		const api = fakeIntercom();
		const result = await manage(operation, parameters);
		expect(result.error?.message).toBe(message);
		expect(api.sent).toEqual([]);
	});

	it('reports a missing conversation clearly', async () => {
		fakeIntercom({ [`POST ${PATH}`]: notFound });
		const result = await manage('open', { actingAdminId: '1' });
		expect(result.error?.message).toBe('Conversation was not found in Intercom');
	});
});
