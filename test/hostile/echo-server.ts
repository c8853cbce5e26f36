import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoedRequest {
	/** 1-based, in arrival order: the number the answer carries back. */
	n: number;
	method: string;
	/** The path exactly as sent, still percent-escaped. */
	path: string;
	query: URLSearchParams;
	body: string;
}

export const ECHO = /^echo #(\d+)$/;

/**
 * A loopback server that records every request and answers each with a 400 whose Intercom error
 * message is `echo #n`. An item that reached the server then fails with that message, so each
 * request is tied to the item that sent it even when many items run in one execution, and a
 * 400 is never retried. Headers may be large: a 100 KB value escaped into a path must arrive
 * whole so its path can be compared, not be cut off by Node's 16 KB header limit.
 */
export async function echoServer() {
	const requests: EchoedRequest[] = [];
	const server = http.createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = req.url ?? '';
			const q = raw.indexOf('?');
			const n = requests.length + 1;
			requests.push({
				n,
				method: req.method ?? '',
				path: q === -1 ? raw : raw.slice(0, q),
				query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
				body: Buffer.concat(chunks).toString('utf8'),
			});
			res.writeHead(400, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ type: 'error.list', request_id: `echo-${n}`, errors: [{ code: 'echo', message: `echo #${n}` }] }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
