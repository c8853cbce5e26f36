/**
 * Access tokens and OAuth clients. Each Bearer token is bound to one
 * workspace (a sandbox can host several). OAuth authorization codes are
 * single-use and expire after 10 minutes, as Intercom's do.
 */
import { randomBytes } from 'node:crypto';

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** Workspace the authorizing admin belongs to. */
	workspace: string;
}

interface PendingCode {
	clientId: string;
	workspace: string;
	redirectUri: string;
	expiresAtMs: number;
}

const CODE_TTL_MS = 10 * 60 * 1000;

export class AuthRegistry {
	private readonly tokens = new Map<string, string>();
	private readonly clients = new Map<string, OAuthClient>();
	private readonly codes = new Map<string, PendingCode>();
	/** Refresh tokens: refresh token → the client and workspace it was issued to. */
	private readonly refreshTokens = new Map<string, { clientId: string; workspace: string }>();

	/** Binds a token to a workspace; returns the token. */
	addToken(workspace: string, token: string = newToken()): string {
		this.tokens.set(token, workspace);
		return token;
	}

	revokeToken(token: string): void {
		this.tokens.delete(token);
	}

	workspaceFor(authorization: string | undefined): string | undefined {
		if (!authorization) return undefined;
		const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
		return match ? this.tokens.get(match[1].trim()) : undefined;
	}

	tokensFor(workspace: string): string[] {
		return [...this.tokens].filter(([, ws]) => ws === workspace).map(([token]) => token);
	}

	addClient(client: OAuthClient): OAuthClient {
		this.clients.set(client.clientId, client);
		return client;
	}

	client(clientId: string): OAuthClient | undefined {
		return this.clients.get(clientId);
	}

	clientList(): OAuthClient[] {
		return [...this.clients.values()];
	}

	issueCode(client: OAuthClient, redirectUri: string, nowMs: number): string {
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, { clientId: client.clientId, workspace: client.workspace, redirectUri, expiresAtMs: nowMs + CODE_TTL_MS });
		return code;
	}

	/**
	 * Intercom's tokens do not expire and rarely come with a refresh token; the sandbox issues one
	 * with every OAuth token so that n8n's refresh (after a 401) can be exercised.
	 */
	issueRefreshToken(clientId: string, workspace: string): string {
		const token = newRefreshToken();
		this.refreshTokens.set(token, { clientId, workspace });
		return token;
	}

	/** A refresh grant: the workspace, or an OAuth error code. The refresh token stays valid. */
	redeemRefreshToken(refreshToken: string, clientId: string, clientSecret: string): { workspace: string } | { error: string } {
		const client = this.clients.get(clientId);
		if (!client || client.clientSecret !== clientSecret) return { error: 'invalid_client' };
		const held = this.refreshTokens.get(refreshToken);
		if (!held || held.clientId !== clientId) return { error: 'invalid_grant' };
		return { workspace: held.workspace };
	}

	/** Redeems a code (once). Returns the workspace or an OAuth error code. */
	redeemCode(
		code: string,
		clientId: string,
		clientSecret: string,
		redirectUri: string | undefined,
		nowMs: number,
	): { workspace: string } | { error: string } {
		const client = this.clients.get(clientId);
		if (!client || client.clientSecret !== clientSecret) return { error: 'invalid_client' };
		const pending = this.codes.get(code);
		if (!pending) return { error: 'invalid_grant' };
		this.codes.delete(code);
		if (pending.clientId !== clientId || pending.expiresAtMs < nowMs) return { error: 'invalid_grant' };
		if (redirectUri !== undefined && redirectUri !== pending.redirectUri) return { error: 'invalid_grant' };
		return { workspace: pending.workspace };
	}
}

export function newRefreshToken(): string {
	return `ref_${randomBytes(24).toString('base64url')}`;
}

export function newToken(): string {
	return `dG9rOj${randomBytes(24).toString('base64url')}`;
}
