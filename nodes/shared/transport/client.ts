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
import { apiErrorFromNetwork, apiErrorFromResponse, MALFORMED_RESPONSE, rateLimitedError, type ErrorContext } from './errors';
import { RateLimitPacer, resetAtFromHeaders } from './pacing';
import { buildPath, type PathParamLabels, type PathParams } from './paths';

export type IntercomContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export type CredentialType = 'intercomAccessTokenApi' | 'intercomOAuth2Api';

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

const TRANSIENT_STATUS = new Set([502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNREFUSED',
	MALFORMED_RESPONSE,
]);

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

/** n8n's request helper wraps socket errors in a NodeApiError; the system code sits in its cause. */
function networkErrorCode(error: unknown): string {
	const e = error as { code?: unknown; cause?: { code?: unknown } };
	const code = typeof e?.code === 'string' ? e.code : e?.cause?.code;
	return typeof code === 'string' ? code : 'UNKNOWN';
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

/**
 * The one way any node talks to Intercom: base URL and version from the credential, the
 * `Intercom-Version` header on every request, escaped paths, pacing by `X-RateLimit-*`,
 * retries that never repeat a POST that may have created something, and errors without secrets.
 * Create one per execution (or poll): pacing state lives no longer than that.
 */
export class IntercomClient {
	readonly pacer = new RateLimitPacer();

	/** Requests sent by this client, retries included; tests and benchmarks read it. */
	requestCount = 0;

	private constructor(
		private readonly ctx: IntercomContext,
		readonly credentialType: CredentialType,
		readonly baseUrl: string,
		readonly apiVersion: string,
		private readonly secrets: string[],
		readonly policy: RetryPolicy,
	) {}

	static async create(
		ctx: IntercomContext,
		options: { credentialType?: CredentialType; policy?: Partial<RetryPolicy> } = {},
	): Promise<IntercomClient> {
		const credentialType =
			options.credentialType ??
			((ctx.getNodeParameter('authentication', 0, 'accessToken') as string) === 'oAuth2'
				? 'intercomOAuth2Api'
				: 'intercomAccessTokenApi');
		const credentials = (await ctx.getCredentials(credentialType)) as IntercomCredentials;
		const node = ctx.getNode();
		const secrets = [
			credentials.accessToken,
			credentials.clientSecret,
			credentials.oauthTokenData?.access_token,
			credentials.oauthTokenData?.refresh_token,
		].filter((s): s is string => typeof s === 'string' && s.length > 0);
		return new IntercomClient(
			ctx,
			credentialType,
			resolveBaseUrl(node, credentials),
			String(credentials.apiVersion || DEFAULT_API_VERSION).trim(),
			secrets,
			{ ...DEFAULT_RETRY_POLICY, ...withTimeout(timeoutFromCredential(node, credentials.timeoutSeconds)), ...options.policy },
		);
	}

	get node(): INode {
		return this.ctx.getNode();
	}

	/** Sends one request and returns the parsed body. */
	async request<T = IDataObject>(req: IntercomRequest): Promise<T> {
		return (await this.send<T>(req)).body;
	}

	/** Sends one request with pacing and retries; returns body, headers and status. */
	async send<T = unknown>(req: IntercomRequest): Promise<IntercomResponse<T>> {
		const path = buildPath(this.node, req.path, req.pathParams, req.pathLabels);
		const errorContext: ErrorContext = {
			node: this.node,
			method: req.method,
			path,
			subject: req.subject,
			secrets: this.secrets,
			itemIndex: req.itemIndex,
		};
		const retriesTransient = req.method !== 'POST' || req.idempotent === true;
		// Time spent waiting between attempts and on failed attempts: a server that hangs until the
		// timeout uses up the retry budget as surely as backoff does, so a request ends in bounded time.
		let spent = 0;
		let lastResetAt: number | undefined;
		const fits = (delay: number) => spent + delay <= this.policy.maxTotalWaitMs;
		const wait = async (delay: number) => {
			spent += delay;
			await clock.sleep(delay);
		};

		for (let attempt = 0; ; attempt++) {
			await clock.sleep(this.pacer.reserve(clock.now(), clock.random));
			const canRetry = attempt < this.policy.maxRetries;
			const attemptStarted = clock.now();
			let response: RawResponse<T>;
			try {
				response = await this.sendOnce<T>(req, path);
				if (response.malformed) {
					throw Object.assign(new Error(response.malformed), { code: MALFORMED_RESPONSE });
				}
			} catch (error) {
				spent += Math.max(0, clock.now() - attemptStarted);
				const code = networkErrorCode(error);
				if (retriesTransient && canRetry && TRANSIENT_NETWORK_CODES.has(code)) {
					const delay = this.backoff(attempt);
					if (fits(delay)) {
						await wait(delay);
						continue;
					}
				}
				throw apiErrorFromNetwork(errorContext, code, error, {
					attempts: attempt + 1,
					timeoutMs: this.policy.timeoutMs,
					mayHaveBeenDone: !retriesTransient && code !== 'ECONNREFUSED',
				});
			}
			this.pacer.observe(response.headers);

			if (response.statusCode === 429) {
				spent += Math.max(0, clock.now() - attemptStarted);
				lastResetAt = resetAtFromHeaders(response.headers);
				const now = clock.now();
				const delay =
					lastResetAt !== undefined && lastResetAt > now
						? lastResetAt - now + Math.floor(clock.random() * 250)
						: this.backoff(attempt);
				if (canRetry && fits(delay)) {
					await wait(delay);
					continue;
				}
				throw rateLimitedError(errorContext, lastResetAt, attempt + 1, clock.now());
			}
			if (TRANSIENT_STATUS.has(response.statusCode) && retriesTransient && canRetry) {
				spent += Math.max(0, clock.now() - attemptStarted);
				const delay = this.backoff(attempt);
				if (fits(delay)) {
					await wait(delay);
					continue;
				}
			}
			if (response.statusCode >= 400) throw apiErrorFromResponse(errorContext, response.statusCode, response.body);
			return response;
		}
	}

	/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^attempt)]. */
	private backoff(attempt: number): number {
		const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
		return Math.floor(clock.random() * ceiling);
	}

	private async sendOnce<T>(req: IntercomRequest, path: string): Promise<RawResponse<T>> {
		const options: IHttpRequestOptions = {
			method: req.method,
			url: `${this.baseUrl}${path}`,
			headers: {
				'Intercom-Version': this.apiVersion,
				Accept: 'application/json',
			},
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: this.policy.timeoutMs,
		};
		if (req.query && Object.keys(req.query).length > 0) options.qs = req.query;
		if (req.body !== undefined) {
			options.body = req.body;
			(options.headers as IDataObject)['Content-Type'] = 'application/json';
		}
		this.requestCount++;
		const raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(
			this.ctx,
			this.credentialType,
			options,
		)) as { body: unknown; headers: IDataObject; statusCode: number };
		let body = raw.body;
		let malformed: string | undefined;
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
		return { body: body as T, headers: raw.headers ?? {}, statusCode: raw.statusCode, malformed };
	}
}
