/** The shared recording fake (test/helpers/fake-intercom.ts), set up from a table of answers. */
import nock from 'nock';

import { BASE_URL, call, fakeIntercom as sharedFake, TOKEN, type RecordedCall } from '../helpers/fake-intercom';
import { credentialsFor } from '../helpers/n8n';

export const credentials = credentialsFor(BASE_URL, TOKEN);

type Reply = [status: number, body: unknown];

/**
 * Primes the shared fake with one answer per expected call, keyed `METHOD path` (an array answers
 * successive calls in order), and returns what the node sent: unexpected calls are recorded too.
 */
export function fakeIntercom(routes: Record<string, Reply | Reply[]> = {}): { sent: RecordedCall[] } {
	const api = sharedFake();
	for (const [key, answer] of Object.entries(routes)) {
		const [method, path] = key.split(' ');
		const replies = Array.isArray(answer[0]) ? (answer as Reply[]) : [answer as Reply];
		for (const [status, body] of replies) api.on(method, path, body, { status });
	}
	return { sent: api.calls };
}

export function resetFake(): void {
	nock.cleanAll();
}

export const notFound: Reply = [404, { type: 'error.list', request_id: 'req-404', errors: [{ code: 'not_found', message: 'Resource Not Found' }] }];

/** A call as the tests expect it: Intercom-Version 2.14, the credential's token, JSON bodies typed. */
export function expected(method: string, path: string, extra: { query?: Record<string, string>; body?: unknown } = {}): RecordedCall {
	return call(method, path, extra);
}
