import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type LeakyMode = 401 | 403 | 404 | 422 | 429 | 500 | 503 | 'reset' | 'hang' | 'html' | 'truncated' | 'empty';

/**
 * The worst proxy in front of Intercom: every failure it produces repeats what it was sent (the
 * Authorization header, the body) and the secrets it is told (what a credential holds), in every place an answer can carry
 * text: the error's message, field and request_id, an HTML page, response headers, a body cut off
 * mid-way; and in every encoding (raw, URL-encoded, JSON-escaped, base64). Whatever a node does with a failed answer, the secrets are there to leak.
 */
export async function leakyServer() {
	let mode: LeakyMode = 401;
	let secrets: string[] = [];
	let count = 0;
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			count++;
			// Every secret as it is, URL-encoded, JSON-escaped and base64 (plain and URL-safe), as a careless proxy might.
			const encoded = secrets.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1), Buffer.from(s).toString('base64'), Buffer.from(s).toString('base64url'), Buffer.from(`client-1:${s}`).toString('base64')]);
			const echo = `${req.headers.authorization ?? ''} ${body} ${encodeURIComponent(body)} ${encoded.join(' ')}`;
			const headers = { 'Content-Type': 'application/json', 'X-Debug-Authorization': String(req.headers.authorization ?? ''), 'X-Debug-Secrets': encoded.map(encodeURIComponent).join(',') };
			if (mode === 'reset') return void req.socket.destroy();
			if (mode === 'hang') return;
			if (mode === 'html') {
				res.writeHead(502, { ...headers, 'Content-Type': 'text/html' });
				return void res.end(`<html><body><h1>502 Bad Gateway</h1><pre>${echo}</pre></body></html>`);
			}
			if (mode === 'truncated') {
				res.writeHead(200, headers);
				return void res.end(`{"type":"contact","id":"x","note":${JSON.stringify(echo)}`);
			}
			if (mode === 'empty') {
				res.writeHead(200, headers);
				return void res.end();
			}
			const extra = mode === 429 ? { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1' } : {};
			res.writeHead(mode, { ...headers, ...extra });
			res.end(JSON.stringify({ type: 'error.list', request_id: echo, errors: [{ code: 'leak', message: `Rejected: ${echo}`, field: echo }] }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		/** How to fail from now on, and the secrets (of the credential in use) to repeat. */
		set(next: LeakyMode, known: string[]) {
			mode = next;
			secrets = known;
			count = 0;
		},
		/** Requests since the mode was set. */
		requests: () => count,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
