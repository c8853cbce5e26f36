import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Intercom's error envelope: `{type: "error.list", request_id, errors: [{code, message, field}]}`. */
interface IntercomErrorBody {
	type?: string;
	request_id?: string;
	errors?: Array<{ code?: string; message?: string; field?: string }>;
}

export interface ErrorContext {
	node: INode;
	method: string;
	path: string;
	/** What the path names, for 404s: "Contact 6762f0d5…". */
	subject?: string;
	/** Secrets to scrub from anything that reaches the user. */
	secrets: string[];
	itemIndex?: number;
}

/** The stable middle of `secret`'s base64 when it starts `shift` bytes into a longer encoded text. */
function base64Cores(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const cores: string[] = [];
	for (const shift of [0, 1, 2]) {
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64').replace(/=+$/, '');
		// Drop the group the leading bytes share with the secret, and a trailing partial group.
		const start = shift === 0 ? 0 : 4;
		const whole = Math.floor((shift + bytes.length) / 3) * 4;
		const core = encoded.slice(start, shift === 0 && (bytes.length % 3 === 0) ? encoded.length : whole);
		if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return cores;
}

/**
 * Every way a secret can come back in an answer: as it is, URL-encoded (upper- or lowercase
 * escapes), JSON-escaped, and base64 (standard or URL-safe, at any alignment inside a longer text,
 * as in a Basic authorization header). Longest first, so a longer form is replaced whole.
 */
export function secretVariants(secrets: string[]): string[] {
	const all = new Set<string>();
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		const uri = encodeURIComponent(secret);
		for (const v of [secret, uri, uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), uri.replace(/%20/g, '+'), JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, '\\/')]) {
			all.add(v);
		}
		for (const core of base64Cores(secret)) all.add(core);
	}
	return [...all].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	// A bearer token that did not come from the credential (a proxy echoing headers) is scrubbed too.
	return out.replace(/Bearer\s+[A-Za-z0-9._~+/=%-]+/g, 'Bearer [redacted]');
}

/**
 * Intercom's error answers: mostly an error list, but a few operations answer in their own shapes,
 * read as one here: `{errors: {field: message}}` (Fin CSAT's 422) and `{error_key, message}`
 * (the phone switch's 400 and 422).
 */
function asErrorBody(body: unknown): IntercomErrorBody | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const errors = (body as { errors?: unknown }).errors;
	if (Array.isArray(errors)) return body as IntercomErrorBody;
	if (errors && typeof errors === 'object') {
		const entries = Object.entries(errors as Record<string, unknown>).filter(([, message]) => typeof message === 'string');
		if (entries.length > 0) return { errors: entries.map(([code, message]) => ({ code, message: message as string })) } as IntercomErrorBody;
	}
	const { error_key: key, message } = body as { error_key?: unknown; message?: unknown };
	if (typeof key === 'string') return { errors: [{ code: key, message: typeof message === 'string' ? message : key }] } as IntercomErrorBody;
	return undefined;
}

/** The first 200 characters of a page's text; only its start is read, however large the page. */
function summariseNonJson(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	const text = body.slice(0, 16_384).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A path as errors show it: a 100 KB ID escaped into it would drown the message. */
function shown(path: string): string {
	return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}

/** Turns an Intercom error response into the NodeApiError a user sees, never carrying a secret. */
export function apiErrorFromResponse(ctx: ErrorContext, statusCode: number, body: unknown): NodeApiError {
	const parsed = asErrorBody(body);
	const errors = parsed?.errors ?? [];
	const first = errors[0];
	const codes = errors.map((e) => e.code);
	let message: string;
	if (statusCode === 401) {
		message = 'Intercom rejected the credential (401 unauthorized): check the token and the region';
	} else if (statusCode === 403 && codes.includes('api_plan_restricted')) {
		message = "Your Intercom plan does not include this feature (403 api_plan_restricted)";
	} else if (statusCode === 404) {
		message = `${ctx.subject ?? 'The requested object'} was not found in Intercom`;
	} else if (first?.message) {
		message = first.message;
	} else {
		message = `Intercom answered ${ctx.method} ${shown(ctx.path)} with HTTP ${statusCode}`;
	}

	const lines = errors.map((e) => `${e.code ?? 'error'}: ${e.message ?? ''}${e.field ? ` (field: ${e.field})` : ''}`);
	if (!parsed) {
		const text = summariseNonJson(body);
		lines.push(text ? `The response was not Intercom's JSON: ${text}` : 'The response body was empty or not JSON.');
	}
	lines.push(`HTTP ${statusCode} on ${ctx.method} ${shown(ctx.path)}${parsed?.request_id ? ` · request_id ${parsed.request_id}` : ''}`);

	const safeBody: JsonObject = {
		httpCode: String(statusCode),
		errors: errors.map((e) => ({ code: e.code ?? null, message: e.message ?? null, field: e.field ?? null })),
		request_id: parsed?.request_id ?? null,
	};
	return new NodeApiError(ctx.node, JSON.parse(redact(JSON.stringify(safeBody), ctx.secrets)) as JsonObject, {
		message: redact(message, ctx.secrets),
		description: redact(lines.join('\n'), ctx.secrets),
		httpCode: String(statusCode),
		itemIndex: ctx.itemIndex,
	});
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/** The code a success answer that is not Intercom's JSON travels under: retried like a dropped connection, for reads. */
export const MALFORMED_RESPONSE = 'ERR_BAD_RESPONSE';

export interface NetworkFailure {
	attempts: number;
	timeoutMs: number;
	/** A POST that is never repeated: Intercom may have acted on it before the answer was lost. */
	mayHaveBeenDone: boolean;
}

/**
 * A failure below HTTP (reset, refused, timeout) or an answer that is not Intercom's JSON. Only the
 * error's message travels, never the request config (it holds the Authorization header). The
 * system code stays out of the message: n8n replaces a message naming one (ECONNRESET…) with a
 * generic sentence that drops which request failed.
 */
export function apiErrorFromNetwork(ctx: ErrorContext, code: string, error: unknown, failure: NetworkFailure): NodeApiError {
	const where = `${ctx.method} ${shown(ctx.path)}`;
	const reason = String((error as { message?: string })?.message ?? error).slice(0, 300);
	const message =
		code === MALFORMED_RESPONSE
			? `Intercom's answer to ${where} was not valid JSON`
			: TIMEOUT_CODES.has(code)
				? `Intercom did not answer ${where} within ${failure.timeoutMs / 1000} s`
				: `Could not reach Intercom for ${where}: the connection failed`;
	const lines = [`${reason} (${code}). Attempts: ${failure.attempts}.`];
	if (failure.mayHaveBeenDone) {
		lines.push('It is not sent again on its own: Intercom may have done it before the answer was lost. Check before running it again.');
	}
	return new NodeApiError(ctx.node, { httpCode: null, network_error: code } as JsonObject, {
		message: redact(message, ctx.secrets),
		description: redact(lines.join('\n'), ctx.secrets),
		itemIndex: ctx.itemIndex,
	});
}

export function rateLimitedError(ctx: ErrorContext, resetAtMs: number | undefined, attempts: number, now: number): NodeApiError {
	// Only a reset still ahead is quoted: a time already past is no time to wait for.
	const when =
		resetAtMs !== undefined && resetAtMs > now
			? `The limit resets at ${new Date(resetAtMs).toISOString()} (in ${Math.ceil((resetAtMs - now) / 1000)} s).`
			: resetAtMs !== undefined
				? "The reset time Intercom gave has already passed: the limit should lift within its 10-second window."
				: 'Intercom did not say when the limit resets.';
	return new NodeApiError(
		ctx.node,
		{ httpCode: '429', errors: [{ code: 'rate_limit_exceeded' }] } as unknown as JsonObject,
		{
			message: 'The Intercom workspace is rate-limited (429 rate_limit_exceeded)',
			description: redact(
				`${when} ${attempts === 0 ? `Not sent: waiting for the next window would exceed the retry budget of ${ctx.method} ${shown(ctx.path)}.` : `Gave up after ${attempts} attempts on ${ctx.method} ${shown(ctx.path)}.`} Other workflows or apps may share this workspace's limit.`,
				ctx.secrets,
			),
			httpCode: '429',
			itemIndex: ctx.itemIndex,
		},
	);
}

/**
 * A poll's time budget (n8n's `getPollBudgetMs`) ran out before a request could finish: it stops
 * there rather than run past the budget. `context.pollBudgetSpent` tells the trigger so.
 */
export function budgetSpentError(ctx: ErrorContext, budgetMs: number, attempts: number): NodeApiError {
	const error = new NodeApiError(ctx.node, { httpCode: null, network_error: 'POLL_BUDGET_SPENT' } as JsonObject, {
		message: redact(`The poll's time budget (${Math.round(budgetMs / 1000)} s) ran out before Intercom answered ${ctx.method} ${shown(ctx.path)}`, ctx.secrets),
		description: `Attempts: ${attempts}. The next poll goes on from where this one stopped.`,
		itemIndex: ctx.itemIndex,
	});
	error.context.pollBudgetSpent = true;
	return error;
}

/** The `{code, message}` entries of the Intercom error list an error from apiErrorFromResponse carries (none otherwise). */
export function intercomErrorsOf(error: unknown): Array<{ code: string; message: string }> {
	if (!(error instanceof NodeApiError)) return [];
	const errors = (error.errorResponse as JsonObject | undefined)?.errors;
	if (!Array.isArray(errors)) return [];
	return errors.map((e) => ({ code: String((e as JsonObject)?.code ?? ''), message: String((e as JsonObject)?.message ?? '') }));
}

export function isPollBudgetSpent(error: unknown): boolean {
	return (error as NodeApiError)?.context?.pollBudgetSpent === true;
}
