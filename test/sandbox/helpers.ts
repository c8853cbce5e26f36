/**
 * Shared helpers for the sandbox suite: a tiny fetch wrapper and a response
 * shape assertion against the spec fixture's response schemas.
 */
import { formatProblems, loadSpec, RunningSandbox, validateSchema } from '../../sandbox';

export interface ApiResult {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

export async function call(
	sb: Pick<RunningSandbox, 'baseUrl' | 'token'>,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<ApiResult> {
	const init: RequestInit = {
		method,
		headers: {
			Authorization: `Bearer ${sb.token}`,
			'Intercom-Version': '2.14',
			Accept: 'application/json',
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...headers,
		},
	};
	if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
	const res = await fetch(`${sb.baseUrl}${path}`, init);
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** Problems of `body` against the spec's response schema for `operationKey` + status. */
export function shapeProblems(operationKey: string, status: number, body: unknown): string[] {
	const spec = loadSpec();
	const op = spec.operations[operationKey];
	if (!op) throw new Error(`unknown operation ${operationKey}`);
	const schema = op.responses[String(status)]?.content['application/json'];
	if (!schema) throw new Error(`no ${status} JSON schema for ${operationKey}`);
	return formatProblems(validateSchema(body, schema, { schemas: spec.schemas }));
}

/**
 * Calls one operation, named by its spec key (`GET /tickets/{ticket_id}`), at `path`, and expects
 * `status` with an answer in the spec's shape for that status (a 204 has none); the answer's body
 * is shown when the status differs. `seen`, when given, collects the keys called, for a suite that
 * checks it called every route of a table.
 */
export async function answeredInShape(
	sb: Pick<RunningSandbox, 'baseUrl' | 'token'>,
	key: string,
	path: string,
	body?: unknown,
	options: { status?: number; seen?: Set<string> } = {},
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
	const status = options.status ?? 200;
	options.seen?.add(key);
	const r = await call(sb, key.split(' ')[0], path, body);
	expect([key, r.status, r.status === status ? '' : r.text]).toEqual([key, status, '']);
	if (status !== 204) expect({ key, problems: shapeProblems(key, status, r.json) }).toEqual({ key, problems: [] });
	return r.json;
}

/** Calls and expects Intercom's error list with `status` and this first code; returns its message. */
export async function refusedWith(sb: Pick<RunningSandbox, 'baseUrl' | 'token'>, method: string, path: string, body: unknown, status: number, code: string): Promise<string> {
	const r = await call(sb, method, path, body);
	expect([r.status, r.json?.errors?.[0]?.code]).toEqual([status, code]);
	return String(r.json.errors[0].message);
}
