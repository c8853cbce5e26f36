/**
 * Measures how fast the sandbox answers a 150-contact page from a
 * 100,000-contact workspace (not a pass/fail test).
 *
 *   npx tsx bench/sandbox-latency.ts [--contacts 100000] [--requests 2000]
 *
 * Reports the server-side time the sandbox logs per request (request read
 * -> response written) for a walk over all pages and for random pages
 * afterwards, plus client round-trip times (fetch over keep-alive, body read
 * but not parsed), and a full-scan search for comparison.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox';

function stats(samples: number[]): string {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
	return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, mean ${mean.toFixed(3)} ms`;
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { contacts: { type: 'string' }, requests: { type: 'string' } } });
	const contacts = Number(values.contacts ?? 100000);
	const requests = Number(values.requests ?? 2000);
	const seedStart = performance.now();
	const sb = await startSandbox({ port: 0, seed: { contacts, conversations: 200 }, settings: { rateLimit: false } });
	console.log(`seeded ${contacts} contacts in ${(performance.now() - seedStart).toFixed(0)} ms`);
	const headers = { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': '2.14' };

	// Cursors spread over the whole list, so deep pages are measured too.
	const cursors: (string | undefined)[] = [undefined];
	let cursor: string | undefined;
	do {
		const res = await fetch(`${sb.baseUrl}/contacts?${new URLSearchParams({ per_page: '150', ...(cursor ? { starting_after: cursor } : {}) })}`, { headers });
		cursor = ((await res.json()) as { pages: { next?: { starting_after: string } } }).pages.next?.starting_after;
		if (cursor) cursors.push(cursor);
	} while (cursor);
	console.log(`walked ${cursors.length} pages of 150`);
	console.log(`  first walk over all pages, server-side: ${stats(sb.log.requests().map((r) => r.durationMs))}`);

	for (let i = 0; i < 200; i++) await (await fetch(`${sb.baseUrl}/contacts?per_page=150`, { headers })).arrayBuffer(); // warm-up
	sb.log.clear();
	const client: number[] = [];
	for (let i = 0; i < requests; i++) {
		const c = cursors[(i * 7919) % cursors.length];
		const url = `${sb.baseUrl}/contacts?${new URLSearchParams({ per_page: '150', ...(c ? { starting_after: c } : {}) })}`;
		const t = performance.now();
		const res = await fetch(url, { headers });
		await res.arrayBuffer();
		client.push(performance.now() - t);
	}
	const server = sb.log.requests().map((r) => r.durationMs);
	console.log(`GET /contacts?per_page=150 x ${requests} (${contacts} contacts)`);
	console.log(`  server-side: ${stats(server)}`);
	console.log(`  round trip:  ${stats(client)}`);
	sb.log.clear();
	const since = sb.workspace.now() - 30 * 86400;
	for (let i = 0; i < 50; i++) {
		const res = await fetch(`${sb.baseUrl}/contacts/search`, {
			method: 'POST',
			headers: { ...headers, 'Content-Type': 'application/json' },
			body: JSON.stringify({ query: { field: 'updated_at', operator: '>', value: since }, pagination: { per_page: 150 }, sort: { field: 'updated_at', order: 'ascending' } }),
		});
		await res.arrayBuffer();
	}
	console.log(`POST /contacts/search (updated_at > 30 days ago, sorted, 150 per page) x 50, full scan of ${contacts} contacts`);
	console.log(`  server-side: ${stats(sb.log.requests().map((r) => r.durationMs))}`);
	console.log(`  non-conformant requests: ${sb.log.nonConformant().length}`);
	await sb.close();
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
