import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { withDeadline } from './attempt';
import type { CredentialType, IntercomContext } from './client';

/** What n8n's request helpers answer with `returnFullResponse: true`. */
export interface HelperResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

/** The credential fields the sender reads (both credential types). */
export interface TokenFields {
	accessToken?: string;
	oauthTokenData?: { access_token?: string; refresh_token?: string };
}

function bearerToken(type: CredentialType, credentials: TokenFields | undefined): string | undefined {
	const token = type === 'intercomOAuth2Api' ? credentials?.oauthTokenData?.access_token : credentials?.accessToken;
	return typeof token === 'string' && token.length > 0 ? token : undefined;
}

/**
 * Credential resolution and sending, for one execution (or poll).
 *
 * n8n's `httpRequestWithAuthentication` loads the credential from its database, decrypts it and
 * resolves the credential's `authenticate` expression on every request: most of a page's cost
 * inside n8n (bench/results.md, section 0). Here the credential is read once, when the client is
 * created, and each request goes out through `this.helpers.httpRequest` (n8n's own HTTP stack:
 * proxy settings, SSRF policy, user agent, the execution's cancel signal) with the
 * `Authorization: Bearer` header the credential's `authenticate` block would have set.
 *
 * OAuth2 keeps n8n's refresh: a 401 to the token in hand asks n8n to refresh it
 * (`refreshOAuth2Token`, which stores the new token in the credential as n8n's own OAuth2 helper
 * does) and sends the request once more with the new token; the requests that follow carry it.
 * Where there is no token to read (an OAuth2 credential not connected yet, a client-credentials
 * grant before its first token) or no refresh helper (older n8n), the request goes through n8n's
 * authenticated helper, which gets a token, refreshes on a 401, or says what is missing; the
 * credential is read again after it.
 */
export class CredentialSender {
	private token: string | undefined;

	/** Times the credential was read: once at the start, and again only after n8n changed it. */
	credentialReads = 1;

	/** OAuth2 tokens n8n refreshed for this sender. */
	refreshes = 0;

	constructor(
		private readonly ctx: IntercomContext,
		readonly credentialType: CredentialType,
		credentials: TokenFields,
		/** Told each token this sender starts using after the first, so that errors can hide it. */
		private readonly onNewSecrets: (secrets: string[]) => void,
	) {
		this.token = bearerToken(credentialType, credentials);
	}

	private get oauth2(): boolean {
		return this.credentialType === 'intercomOAuth2Api';
	}

	/** The execution's cancel signal, looked up once (it is the execution's, not the request's). */
	private cancelSignal?: AbortSignal | null;

	/**
	 * Sends one request and returns the full response; `deadline` ends the attempt (headers and
	 * body), as does the execution's cancellation. `options` is not changed: it may be sent again
	 * (after a refresh) and the caller keeps it.
	 */
	async send(options: IHttpRequestOptions, deadline: AbortSignal): Promise<HelperResponse> {
		const refresh = this.ctx.helpers.refreshOAuth2Token;
		if (this.token === undefined || (this.oauth2 && typeof refresh !== 'function')) return await this.sendAuthenticated(options, deadline);
		const response = await this.sendDirect(options, this.token, deadline);
		if (response.statusCode !== 401 || !this.oauth2) return response;
		// The token expired or was revoked: n8n refreshes it (and stores it), then the request goes once more.
		const refreshed = (await refresh.call(this.ctx, this.credentialType)) as TokenFields['oauthTokenData'];
		this.refreshes++;
		const token = bearerToken(this.credentialType, { oauthTokenData: refreshed });
		if (token === undefined) await this.reload();
		else this.use(token, refreshed?.refresh_token);
		// No token to read even now: n8n's authenticated helper gets one or says what is missing.
		return this.token === undefined ? await this.sendAuthenticated(options, deadline) : await this.sendDirect(options, this.token, deadline);
	}

	/**
	 * A URL Intercom handed out (a signed file URL, an attachment): sent without the credential, every
	 * status an answer, ended by the deadline or the execution's cancellation like the others.
	 */
	async sendAnonymous(options: IHttpRequestOptions, deadline: AbortSignal): Promise<HelperResponse> {
		return (await this.ctx.helpers.httpRequest({ ...options, ignoreHttpStatusErrors: true, abortSignal: this.abortSignal(deadline) })) as HelperResponse;
	}

	/** The deadline, joined by the execution's cancellation (n8n's authenticated helper stops on it too). */
	private abortSignal(deadline: AbortSignal): AbortSignal {
		if (this.cancelSignal === undefined) {
			this.cancelSignal = ('getExecutionCancelSignal' in this.ctx ? this.ctx.getExecutionCancelSignal?.() : undefined) ?? null;
		}
		return this.cancelSignal ? AbortSignal.any([deadline, this.cancelSignal]) : deadline;
	}

	private async sendDirect(options: IHttpRequestOptions, token: string, deadline: AbortSignal): Promise<HelperResponse> {
		const direct: IHttpRequestOptions = {
			...options,
			headers: { ...(options.headers ?? {}), Authorization: `Bearer ${token}` },
			// With OAuth2 a 401 comes back as an answer, to refresh on.
			ignoreHttpStatusErrors: this.oauth2 ? true : options.ignoreHttpStatusErrors,
			abortSignal: this.abortSignal(deadline),
		};
		return (await this.ctx.helpers.httpRequest(direct)) as HelperResponse;
	}

	/** Through n8n's authenticated helper, then the credential read again (n8n may have set a token). */
	private async sendAuthenticated(options: IHttpRequestOptions, deadline: AbortSignal): Promise<HelperResponse> {
		// n8n's authenticated helper puts the execution's cancel signal in `abortSignal`, replacing
		// what it was given: withDeadline keeps the deadline in it too.
		const authenticated: IHttpRequestOptions = { ...options };
		withDeadline(authenticated, deadline);
		const attempt = this.ctx.helpers.httpRequestWithAuthentication.call(this.ctx, this.credentialType, authenticated) as Promise<HelperResponse>;
		// Settled either way, n8n may have got or refreshed a token on the way: take it for the
		// requests that follow, then hand back the answer or the error as it was.
		await attempt.then(
			() => undefined,
			() => undefined,
		);
		await this.reload();
		return await attempt;
	}

	private async reload(): Promise<void> {
		this.credentialReads++;
		const credentials = (await this.ctx.getCredentials(this.credentialType)) as TokenFields;
		const token = bearerToken(this.credentialType, credentials);
		if (token === undefined) this.token = undefined;
		else this.use(token, credentials.oauthTokenData?.refresh_token);
	}

	private use(token: string, refreshToken: string | undefined): void {
		const fresh = [token, refreshToken].filter((s): s is string => typeof s === 'string' && s.length > 0 && s !== this.token);
		this.token = token;
		if (fresh.length > 0) this.onNewSecrets(fresh);
	}
}
