/**
 * The control API under `/__sandbox/` (no auth, JSON in and out), for
 * out-of-process clients such as e2e tests and benchmarks. Control requests
 * are not written to the API request log. Routes are listed in
 * CONTROL_ROUTES (GET /__sandbox/ answers that list).
 */
import type { Fault } from './faults';
import type { Sandbox } from './sandbox';
import type { SandboxSettings } from './settings';
import { createVisitor } from './store/visitor-ops';
import { assertTimeZone } from './timezone';
import { WEBHOOK_CONTROL_ROUTES } from './webhook-control';

export interface ControlAnswer {
	status: number;
	body: unknown;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ControlHandler = (sandbox: Sandbox, body: Json, query: URLSearchParams) => unknown | Promise<unknown>;

const FAULT_TYPES = ['status', 'reset', 'latency', 'truncate', 'html', 'empty', 'hang'];

function checkFault(fault: unknown): Fault {
	const f = fault as Fault;
	if (!f || typeof f !== 'object' || !FAULT_TYPES.includes(f.type)) {
		throw new ControlError(`fault.type must be one of ${FAULT_TYPES.join(', ')}`);
	}
	return f;
}

class ControlError extends Error {}

function info(sandbox: Sandbox) {
	return {
		default_workspace: sandbox.defaultWorkspaceId,
		token: sandbox.token,
		workspaces: [...sandbox.workspaces.values()].map((ws) => ({
			id_code: ws.idCode,
			name: ws.name,
			timezone: ws.timezone,
			tokens: sandbox.auth.tokensFor(ws.idCode),
			search_delay_seconds: ws.searchDelaySeconds,
			counts: { contacts: ws.contacts.size, conversations: ws.conversations.size, articles: ws.articles.size, admins: ws.admins.size, companies: ws.companies.size },
		})),
		oauth: { client_id: sandbox.oauthClient.clientId, client_secret: sandbox.oauthClient.clientSecret },
		rate_limit: sandbox.rateLimiter.settings,
		settings: sandbox.settings,
		clock: { now: sandbox.clock.nowSeconds(), offset_seconds: sandbox.clock.offsetSeconds() },
	};
}

/** Control routes: "METHOD name" -> handler. */
export const CONTROL_ROUTES: Record<string, ControlHandler> = {
	'GET ': () => ({ routes: Object.keys(CONTROL_ROUTES).map((k) => k.replace(' ', ' /__sandbox/')) }),
	'GET health': () => ({ ok: true }),
	'GET info': (sb) => info(sb),
	'POST reset': (sb) => {
		sb.reset();
		return info(sb);
	},
	'POST seed': (sb, body) => {
		const { workspace, ...seed } = body;
		const ws = sb.reseed(workspace, seed);
		return { id_code: ws.idCode, contacts: ws.contacts.size, conversations: ws.conversations.size, articles: ws.articles.size };
	},
	'POST activity': (sb, body) => {
		const { workspace, seed, ...plan } = body;
		if (seed !== undefined) sb.activity.seed(Number(seed));
		return sb.activity.run(plan, sb.workspace(workspace));
	},
	// Visitors come from the Messenger, which the API cannot be: list them, or let one arrive.
	'GET visitors': (sb, _b, q) => ({ visitors: [...sb.workspace(q.get('workspace') ?? undefined).visitors.values()] }),
	'POST visitors': (sb, body) => {
		const { workspace, ...fields } = body;
		return createVisitor(sb.workspace(workspace), fields);
	},
	'GET requests': (sb, _b, q) => {
		const since = Number(q.get('since') ?? 0);
		const list = q.get('nonConformant') === '1' || q.get('non_conformant') === '1' ? sb.log.nonConformant() : sb.log.requests();
		return { requests: list.filter((r) => r.seq > since) };
	},
	'DELETE requests': (sb) => {
		sb.log.clear();
		return { cleared: true };
	},
	'POST requests/clear': (sb) => {
		sb.log.clear();
		return { cleared: true };
	},
	'GET duplicates': (sb) => ({ duplicates: sb.log.duplicatePosts() }),
	'GET faults': (sb) => ({ ...sb.faults.pending(), injected: sb.faults.injected }),
	'POST faults': (sb, body) => {
		const rules = Array.isArray(body.faults) ? body.faults : [body];
		for (const rule of rules) {
			const fault = checkFault(rule.fault);
			if (rule.probability !== undefined) sb.faults.addRandom({ method: rule.method, path: rule.path, fault, probability: Number(rule.probability) });
			else sb.faults.inject({ method: rule.method, path: rule.path, fault, count: rule.count === undefined ? 1 : Number(rule.count) });
		}
		if (body.seed !== undefined) sb.faults.seed(Number(body.seed));
		return sb.faults.pending();
	},
	'DELETE faults': (sb) => {
		sb.faults.clear();
		return { cleared: true };
	},
	'GET rate-limit': (sb) => ({ ...sb.rateLimiter.settings, current: sb.rateLimiter.peek(sb.defaultWorkspaceId, sb.clock.now()) }),
	'POST rate-limit': (sb, body) => {
		const next: Json = {};
		if (body.limit !== undefined) next.limit = Number(body.limit);
		if (body.windowSeconds !== undefined) next.windowSeconds = Number(body.windowSeconds);
		if (body.enabled !== undefined) next.enabled = Boolean(body.enabled);
		if (next.limit !== undefined && !(next.limit >= 0)) throw new ControlError('limit must be >= 0');
		if (next.windowSeconds !== undefined && !(next.windowSeconds >= 1)) throw new ControlError('windowSeconds must be >= 1');
		sb.rateLimiter.configure(next);
		sb.settings.rateLimit = sb.rateLimiter.settings.enabled;
		return sb.rateLimiter.settings;
	},
	'POST search-delay': (sb, body) => {
		const seconds = Number(body.seconds);
		if (!(seconds >= 0)) throw new ControlError('seconds must be >= 0');
		sb.setSearchDelay(seconds);
		return { seconds };
	},
	'GET clock': (sb) => ({ now: sb.clock.nowSeconds(), now_ms: sb.clock.now(), offset_seconds: sb.clock.offsetSeconds() }),
	'POST clock': (sb, body) => {
		if (body.freezeAt !== undefined) sb.clock.freezeAt(Number(body.freezeAt));
		if (body.unfreeze) sb.clock.unfreeze();
		if (body.offsetSeconds !== undefined) sb.clock.setOffsetSeconds(Number(body.offsetSeconds));
		if (body.advanceSeconds !== undefined) sb.clock.advanceSeconds(Number(body.advanceSeconds));
		return { now: sb.clock.nowSeconds(), now_ms: sb.clock.now(), offset_seconds: sb.clock.offsetSeconds() };
	},
	'GET changes': (sb, _b, q) => {
		const ws = sb.workspace(q.get('workspace') ?? undefined);
		const kinds = q.get('kind') ? String(q.get('kind')).split(',') : undefined;
		const after = q.get('after') ? Number(q.get('after')) : undefined;
		return { changes: ws.changes.list({ afterSeq: after, kinds }), last_seq: ws.changes.lastSeq };
	},
	'DELETE changes': (sb, _b, q) => {
		sb.workspace(q.get('workspace') ?? undefined).changes.clear();
		return { cleared: true };
	},
	'GET settings': (sb) => sb.settings,
	'POST settings': (sb, body) => {
		for (const key of Object.keys(sb.settings) as (keyof SandboxSettings)[]) {
			if (body[key] !== undefined) sb.settings[key] = Boolean(body[key]);
		}
		if (body.rateLimit !== undefined) sb.rateLimiter.configure({ enabled: Boolean(body.rateLimit) });
		return sb.settings;
	},
	'POST timezone': (sb, body) => {
		assertTimeZone(String(body.timezone));
		sb.workspace(body.workspace).timezone = String(body.timezone);
		return { timezone: body.timezone };
	},
	'POST tokens': (sb, body) => {
		const ws = sb.workspace(body.workspace);
		return { token: sb.auth.addToken(ws.idCode, body.token) };
	},
	'POST workspaces': (sb, body) => {
		if (!body.idCode || sb.workspaces.has(body.idCode)) throw new ControlError('idCode is required and must be new');
		const ws = sb.addWorkspace({ idCode: String(body.idCode), name: body.name, timezone: body.timezone, tokens: body.tokens, seed: body.seed });
		return { id_code: ws.idCode, tokens: sb.auth.tokensFor(ws.idCode) };
	},
	...WEBHOOK_CONTROL_ROUTES,
};

export async function handleControl(
	sandbox: Sandbox,
	method: string,
	name: string,
	query: URLSearchParams,
	rawBody: string,
): Promise<ControlAnswer> {
	const handler = CONTROL_ROUTES[`${method} ${name.replace(/\/$/, '')}`];
	if (!handler) return { status: 404, body: { error: `unknown control route ${method} /__sandbox/${name}` } };
	let body: Json = {};
	if (rawBody.trim()) {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { status: 400, body: { error: 'control body must be JSON' } };
		}
	}
	try {
		return { status: 200, body: await handler(sandbox, body, query) };
	} catch (err) {
		return { status: 400, body: { error: (err as Error).message } };
	}
}
