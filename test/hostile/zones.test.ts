/**
 * Dates without a zone are read in the workflow's time zone (Settings → Time zone), in every
 * operation and in the search builder; never in the zone of the machine n8n runs on. The run's
 * host zone is Asia/Kolkata (test/global-setup.ts); the workflows here use New York and Tokyo.
 */
import nock from 'nock';

import { parseDateInZone } from '../../nodes/shared/values';
import { credentialsFor, runNode } from '../helpers/n8n';
import { echoServer } from './echo-server';

// n8n's engine logs every node error it sees to the console; these tests provoke them on purpose.
beforeAll(() => void jest.spyOn(console, 'log').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

let server: Awaited<ReturnType<typeof echoServer>>;
beforeAll(async () => {
	nock.restore(); // only the loopback echo server is called
	server = await echoServer();
});
afterAll(async () => {
	await server.close();
});
beforeEach(() => {
	server.requests.length = 0;
});

const utc = (...parts: [number, number, number, number?, number?]) => Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0) / 1000;

async function sentBody(parameters: Record<string, unknown>, timezone: string) {
	const result = await runNode({ parameters: parameters as never, credentials: credentialsFor(server.baseUrl, 'tok_zone'), timezone, continueOnFail: true });
	expect(result.items.map((i) => i.json.error)).toEqual(['echo #1']);
	return JSON.parse(server.requests[0].body);
}

describe('the host zone differs from every workflow zone used here', () => {
	it('runs in Asia/Kolkata', () => {
		expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(-330);
	});
});

describe('operations', () => {
	it.each([
		['America/New_York', '2025-01-01T09:00:00', utc(2025, 1, 1, 14)],
		['America/New_York', '2025-07-01T09:00', utc(2025, 7, 1, 13)],
		['America/New_York', '2025-01-01', utc(2025, 1, 1, 5)],
		['Asia/Tokyo', '2025-01-01 09:00:00', utc(2025, 1, 1, 0)],
		['Asia/Tokyo', '2025-01-01T09:00:00Z', utc(2025, 1, 1, 9)],
		['Asia/Tokyo', '2025-01-01T09:00:00+02:00', utc(2025, 1, 1, 7)],
	])('contact Create, Signed Up At, workflow in %s: %s', async (timezone, given, expected) => {
		const body = await sentBody({ resource: 'contact', operation: 'create', email: 'ada@example.com', additionalFields: { signedUpAt: given } }, timezone);
		expect(body.signed_up_at).toBe(expected);
	});

	it("conversation Reply's Created At, workflow in New York", async () => {
		const body = await sentBody(
			{
				resource: 'conversation',
				operation: 'reply',
				conversationId: { __rl: true, mode: 'id', value: '123' },
				actingAdminId: '1',
				body: 'hi',
				additionalFields: { createdAt: '2025-03-09T12:00:00' },
			},
			'America/New_York',
		);
		// 9 March 2025 is the first day of daylight saving time in New York: noon is 16:00 UTC.
		expect(body.created_at).toBe(utc(2025, 3, 9, 16));
	});
});

describe('the search builder', () => {
	it('a date condition without a zone, workflow in Tokyo', async () => {
		const body = await sentBody(
			{
				resource: 'conversation',
				operation: 'search',
				queryMode: 'builder',
				conditions: { condition: [{ field: 'created_at', operator: 'gt', value: '2025-01-01T09:00:00' }] },
				returnAll: true,
			},
			'Asia/Tokyo',
		);
		expect(body.query).toEqual({ field: 'created_at', operator: '>', value: utc(2025, 1, 1, 0) });
	});
});

describe('parseDateInZone', () => {
	it('reads a wall time that daylight saving skips or repeats at a definite instant', () => {
		// 2:30 on 9 March 2025 does not exist in New York; 1:30 on 2 November 2025 happens twice.
		expect(parseDateInZone('2025-03-09T02:30:00', 'America/New_York') / 1000).toBe(utc(2025, 3, 9, 7, 30));
		expect([utc(2025, 11, 2, 5, 30), utc(2025, 11, 2, 6, 30)]).toContain(parseDateInZone('2025-11-02T01:30:00', 'America/New_York') / 1000);
	});

	it('refuses what is not a real date, and reads a zone-less date as UTC when no zone is known', () => {
		expect(parseDateInZone('2025-02-30', 'Europe/Paris')).toBeNaN();
		expect(parseDateInZone('2025-01-01T10', 'Europe/Paris')).toBeNaN();
		expect(parseDateInZone('2025-01-01T10:00:00', undefined) / 1000).toBe(utc(2025, 1, 1, 10));
	});
});
