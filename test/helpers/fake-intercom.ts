/**
 * A nock-backed stand-in for Intercom that records every request exactly as it left the node
 * (method, escaped path, query, body, headers) and answers from a queue of expected calls.
 * A request nobody expected is recorded too and answered 599, so the test sees it.
 */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { credentialsFor, runNode, type RunNodeResult } from './n8n';
import { TEST_API_VERSION } from './api-version';

export const BASE_URL = 'http://intercom.test';
export const TOKEN = 'tok_contact_tests';

export interface RecordedCall {
	method: string;
	/** The path as sent, still percent-escaped. */
	path: string;
	query: Record<string, string>;
	body: unknown;
	version: string | undefined;
	authorization: string | undefined;
	contentType: string | undefined;
}

interface Route {
	method: string;
	path: string;
	query?: Record<string, string>;
	status: number;
	body: unknown;
}

function parseBody(raw: unknown): unknown {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export function fakeIntercom() {
	const calls: RecordedCall[] = [];
	const routes: Route[] = [];
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		nock(BASE_URL)
			.persist()
			.intercept(() => true, method)
			.reply(function (uri, requestBody) {
				const url = new URL(uri, BASE_URL);
				const rawPath = uri.split('?')[0];
				const query = Object.fromEntries(url.searchParams.entries());
				const headers = this.req.headers;
				calls.push({
					method,
					path: rawPath,
					query,
					body: parseBody(requestBody),
					version: headers['intercom-version'] as string | undefined,
					authorization: headers.authorization as string | undefined,
					contentType: headers['content-type'] as string | undefined,
				});
				const index = routes.findIndex(
					(r) => r.method === method && r.path === rawPath && (!r.query || JSON.stringify(sorted(r.query)) === JSON.stringify(sorted(query))),
				);
				if (index === -1) return [599, { type: 'error.list', errors: [{ code: 'unexpected', message: `unexpected ${method} ${uri}` }] }];
				const [route] = routes.splice(index, 1);
				return [route.status, route.body as nock.Body];
			});
	}
	return {
		calls,
		/** Expects one call; answers it with `body` (status 200 unless given). */
		on(method: string, path: string, body: unknown, options: { status?: number; query?: Record<string, string> } = {}) {
			routes.push({ method, path, body, status: options.status ?? 200, query: options.query });
			return this;
		},
		/** Expected calls that never came. */
		pending(): string[] {
			return routes.map((r) => `${r.method} ${r.path}`);
		},
	};
}

function sorted(query: Record<string, string>): Array<[string, string]> {
	return Object.entries(query)
		.map(([k, v]) => [k, String(v)] as [string, string])
		.sort(([a], [b]) => a.localeCompare(b));
}

/** What every request to Intercom must carry. */
export const HEADERS = { version: TEST_API_VERSION, authorization: `Bearer ${TOKEN}` };

/** A recorded call with the standard headers; JSON bodies add the content type. */
export function call(method: string, path: string, options: { query?: Record<string, string>; body?: unknown } = {}): RecordedCall {
	return {
		method,
		path,
		query: options.query ?? {},
		body: options.body,
		...HEADERS,
		contentType: options.body === undefined ? undefined : 'application/json',
	};
}

export function runContact(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunNodeResult> {
	return runNode({
		parameters: { resource: 'contact', ...parameters },
		credentials: credentialsFor(BASE_URL, TOKEN),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** A resource locator value, as the editor stores it. */
export function locator(value: string, mode: 'id' | 'url' | 'list' = 'id'): INodeParameters {
	return { __rl: true, mode, value };
}

export const CONTACT_ID = '6762f0d51bb69f9f2193bb7f';
export const OTHER_CONTACT_ID = '6762f0d51bb69f9f2193bb80';
export const COMPANY_ID = '6762f0a61bb69f9f2193bb55';

export function contact(id = CONTACT_ID, extra: IDataObject = {}): IDataObject {
	return { type: 'contact', id, role: 'user', email: `${id}@example.com`, ...extra };
}
