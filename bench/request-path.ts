/**
 * What n8n's own request path costs, apart from any node (not a pass/fail test):
 *
 *   npx tsx bench/request-path.ts [--rounds 15]
 *
 * Every node's `this.helpers.httpRequest` in n8n 2.40 ends in `httpRequest` of
 * `@n8n/backend-network`, which builds a new HTTP agent for every request, so every request opens
 * a new connection (over HTTPS: a TLS handshake). This runs that function, from the n8n the e2e
 * suite installs, on Node 24 as n8n does, against a local server answering a 150-contact page
 * (the sandbox's page size), and next to it the same axios call with one keep-alive agent (what
 * the helper would cost if it kept its connection) and JSON.parse alone on the same body (the part
 * of each answer any client pays). 67 requests a round (10,000 contacts), medians over the rounds.
 * Writes bench/request-path.json, which bench/results.md (section 0) shows.
 */
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { DEFAULT_N8N_VERSION, n8nDir, node24Bin, NODE24_VERSION } from '../e2e/runtime/paths';

const execFileAsync = promisify(execFile);

export interface RequestPathResults {
	date: string;
	machine: { cpu: string; cores: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
	n8nVersion: string;
	node: string;
	bodyBytes: number;
	rounds: number;
	requestsPerRound: number;
	rows: Array<{ protocol: 'http' | 'https'; client: string; cpuUsPerRequest: number; wallUsPerRequest: number; connections: number }>;
	jsonParseUsPerPage: number;
}

/** The server, in a process of its own: a fixed 150-contact page, connections counted. */
const SERVER = `
const [protocol, certFile, keyFile] = process.argv.slice(-3);
const fs = require('node:fs');
const contact = (i) => ({ type: 'contact', id: 'c' + i, workspace_id: 'ws', external_id: null, role: 'user', email: 'user' + i + '@example.com', phone: null, name: 'User ' + i, avatar: null, owner_id: null, social_profiles: { type: 'list', data: [] }, has_hard_bounced: false, marked_email_as_spam: false, unsubscribed_from_emails: false, created_at: 1700000000, updated_at: 1700000000, signed_up_at: null, last_seen_at: null, last_replied_at: null, last_contacted_at: null, location: { type: 'location', country: 'France', region: null, city: 'Paris', country_code: 'FR', continent_code: 'EU' }, custom_attributes: { plan: 'pro', seats: 3 }, tags: { type: 'list', data: [], url: '/contacts/c/tags', total_count: 0, has_more: false }, notes: { type: 'list', data: [], url: '/contacts/c/notes', total_count: 0, has_more: false }, companies: { type: 'list', data: [], url: '/contacts/c/companies', total_count: 0, has_more: false } });
const body = Buffer.from(JSON.stringify({ type: 'list', data: Array.from({ length: 150 }, (_, i) => contact(i)), total_count: 10000, pages: { type: 'pages', next: { per_page: 150, starting_after: 'c149' }, page: 1, per_page: 150, total_pages: 67 } }));
const handler = (req, res) => { req.resume(); res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); res.end(body); };
const server = protocol === 'https' ? require('node:https').createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }, handler) : require('node:http').createServer(handler);
let connections = 0;
server.on(protocol === 'https' ? 'secureConnection' : 'connection', () => connections++);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, bodyBytes: body.length }));
process.on('message', () => process.send({ connections }));
`;

/** The clients, in a Node 24 process of their own, timed by its own CPU clock. */
const CLIENT = `
const [n8nModules, protocol, port, rounds] = process.argv.slice(-4);
const { httpRequest } = require(n8nModules + '/@n8n/backend-network/dist/http/axios/request.js');
const axios = require(n8nModules + '/axios');
const agent = protocol === 'https' ? new (require('node:https').Agent)({ keepAlive: true, rejectUnauthorized: false }) : new (require('node:http').Agent)({ keepAlive: true });
const url = protocol + '://127.0.0.1:' + port + '/contacts';
const headers = { Authorization: 'Bearer t', 'Intercom-Version': '2.14', Accept: 'application/json' };
const clients = {
	"n8n's httpRequest (a new agent per request)": () => httpRequest({ method: 'GET', url, qs: { per_page: 150 }, headers, json: true, skipSslCertificateValidation: true }),
	'the same axios call, one keep-alive agent': () => axios({ method: 'GET', url, params: { per_page: 150 }, headers, [protocol === 'https' ? 'httpsAgent' : 'httpAgent']: agent }).then((r) => r.data),
};
const connections = () => new Promise((resolve) => { process.once('message', (m) => resolve(m.connections)); process.send('count'); });
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
(async () => {
	const names = Object.keys(clients);
	const runs = Object.fromEntries(names.map((n) => [n, { cpu: [], wall: [], connections: [] }]));
	for (const n of names) for (let i = 0; i < 30; i++) await clients[n]();
	for (let round = 0; round < Number(rounds); round++) {
		for (const n of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
			const before = await connections();
			const cpu = process.cpuUsage();
			const started = performance.now();
			for (let i = 0; i < 67; i++) {
				const page = await clients[n]();
				if (!page || page.data.length !== 150) throw new Error(n + ': not a 150-contact page');
			}
			const used = process.cpuUsage(cpu);
			runs[n].wall.push(((performance.now() - started) * 1000) / 67);
			runs[n].cpu.push((used.user + used.system) / 67);
			runs[n].connections.push((await connections()) - before);
		}
	}
	const text = JSON.stringify(await clients[names[1]]());
	const parse = [];
	for (let round = 0; round < 15; round++) { const t = performance.now(); for (let i = 0; i < 67; i++) JSON.parse(text); parse.push(((performance.now() - t) * 1000) / 67); }
	process.send({
		rows: names.map((n) => ({ client: n, cpuUsPerRequest: Math.round(median(runs[n].cpu)), wallUsPerRequest: Math.round(median(runs[n].wall)), connections: median(runs[n].connections) })),
		jsonParseUsPerPage: Math.round(median(parse)),
	});
})().catch((e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(1); });
`;

function message<T>(child: ReturnType<typeof spawn>): Promise<T> {
	return new Promise((resolve, reject) => {
		child.once('message', (m) => resolve(m as T));
		child.once('exit', (code) => reject(new Error(`exited with ${code} before answering`)));
	});
}

async function measure(protocol: 'http' | 'https', rounds: number, tls: { certFile: string; keyFile: string }, n8nModules: string) {
	const server = spawn(node24Bin(), ['-e', SERVER, '--', protocol, tls.certFile, tls.keyFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	try {
		const { port, bodyBytes } = await message<{ port: number; bodyBytes: number }>(server);
		const client = spawn(node24Bin(), ['-e', CLIENT, '--', n8nModules, protocol, String(port), String(rounds)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		// The client asks for the server's connection count; the answer goes back the same way.
		client.on('message', (m) => {
			if (m === 'count') {
				server.once('message', (answer) => client.send(answer as object));
				server.send('count');
			}
		});
		const result = await new Promise<{ rows: RequestPathResults['rows']; jsonParseUsPerPage: number }>((resolve, reject) => {
			client.on('message', (m) => {
				if (m !== 'count') resolve(m as { rows: RequestPathResults['rows']; jsonParseUsPerPage: number });
			});
			client.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the client exited with ${code}`))));
		});
		client.kill();
		return { bodyBytes, jsonParseUsPerPage: result.jsonParseUsPerPage, rows: result.rows.map((r) => ({ ...r, protocol })) };
	} finally {
		server.kill();
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
	const rounds = Number(values.rounds ?? 15);
	const n8nModules = path.join(n8nDir(DEFAULT_N8N_VERSION), 'node_modules');
	if (!fs.existsSync(path.join(n8nModules, '@n8n', 'backend-network')) || !fs.existsSync(node24Bin())) {
		throw new Error('the n8n runtime is not installed: run `npm run n8n:install` (or set E2E_CACHE_DIR)');
	}
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-request-path-'));
	const loadAverageAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
	try {
		const keyFile = path.join(tmp, 'key.pem');
		const certFile = path.join(tmp, 'cert.pem');
		await execFileAsync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=127.0.0.1']);
		const http = await measure('http', rounds, { certFile, keyFile }, n8nModules);
		const https = await measure('https', rounds, { certFile, keyFile }, n8nModules);
		const results: RequestPathResults = {
			date: new Date().toISOString(),
			machine: { cpu: os.cpus()[0]?.model.trim() ?? 'unknown', cores: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
			n8nVersion: DEFAULT_N8N_VERSION,
			node: NODE24_VERSION,
			bodyBytes: http.bodyBytes,
			rounds,
			requestsPerRound: 67,
			rows: [...http.rows, ...https.rows],
			jsonParseUsPerPage: http.jsonParseUsPerPage,
		};
		const file = path.join(__dirname, 'request-path.json');
		fs.writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');
		for (const r of results.rows) console.log(`${r.protocol.padEnd(5)} ${r.client.padEnd(48)} CPU ${r.cpuUsPerRequest} µs, wall ${r.wallUsPerRequest} µs a request, ${r.connections} connections for 67 requests`);
		console.log(`JSON.parse of one page (${results.bodyBytes} bytes): ${results.jsonParseUsPerPage} µs; wrote ${path.relative(process.cwd(), file)}`);
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
