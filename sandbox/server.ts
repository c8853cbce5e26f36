/**
 * The HTTP pipeline: control API → OAuth → faults → auth → version check →
 * rate limit → conformance → route → answer, then log. Each behaviour can be
 * switched off through `sandbox.settings`.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApiError, errorBody } from './errors';
import { FileReply, JsonText, Reply } from './api/context';
import { fileAt } from './store/media-ops';
import { handleControl } from './control';
import { handleOAuth, isOAuthPath } from './oauth';
import type { Fault } from './faults';
import type { RateLimitDecision } from './rate-limit';
import type { LoggedRequest } from './request-log';
import type { Sandbox } from './sandbox';
import { formatProblems, validateSchema } from './schema-validator';
import { inBaseShape, inVersionShape } from './versions';

export const CONTROL_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface Outgoing {
	status: number;
	body: string | Buffer;
	contentType: string;
	headers: Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of params) {
		const existing = out[key];
		if (existing === undefined) out[key] = value;
		else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return out;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Outgoing {
	const text = body === undefined ? '' : body instanceof JsonText ? body.toBuffer() : JSON.stringify(body);
	return { status, body: text, contentType: 'application/json; charset=utf-8', headers };
}

function rateHeaders(d: RateLimitDecision): Record<string, string> {
	return { 'X-RateLimit-Limit': String(d.limit), 'X-RateLimit-Remaining': String(d.remaining), 'X-RateLimit-Reset': String(d.reset) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, out: Outgoing, truncate?: Extract<Fault, { type: 'truncate' }>): void {
	const bytes = typeof out.body === 'string' ? Buffer.from(out.body, 'utf8') : out.body;
	const headers: Record<string, string | number> = { ...out.headers };
	if (bytes.length > 0 || out.status !== 204) headers['Content-Type'] = out.contentType;
	if (!truncate) {
		headers['Content-Length'] = bytes.length;
		res.writeHead(out.status, headers);
		res.end(bytes);
		return;
	}
	const half = bytes.subarray(0, Math.floor(bytes.length / 2));
	if (truncate.prematureClose) {
		headers['Content-Length'] = bytes.length;
		res.writeHead(out.status, headers);
		res.write(half, () => res.socket?.destroy());
	} else {
		res.writeHead(out.status, headers);
		res.end(half);
	}
}

function htmlPage(status: number): string {
	return `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status}</h1><p>The server encountered a temporary error and could not complete your request.</p></body></html>`;
}

/**
 * Files at `/__files/<token>/<name>`: what Intercom serves from other hosts (signed recording URLs,
 * attachments). No token needed; each fetch is recorded with its headers in the owning workspace's
 * media (`fetches`), outside the API log, since these are not API requests.
 */
export const FILES_PREFIX = '/__files/';

function serveFile(sandbox: Sandbox, method: string, path: string, headers: Record<string, string>, res: ServerResponse): void {
	for (const ws of sandbox.workspaces.values()) {
		const file = fileAt(ws.media, path);
		if (!file) continue;
		ws.media.fetches.push({ path, headers });
		if (method !== 'GET') {
			send(res, { status: 405, body: '', contentType: 'text/plain', headers: {} });
			return;
		}
		send(res, { status: 200, body: file.bytes, contentType: file.contentType, headers: {} });
		return;
	}
	send(res, { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>', contentType: 'application/xml', headers: {} });
}

/** A certificate and its key (PEM) for serving HTTPS. */
export interface TlsOptions {
	key: string | Buffer;
	cert: string | Buffer;
}

/**
 * Creates the server for a sandbox (not yet listening): node:http, or node:https when given a
 * certificate. `connections` counts the TCP connections accepted so far (benchmarks report it).
 */
export function createSandboxServer(sandbox: Sandbox, tls?: TlsOptions): { server: Server; sockets: Set<Socket>; connections: () => number } {
	const sockets = new Set<Socket>();
	let accepted = 0;
	const listener = (req: IncomingMessage, res: ServerResponse) => {
		handle(sandbox, req, res).catch((err) => {
			if (!res.headersSent) send(res, json(500, errorBody('server_error', String(err?.message ?? err))));
			else res.destroy();
		});
	};
	const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
	server.on('connection', (socket: Socket) => {
		accepted++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	return { server, sockets, connections: () => accepted };
}

async function handle(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const started = process.hrtime.bigint();
	const arrivedAt = sandbox.clock.now();
	const url = new URL(req.url ?? '/', 'http://sandbox.local');
	const method = (req.method ?? 'GET').toUpperCase();
	const path = url.pathname;
	const rawBody = await readBody(req);
	const headers = flatHeaders(req);

	if (path.startsWith(CONTROL_PREFIX) || path === CONTROL_PREFIX.slice(0, -1)) {
		const out = await handleControl(sandbox, method, path.slice(CONTROL_PREFIX.length), url.searchParams, rawBody);
		send(res, json(out.status, out.body));
		return;
	}

	const query = queryObject(url.searchParams);
	const entry: Omit<LoggedRequest, 'seq'> = {
		at: arrivedAt,
		kind: 'api',
		method,
		path,
		query,
		headers,
		intercomVersion: headers['intercom-version'] ?? null,
		body: undefined,
		workspace: null,
		operation: null,
		status: 0,
		fault: null,
		verdict: { conformant: true, problems: [] },
		durationMs: 0,
	};
	const finish = (status: number) => {
		entry.status = status;
		entry.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
		sandbox.log.add(entry);
	};

	if (path.startsWith(FILES_PREFIX)) {
		serveFile(sandbox, method, path, headers, res);
		return;
	}

	if (isOAuthPath(path)) {
		entry.kind = 'oauth';
		const out = await handleOAuth(sandbox, method, path, url.searchParams, headers, rawBody);
		entry.body = out.loggedBody;
		entry.verdict = { conformant: out.problems.length === 0, problems: out.problems };
		send(res, out.response);
		finish(out.response.status);
		return;
	}

	const versioned = sandbox.forVersion(headers['intercom-version']);
	const conformance = versioned.conformance.check({ method, path, query, headers, rawBody });
	entry.body = conformance.body ?? (rawBody === '' ? undefined : rawBody);
	entry.operation = conformance.operationKey;
	entry.verdict = { conformant: conformance.problems.length === 0, problems: [...conformance.problems] };

	const fault = sandbox.settings.faults ? sandbox.faults.next(method, path) : undefined;
	let truncate: Extract<Fault, { type: 'truncate' }> | undefined;
	if (fault) {
		entry.fault = fault.type;
		switch (fault.type) {
			case 'latency':
				await sleep(fault.ms);
				break;
			case 'truncate':
				truncate = fault;
				break;
			case 'reset':
				req.socket.destroy();
				finish(0);
				return;
			case 'hang':
				// Never answer; server.close() destroys the socket.
				finish(0);
				return;
			case 'html':
				send(res, { status: fault.status ?? 502, body: htmlPage(fault.status ?? 502), contentType: 'text/html; charset=utf-8', headers: {} });
				finish(fault.status ?? 502);
				return;
			case 'empty':
				send(res, { status: fault.status ?? 200, body: '', contentType: 'application/json; charset=utf-8', headers: {} });
				finish(fault.status ?? 200);
				return;
			case 'status': {
				const ws = sandbox.auth.workspaceFor(headers.authorization);
				const extra: Record<string, string> = {};
				if (fault.status === 429) {
					const d = sandbox.rateLimiter.peek(ws ?? '-', sandbox.clock.now());
					Object.assign(extra, rateHeaders({ ...d, remaining: 0 }));
				}
				const code = fault.status === 429 ? 'rate_limit_exceeded' : fault.status >= 500 ? 'server_error' : 'fault_injected';
				const message = fault.status === 429 ? 'Exceeded rate limit' : 'Injected fault';
				send(res, json(fault.status, errorBody(code, message), extra));
				finish(fault.status);
				return;
			}
		}
	}

	const out = answer(sandbox, method, headers, conformance, entry, req.socket.remoteAddress, `http://${headers.host ?? '127.0.0.1'}`, versioned);
	out.headers['X-Request-Id'] = (out.headers['X-Request-Id'] ?? randomUUID());
	// The Date a server stamps comes from its own clock: clients can tell how far it is from theirs.
	out.headers.Date = new Date(sandbox.clock.now()).toUTCString();
	send(res, out, truncate);
	finish(out.status);
}

function answer(
	sandbox: Sandbox,
	method: string,
	headers: Record<string, string>,
	conformance: ReturnType<Sandbox['conformance']['check']>,
	entry: Omit<LoggedRequest, 'seq'>,
	ip: string | undefined,
	origin: string,
	versioned: ReturnType<Sandbox['forVersion']>,
): Outgoing {
	const requestId = randomUUID();
	const fail = (err: ApiError, extra: Record<string, string> = {}) =>
		json(err.status, errorBody(err.code, err.message, requestId, err.field), { ...extra, 'X-Request-Id': requestId });

	const workspaceId = sandbox.auth.workspaceFor(headers.authorization);
	if (!workspaceId) return fail(new ApiError(401, 'unauthorized', 'Access Token Invalid'));
	const ws = sandbox.workspace(workspaceId);
	entry.workspace = ws.idCode;

	const decision = sandbox.rateLimiter.take(ws.idCode, sandbox.clock.now());
	const limitHeaders = rateHeaders(decision);
	if (!decision.allowed && sandbox.settings.rateLimit) {
		return fail(new ApiError(429, 'rate_limit_exceeded', 'Exceeded rate limit'), limitHeaders);
	}

	if (sandbox.settings.strictVersion && !headers['intercom-version']) {
		entry.verdict.conformant = false;
		entry.verdict.problems.push('Intercom-Version header is missing (strict mode)');
		return fail(new ApiError(400, 'intercom_version_invalid', 'The Intercom-Version header is required'), limitHeaders);
	}

	if (!conformance.match) return fail(new ApiError(404, 'not_found', 'Resource Not Found'), limitHeaders);
	if (conformance.error && (sandbox.settings.conformance || conformance.error.status === 404)) {
		return fail(conformance.error, limitHeaders);
	}
	const key = conformance.operationKey as string;
	const handler = sandbox.routes[key];
	if (!handler) {
		return fail(new ApiError(501, 'not_implemented', `${key} is not simulated by the sandbox`), limitHeaders);
	}
	let status = 200;
	let body: unknown;
	try {
		const parsedBody = inBaseShape(versioned.version, key, conformance.body) ?? (method === 'GET' ? undefined : {});
		const result = handler({ ws, params: conformance.match.pathParams, query: conformance.query, body: parsedBody, settings: sandbox.settings, ip, origin });
		if (result instanceof FileReply) {
			return { status: result.status, body: result.bytes, contentType: result.contentType, headers: { ...limitHeaders, ...result.headers, 'X-Request-Id': requestId } };
		}
		if (result instanceof Reply) {
			status = result.status;
			body = result.body;
		} else body = result;
	} catch (err) {
		if (err instanceof ApiError) return fail(err, limitHeaders);
		return fail(new ApiError(500, 'server_error', `sandbox error: ${(err as Error).message}`), limitHeaders);
	}
	// Handlers answer in 2.14's shapes; a later version's changes are applied here (sandbox/versions.ts).
	body = inVersionShape(versioned.version, status, body);
	if (sandbox.settings.validateResponses) {
		const schema = versioned.spec.responseSchema(conformance.match.operation, status);
		if (schema) {
			const value = body instanceof JsonText ? JSON.parse(body.toBuffer().toString('utf8')) : body;
			const problems = validateSchema(value, schema, { schemas: versioned.spec.spec.schemas }, 'response');
			if (problems.length > 0) entry.responseProblems = formatProblems(problems);
		}
	}
	return json(status, body, { ...limitHeaders, 'X-Request-Id': requestId });
}
