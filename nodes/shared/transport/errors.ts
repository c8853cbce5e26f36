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

export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	// A bearer token that did not come from the credential (a proxy echoing headers) is scrubbed too.
	return out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]');
}

function asErrorBody(body: unknown): IntercomErrorBody | undefined {
	if (body && typeof body === 'object' && Array.isArray((body as IntercomErrorBody).errors)) {
		return body as IntercomErrorBody;
	}
	return undefined;
}

function summariseNonJson(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
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
		message = `Intercom answered ${ctx.method} ${ctx.path} with HTTP ${statusCode}`;
	}

	const lines = errors.map((e) => `${e.code ?? 'error'}: ${e.message ?? ''}${e.field ? ` (field: ${e.field})` : ''}`);
	if (!parsed) {
		const text = summariseNonJson(body);
		lines.push(text ? `The response was not Intercom's JSON: ${text}` : 'The response body was empty or not JSON.');
	}
	lines.push(`HTTP ${statusCode} on ${ctx.method} ${ctx.path}${parsed?.request_id ? ` · request_id ${parsed.request_id}` : ''}`);

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

/** A failure below HTTP (reset, refused, timeout). Only the error code travels: never the request config. */
export function apiErrorFromNetwork(ctx: ErrorContext, code: string, error: unknown, attempts: number): NodeApiError {
	const reason = (error as { message?: string })?.message ?? String(error);
	return new NodeApiError(
		ctx.node,
		{ code, httpCode: null } as JsonObject,
		{
			message: redact(`Could not reach Intercom for ${ctx.method} ${ctx.path} (${code})`, ctx.secrets),
			description: redact(`${reason}. Attempts: ${attempts}.`, ctx.secrets),
			itemIndex: ctx.itemIndex,
		},
	);
}

export function rateLimitedError(ctx: ErrorContext, resetAtMs: number | undefined, attempts: number, now: number): NodeApiError {
	const when =
		resetAtMs !== undefined
			? `The limit resets at ${new Date(resetAtMs).toISOString()} (in ${Math.max(0, Math.ceil((resetAtMs - now) / 1000))} s).`
			: 'Intercom did not say when the limit resets.';
	return new NodeApiError(
		ctx.node,
		{ httpCode: '429', errors: [{ code: 'rate_limit_exceeded' }] } as unknown as JsonObject,
		{
			message: 'The Intercom workspace is rate-limited (429 rate_limit_exceeded)',
			description: `${when} Gave up after ${attempts} attempts on ${ctx.method} ${ctx.path}. Other workflows or apps may share this workspace's limit.`,
			httpCode: '429',
			itemIndex: ctx.itemIndex,
		},
	);
}
