/**
 * Intercom's OAuth flow, simulated:
 * - GET /oauth?client_id&redirect_uri&state answers an authorize page with an
 *   "Authorize access" button (a form POSTing to /oauth/authorize); with
 *   `&auto=1` it approves at once (for tests without a browser);
 * - approving redirects to redirect_uri?code=…&state=…;
 * - POST /auth/eagle/token (form-encoded or JSON: code, client_id,
 *   client_secret, grant_type?, redirect_uri?) answers
 *   {token_type: 'bearer', access_token, token}; the token is a Bearer token
 *   for the client's workspace.
 */
import { errorBody } from './errors';
import type { Sandbox } from './sandbox';
import type { Outgoing } from './server';

export function isOAuthPath(path: string): boolean {
	return path === '/oauth' || path === '/oauth/authorize' || path === '/auth/eagle/token';
}

export interface OAuthOutcome {
	response: Outgoing;
	problems: string[];
	loggedBody: unknown;
}

const escapeHtml = (s: string) =>
	s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

function html(status: number, body: string): Outgoing {
	return { status, body, contentType: 'text/html; charset=utf-8', headers: {} };
}

function authorizePage(clientId: string, redirectUri: string, state: string, workspaceName: string): string {
	const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
	return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Authorize access – Intercom sandbox</title></head>
<body>
<h1>Connect to ${escapeHtml(workspaceName)}</h1>
<p>The app <strong>${escapeHtml(clientId)}</strong> wants to access this workspace.</p>
<form method="post" action="/oauth/authorize">
${hidden('client_id', clientId)}
${hidden('redirect_uri', redirectUri)}
${hidden('state', state)}
<button type="submit" name="decision" value="approve" id="authorize">Authorize access</button>
<button type="submit" name="decision" value="deny" id="deny">Cancel</button>
</form>
</body></html>`;
}

function withParams(uri: string, params: Record<string, string>): string {
	const url = new URL(uri);
	for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
	return url.toString();
}

function parseForm(headers: Record<string, string>, raw: string): Record<string, string> {
	const type = headers['content-type'] ?? '';
	if (type.includes('application/json')) {
		try {
			const parsed = JSON.parse(raw || '{}');
			return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(raw));
}

export async function handleOAuth(
	sandbox: Sandbox,
	method: string,
	path: string,
	query: URLSearchParams,
	headers: Record<string, string>,
	rawBody: string,
): Promise<OAuthOutcome> {
	const problems: string[] = [];
	if (path === '/oauth' && method === 'GET') {
		const clientId = query.get('client_id') ?? '';
		const redirectUri = query.get('redirect_uri') ?? '';
		const client = sandbox.auth.client(clientId);
		if (!client) return { response: html(400, '<h1>Unknown client_id</h1>'), problems: ['unknown client_id'], loggedBody: undefined };
		if (!/^https?:\/\//.test(redirectUri)) {
			return { response: html(400, '<h1>Invalid redirect_uri</h1>'), problems: ['invalid redirect_uri'], loggedBody: undefined };
		}
		if (query.get('auto') === '1') {
			// Auto-approve (no browser): redirect straight back with a code.
			const params: Record<string, string> = { code: sandbox.auth.issueCode(client, redirectUri, sandbox.clock.now()) };
			if (query.get('state')) params.state = query.get('state') as string;
			return { response: { status: 302, body: '', contentType: 'text/plain', headers: { Location: withParams(redirectUri, params) } }, problems, loggedBody: undefined };
		}
		const page = authorizePage(clientId, redirectUri, query.get('state') ?? '', sandbox.workspace(client.workspace).name);
		return { response: html(200, page), problems, loggedBody: undefined };
	}
	if (path === '/oauth/authorize' && method === 'POST') {
		const form = parseForm(headers, rawBody);
		const client = sandbox.auth.client(form.client_id ?? '');
		if (!client || !/^https?:\/\//.test(form.redirect_uri ?? '')) {
			return { response: html(400, '<h1>Invalid authorization request</h1>'), problems: ['invalid authorization request'], loggedBody: form };
		}
		const params: Record<string, string> =
			form.decision === 'deny'
				? { error: 'access_denied' }
				: { code: sandbox.auth.issueCode(client, form.redirect_uri, sandbox.clock.now()) };
		if (form.state) params.state = form.state;
		const location = withParams(form.redirect_uri, params);
		return { response: { status: 302, body: '', contentType: 'text/plain', headers: { Location: location } }, problems, loggedBody: form };
	}
	if (path === '/auth/eagle/token' && method === 'POST') {
		const form = parseForm(headers, rawBody);
		const logged = { ...form, client_secret: form.client_secret ? '***' : undefined, refresh_token: form.refresh_token ? '***' : undefined };
		if (form.grant_type === 'refresh_token') {
			for (const field of ['refresh_token', 'client_id', 'client_secret']) if (!form[field]) problems.push(`${field} is required`);
			if (problems.length > 0) return { response: jsonOut(400, errorBody('parameter_invalid', problems.join('; '))), problems, loggedBody: logged };
			const refreshed = sandbox.auth.redeemRefreshToken(form.refresh_token, form.client_id, form.client_secret);
			if ('error' in refreshed) {
				return { response: jsonOut(refreshed.error === 'invalid_client' ? 401 : 400, { error: refreshed.error }), problems, loggedBody: logged };
			}
			const token = sandbox.auth.addToken(refreshed.workspace);
			return { response: jsonOut(200, { token_type: 'bearer', access_token: token, token, refresh_token: form.refresh_token }), problems, loggedBody: logged };
		}
		for (const field of ['code', 'client_id', 'client_secret']) if (!form[field]) problems.push(`${field} is required`);
		if (form.grant_type !== undefined && form.grant_type !== 'authorization_code') problems.push('grant_type must be authorization_code');
		if (problems.length > 0) {
			return { response: jsonOut(400, errorBody('parameter_invalid', problems.join('; '))), problems, loggedBody: logged };
		}
		const result = sandbox.auth.redeemCode(form.code, form.client_id, form.client_secret, form.redirect_uri, sandbox.clock.now());
		if ('error' in result) {
			const status = result.error === 'invalid_client' ? 401 : 400;
			return { response: jsonOut(status, errorBody(result.error, result.error === 'invalid_client' ? 'Client authentication failed' : 'Authorization code is invalid or expired')), problems, loggedBody: logged };
		}
		const token = sandbox.auth.addToken(result.workspace);
		const refreshToken = sandbox.auth.issueRefreshToken(form.client_id, result.workspace);
		return { response: jsonOut(200, { token_type: 'bearer', access_token: token, token, refresh_token: refreshToken }), problems, loggedBody: logged };
	}
	return { response: jsonOut(404, errorBody('not_found', 'Resource Not Found')), problems: [`unknown OAuth route ${method} ${path}`], loggedBody: undefined };
}

function jsonOut(status: number, body: unknown): Outgoing {
	return { status, body: JSON.stringify(body), contentType: 'application/json; charset=utf-8', headers: {} };
}
