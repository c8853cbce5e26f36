import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
	| { status: number; body?: unknown; headers?: Record<string, string>; raw?: string | Buffer }
	| 'reset';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/**
 * A loopback HTTP server that answers from a script, one reply per request, for faults nock cannot
 * fake faithfully (a socket destroyed mid-request). Records every request it receives.
 */
export async function scriptedServer(script: ScriptedReply[]) {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
			const reply = script.shift() ?? { status: 500, body: { type: 'error.list', errors: [{ code: 'script_exhausted', message: 'no scripted reply left' }] } };
			if (reply === 'reset') {
				req.socket.destroy();
				return;
			}
			res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
			res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
