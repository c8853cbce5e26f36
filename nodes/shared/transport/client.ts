import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_API_VERSION, INTERCOM_API_URLS, type IntercomRegion } from '../regions';
import { clock } from './clock';
import { CredentialSender } from './credential';
import {
	apiErrorFromNetwork,
	apiErrorFromResponse,
	budgetSpentError,
	MALFORMED_RESPONSE,
	rateLimitedError,
	secretVariants,
	type ErrorContext,
} from './errors';
import {
	alreadyDeleted,
	beforeDeadline,
	networkErrorCode,
	oauth2FailureBody,
	RENEWAL_FAILED,
	thrownResponse,
} from './attempt';
import { RateLimitPacer, resetAtFromHeaders } from './pacing';
import { buildPath, type PathParamLabels, type PathParams } from './paths';

export type IntercomContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export type CredentialType = 'intercomAccessTokenApi' | 'intercomOAuth2Api';

/** The node's Authentication choice: an action node reads it for an item; a trigger or an editor list has no item. */
function authenticationOf(ctx: IntercomContext): string {
	const value = 'getInputData' in ctx ? ctx.getNodeParameter('authentication', 0, 'accessToken') : ctx.getNodeParameter('authentication', 'accessToken');
	return String(value);
}

export interface IntercomRequest {
	method: IHttpRequestMethods;
	/** Path template, such as `/contacts/{contact_id}`; values come from `pathParams`, escaped. */
	path: string;
	pathParams?: PathParams;
	/** Names users know the path parameters by, for errors. */
	pathLabels?: PathParamLabels;
	query?: IDataObject;
	body?: IDataObject;
	/** A POST that creates nothing (search, for one) may be retried like a GET. */
	idempotent?: boolean;
	/** What the path names, for a 404 ("Contact 123"). */
	subject?: string;
	/** Intercom answers this request with no body (POST /events: 202 Accepted). */
	emptyAnswer?: boolean;
	itemIndex?: number;
	/**
	 * The answer is a file: its bytes come back as a Buffer (with the headers that name and type it),
	 * asked for with this Accept header (Intercom's downloads want `application/octet-stream`).
	 */
	file?: { accept: string };
	/** A redirect comes back as the answer (its Location read by the caller) instead of being followed. */
	keepRedirect?: boolean;
	/**
	 * An absolute URL Intercom handed out (a signed recording URL, an attachment's URL): fetched
	 * without the credential, since it is not Intercom's API and may be another host; `path` is unused.
	 */
	url?: string;
}

export interface IntercomResponse<T = unknown> {
	body: T;
	headers: IDataObject;
	statusCode: number;
}

interface RawResponse<T> extends IntercomResponse<T> {
	/** Why a success status's body cannot be Intercom's answer: cut short, a proxy's page, or empty. */
	malformed?: string;
}

/** An attempt that got no HTTP answer: the system code (or ours) and the error it came with. */
interface AttemptFailure {
	failure: { code: string; error: unknown };
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Total time the retries of one request may wait, in ms. */
	maxTotalWaitMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Per-request timeout, in ms. */
	timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 5,
	maxTotalWaitMs: 120_000,
	baseDelayMs: 1_000,
	maxDelayMs: 60_000,
	timeoutMs: 60_000,
};

/** Answers a read may get again: the server failed, or a gateway in front of it did. */
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
/** Failures after which the request may have reached Intercom: retried for reads only. */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', MALFORMED_RESPONSE]);
/**
 * Failures before a connection existed (refused, no route, a name that did not resolve): the
 * request never left, so even a POST that creates something is safe to send again.
 */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface IntercomCredentials {
	region?: IntercomRegion;
	baseUrl?: string;
	apiVersion?: string;
	accessToken?: string;
	clientSecret?: string;
	oauthTokenData?: { access_token?: string; refresh_token?: string };
	/** How long one request may wait for an answer; unset means the policy's default (60 s). */
	timeoutSeconds?: number | string;
}

/** The longest a user may make one request wait: five minutes, n8n's default poll budget. */
const MAX_TIMEOUT_SECONDS = 300;

/** The credential's request timeout in ms, or undefined for the default; anything else is refused, named. */
function timeoutFromCredential(node: INode, raw: unknown): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
		throw new NodeOperationError(node, `The credential's "Request Timeout (Seconds)" must be a number of seconds above 0, at most ${MAX_TIMEOUT_SECONDS}`);
	}
	return Math.round(seconds * 1000);
}

function withTimeout(timeoutMs: number | undefined): Partial<RetryPolicy> {
	return timeoutMs === undefined ? {} : { timeoutMs };
}

export function resolveBaseUrl(node: INode, credentials: IntercomCredentials): string {
	const region = credentials.region ?? 'us';
	if (region !== 'custom') {
		const url = INTERCOM_API_URLS[region];
		if (!url) throw new NodeOperationError(node, `Unknown Intercom region "${String(region)}" in the credential`);
		return url;
	}
	const raw = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		throw new NodeOperationError(node, 'The credential\'s "Base URL" is not a valid URL', {
			description: 'Use a full URL such as http://localhost:4010 or https://intercom-proxy.example.com.',
		});
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new NodeOperationError(node, 'The credential\'s "Base URL" must start with http:// or https://');
	}
	return raw;
}

/** What n8n's poll engine gives a poll, where it gives one (n8n 2.40 and later). */
function pollBudgetMs(ctx: IntercomContext): number | undefined {
	const get = (ctx as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs;
	const budget = typeof get === 'function' ? get.call(ctx) : undefined;
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

/**
 * The one way any node talks to Intercom: base URL and version from the credential, the
 * `Intercom-Version` header on every request, escaped paths, pacing by `X-RateLimit-*`,
 * retries that never repeat a POST that may have created something, and errors without secrets.
 * Create one per execution (or poll): pacing state lives no longer than that.
 *
 * Time: each attempt has a deadline (the credential's Request Timeout) for headers and body
 * together; waits (pacing, backoff, a 429's reset) and failed attempts share the retry budget
 * (`maxTotalWaitMs`), so one request ends within Request Timeout + that budget. In a poll, nothing
 * runs past the poll budget n8n gives (`getPollBudgetMs`).
 */
export class IntercomClient {
	readonly pacer = new RateLimitPacer();

	/** Requests sent by this client, retries included; tests and benchmarks read it. */
	requestCount = 0;

	/** Sends with the credential read once per client, OAuth2 refresh included (credential.ts). */
	readonly sender: CredentialSender;

	private constructor(
		ctx: IntercomContext,
		/**
		 * The node, read once: n8n's `getNode()` hands out a deep copy on every call, which per
		 * request (the path's errors, the error context) cost more than the rest of the bookkeeping.
		 */
		readonly node: INode,
		readonly credentialType: CredentialType,
		credentials: IntercomCredentials,
		readonly baseUrl: string,
		readonly apiVersion: string,
		/** The credential's secrets as they are; what errors hide is derived from them (`redactions`). */
		private readonly secrets: string[],
		readonly policy: RetryPolicy,
		/** When the poll's budget is spent (this client's clock), in a poll that has one. */
		readonly budgetEndsAt?: number,
		readonly pollBudgetMs?: number,
	) {
		// A token n8n refreshed mid-execution is a secret like the first one.
		this.sender = new CredentialSender(ctx, credentialType, credentials, (fresh) => {
			this.secrets.push(...fresh);
			this.variants = undefined;
		});
	}

	/** Every encoding of the secrets (errors.ts `secretVariants`), derived when an error first needs them. */
	private variants?: string[];

	/** What errors hide: the secrets in every encoding they could come back in. */
	redactions(): string[] {
		this.variants ??= secretVariants(this.secrets);
		return this.variants;
	}

	static async create(
		ctx: IntercomContext,
		options: { credentialType?: CredentialType; policy?: Partial<RetryPolicy> } = {},
	): Promise<IntercomClient> {
		const credentialType = options.credentialType ?? (authenticationOf(ctx) === 'oAuth2' ? 'intercomOAuth2Api' : 'intercomAccessTokenApi');
		const credentials = (await ctx.getCredentials(credentialType)) as IntercomCredentials;
		const node = ctx.getNode();
		const secrets = [
			credentials.accessToken,
			credentials.clientSecret,
			credentials.oauthTokenData?.access_token,
			credentials.oauthTokenData?.refresh_token,
		].filter((s): s is string => typeof s === 'string' && s.length > 0);
		const budget = pollBudgetMs(ctx);
		return new IntercomClient(
			ctx,
			node,
			credentialType,
			credentials,
			resolveBaseUrl(node, credentials),
			String(credentials.apiVersion || DEFAULT_API_VERSION).trim(),
			secrets,
			{ ...DEFAULT_RETRY_POLICY, ...withTimeout(timeoutFromCredential(node, credentials.timeoutSeconds)), ...options.policy },
			budget === undefined ? undefined : clock.now() + budget,
			budget,
		);
	}

	/** What is left of the poll's budget, in ms (Infinity outside a poll with a budget). */
	budgetLeftMs(): number {
		return this.budgetEndsAt === undefined ? Infinity : this.budgetEndsAt - clock.now();
	}

	/** Sends one request and returns the parsed body. */
	async request<T = IDataObject>(req: IntercomRequest): Promise<T> {
		return (await this.send<T>(req)).body;
	}

	/** Sends one request with pacing and retries; returns body, headers and status. */
	async send<T = unknown>(req: IntercomRequest): Promise<IntercomResponse<T>> {
		// An absolute URL is named in errors without its query: a signed URL's signature is a secret.
		const path = req.url !== undefined ? urlWithoutQuery(req.url) : buildPath(this.node, req.path, req.pathParams, req.pathLabels);
		const redactions = () => this.redactions();
		const errorContext: ErrorContext = {
			node: this.node,
			method: req.method,
			path,
			subject: req.subject,
			// Derived only when an error is built: most requests never need them.
			get secrets() {
				return redactions();
			},
			itemIndex: req.itemIndex,
		};
		const retriesTransient = req.method !== 'POST' || req.idempotent === true;
		// Time spent waiting (pacing, backoff) and on failed attempts: a server that hangs until the
		// deadline uses up the retry budget as surely as backoff does, so a request ends in bounded time.
		let spent = 0;
		// Whether an earlier attempt may have reached Intercom and been acted on, its answer lost.
		let outcomeUnknown = false;
		/** Waits `delay` if the retry budget and the poll budget allow it; false if they do not. */
		const waitWithin = async (delay: number): Promise<boolean> => {
			if (spent + delay > this.policy.maxTotalWaitMs || (delay > 0 && delay >= this.budgetLeftMs())) return false;
			spent += delay;
			await clock.sleep(delay);
			return true;
		};

		for (let attempt = 0; ; attempt++) {
			// A URL outside the API (a signed file URL) is not under Intercom's rate limit.
			const pace = req.url !== undefined ? 0 : this.pacer.reserve(clock.now(), clock.random);
			if (!(await waitWithin(pace))) {
				if (this.budgetLeftMs() <= pace) throw budgetSpentError(errorContext, this.pollBudgetMs ?? 0, attempt);
				throw rateLimitedError(errorContext, clock.now() + pace, attempt, clock.now());
			}
			const canRetry = attempt < this.policy.maxRetries;
			const attemptMs = Math.min(this.policy.timeoutMs, this.budgetLeftMs());
			if (attemptMs <= 0) throw budgetSpentError(errorContext, this.pollBudgetMs ?? 0, attempt);
			const attemptStarted = clock.now();
			const outcome = await this.sendOnce<T>(req, path, attemptMs);
			const failure =
				'failure' in outcome
					? outcome.failure
					: outcome.malformed
						? { code: MALFORMED_RESPONSE, error: new Error(outcome.malformed) }
						: undefined;
			if (failure) {
				spent += Math.max(0, clock.now() - attemptStarted);
				const { code, error } = failure;
				// The execution was cancelled: no retry, and nothing of the helper's error (its config holds the token).
				if (code === 'ERR_CANCELED') throw new NodeOperationError(this.node, `The execution was cancelled during ${req.method} ${path.slice(0, 120)}`);
				if (code === RENEWAL_FAILED) throw apiErrorFromResponse(errorContext, 401, oauth2FailureBody(error));
				const neverSent = NEVER_SENT_CODES.has(code);
				const retryable = neverSent || (retriesTransient && TRANSIENT_NETWORK_CODES.has(code));
				if (!neverSent) outcomeUnknown = true;
				if (retryable && canRetry && (await waitWithin(this.backoff(attempt)))) continue;
				if (code === 'ETIMEDOUT' && attemptMs < this.policy.timeoutMs) throw budgetSpentError(errorContext, this.pollBudgetMs ?? 0, attempt + 1);
				throw apiErrorFromNetwork(errorContext, code, error, {
					attempts: attempt + 1,
					timeoutMs: this.policy.timeoutMs,
					mayHaveBeenDone: !retriesTransient && !neverSent,
				});
			}
			const response = outcome as RawResponse<T>;
			if (req.url === undefined) this.pacer.observe(response.headers);

			if (response.statusCode === 429) {
				spent += Math.max(0, clock.now() - attemptStarted);
				// Intercom's reset is in its own clock; read it in ours.
				const reset = resetAtFromHeaders(response.headers);
				const resetAt = reset === undefined ? undefined : this.pacer.serverClock.toLocal(reset);
				const now = clock.now();
				const delay = resetAt !== undefined && resetAt > now ? resetAt - now + Math.floor(clock.random() * 250) : this.backoff(attempt);
				if (canRetry && (await waitWithin(delay))) continue;
				throw rateLimitedError(errorContext, resetAt, attempt + 1, clock.now());
			}
			if (TRANSIENT_STATUS.has(response.statusCode) && retriesTransient) {
				spent += Math.max(0, clock.now() - attemptStarted);
				outcomeUnknown = true;
				if (canRetry && (await waitWithin(this.backoff(attempt)))) continue;
			}
			if (response.statusCode === 404 && req.method === 'DELETE' && outcomeUnknown) {
				// The earlier attempt's answer was lost; this one finds nothing to delete: that attempt did it.
				return { body: alreadyDeleted(req, path) as T, headers: response.headers, statusCode: 200 };
			}
			if (response.statusCode >= 400) throw apiErrorFromResponse(errorContext, response.statusCode, response.body);
			return response;
		}
	}

	/**
	 * A request outside Intercom's API (a signed file URL): n8n's HTTP stack without the credential,
	 * stopped like the others when the execution is cancelled.
	 */
	/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^attempt)]. */
	private backoff(attempt: number): number {
		const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
		return Math.floor(clock.random() * ceiling);
	}

	/** One attempt: the answer, or why there was none (never thrown, so the retry loop decides). */
	private async sendOnce<T>(req: IntercomRequest, path: string, deadlineMs: number): Promise<RawResponse<T> | AttemptFailure> {
		const oauth2 = this.credentialType === 'intercomOAuth2Api';
		const options: IHttpRequestOptions = {
			method: req.method,
			url: req.url ?? `${this.baseUrl}${path}`,
			headers: req.url !== undefined ? { Accept: req.file?.accept ?? '*/*' } : { 'Intercom-Version': this.apiVersion, Accept: req.file?.accept ?? 'application/json' },
			json: req.file === undefined,
			returnFullResponse: true,
			// Every status comes back as an answer, except a 401 with OAuth2 when the request goes through
			// n8n's OAuth2 helper (credential.ts): it must see it thrown to refresh the token and send
			// the request once more with the new one.
			ignoreHttpStatusErrors: oauth2 ? { ignore: true, except: [401] } : true,
			// The socket's idle timeout; the deadline below bounds the whole answer.
			timeout: deadlineMs,
		};
		if (req.file) options.encoding = 'arraybuffer';
		if (req.keepRedirect) options.disableFollowRedirect = true;
		if (req.query && Object.keys(req.query).length > 0) options.qs = req.query;
		if (req.body !== undefined) {
			options.body = req.body;
			(options.headers as IDataObject)['Content-Type'] = 'application/json';
		}
		const deadline = clock.deadline(deadlineMs);
		this.requestCount++;
		const sentAt = clock.now();
		let raw: { body: unknown; headers: IDataObject; statusCode: number };
		try {
			raw = await beforeDeadline(req.url !== undefined ? this.sender.sendAnonymous(options, deadline) : this.sender.send(options, deadline), deadline);
		} catch (error) {
			// A trickling answer cut at the deadline is a timeout, whatever the helper calls it.
			if (deadline.aborted) return { failure: { code: 'ETIMEDOUT', error: new Error('the answer did not arrive within the deadline') } };
			const thrown = thrownResponse(error);
			if (!thrown) {
				const code = networkErrorCode(error);
				// With OAuth2, an error that is neither an answer nor a network failure comes from n8n's token
				// handling: the refresh after a 401 failed (no refresh token, the token endpoint said no).
				return { failure: { code: oauth2 && code === 'UNKNOWN' ? RENEWAL_FAILED : code, error } };
			}
			raw = { body: thrown.data, headers: thrown.headers, statusCode: thrown.status };
		}
		if (req.url === undefined) this.pacer.serverClock.observe(raw.headers, sentAt, clock.now());
		let body = raw.body;
		let malformed: string | undefined;
		if (req.file) {
			const bytes = asBuffer(body);
			// A file is returned as its bytes; a refusal is Intercom's JSON error, read as usual.
			if (raw.statusCode < 300 || bytes === undefined) return { body: (bytes ?? Buffer.alloc(0)) as T, headers: raw.headers ?? {}, statusCode: raw.statusCode };
			body = bytes.toString('utf8');
		}
		if (typeof body === 'string' && body.length > 0) {
			try {
				body = JSON.parse(body);
			} catch {
				if (raw.statusCode < 400) malformed = 'the body is not JSON (cut short, or a page from a proxy)';
			}
		}
		// Only a DELETE may answer with nothing (DELETE /tags/{id} does). An empty answer to a read
		// taken for "nothing there" would let a list end early and the trigger's cursor move past
		// records it never saw.
		const empty = body === undefined || body === null || body === '';
		if (empty && raw.statusCode < 300 && req.method !== 'DELETE' && !req.emptyAnswer) malformed = 'the body is empty';
		// A redirect kept as the answer has nothing but its Location.
		if (req.keepRedirect && raw.statusCode >= 300 && raw.statusCode < 400) malformed = undefined;
		return { body: body as T, headers: raw.headers ?? {}, statusCode: raw.statusCode, malformed };
	}
}

/** A URL as errors may name it: scheme, host and path, never the query (a signed URL's signature). */
function urlWithoutQuery(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(an invalid URL)';
	}
}

/** A file answer's bytes as a Buffer (n8n's helper gives a Buffer or an ArrayBuffer). */
function asBuffer(body: unknown): Buffer | undefined {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return undefined;
}
