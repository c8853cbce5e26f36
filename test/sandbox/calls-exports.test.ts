/**
 * The sandbox's calls and exports, through HTTP: every answer has the spec's shape; jobs move on the
 * sandbox clock (pending → in progress → completed; failed, no data, canceled); downloads are the
 * gzipped CSV, asked for with `Accept: application/octet-stream` (the conformance check refuses a
 * download without it); a recording is a 302 to the file host, a transcript the text file itself.
 */
import { gunzipSync } from 'node:zlib';

import { RunningSandbox, startSandbox } from '../../sandbox';
import { callExportRoutes } from '../../sandbox/api/calls-exports';
import { call, shapeProblems } from './helpers';

let sb: RunningSandbox;
const seen = new Set<string>();
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 10, conversations: 5, articles: 0, companies: 1, tickets: 3 } });
});
afterAll(async () => {
	await sb.close();
});

async function check(key: string, path: string, body?: unknown, expectedStatus = 200) {
	const res = await call(sb, key.split(' ')[0], path, body);
	expect({ key, status: res.status }).toEqual({ key, status: expectedStatus });
	expect({ key, problems: shapeProblems(key, expectedStatus, res.json) }).toEqual({ key, problems: [] });
	seen.add(key);
	return res.json;
}

async function raw(key: string, path: string, headers: Record<string, string>) {
	const res = await fetch(`${sb.baseUrl}${path}`, { headers: { Authorization: `Bearer ${sb.token}`, 'Intercom-Version': '2.14', ...headers }, redirect: 'manual' });
	seen.add(key);
	return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const conversations = () => sb.workspace.conversations.all();

it('calls: list, one, by conversation, the recording as a redirect to real audio and the transcript as text', async () => {
	const list = await check('GET /calls', '/calls?per_page=2');
	expect(list.pages).toEqual({ type: 'pages', page: 1, per_page: 2, total_pages: 2 });
	const id = list.data[0].id;
	await check('GET /calls/{call_id}', `/calls/${id}`);
	const found = await check('POST /calls/search', '/calls/search', { conversation_ids: [conversations()[0].id] });
	expect(found.data.map((c: { conversation_id: string }) => c.conversation_id)).toEqual([conversations()[0].id]);
	// No IDs, or more than 20, break the spec's minItems / maxItems: refused before the handler.
	expect((await call(sb, 'POST', '/calls/search', { conversation_ids: [] })).status).toBe(400);
	sb.log.clear();

	const answered = [...sb.workspace.media.calls.values()].find((c) => c.recording)!;
	const redirect = await raw('GET /calls/{call_id}/recording', `/calls/${answered.id}/recording`, { Accept: 'application/json' });
	expect(redirect.status).toBe(302);
	const location = redirect.headers.get('location')!;
	expect(location.startsWith(`${sb.baseUrl}/__files/`)).toBe(true);
	const audio = await fetch(location);
	expect([audio.status, audio.headers.get('content-type')]).toEqual([200, 'audio/wav']);
	expect(Buffer.from(await audio.arrayBuffer()).subarray(0, 4).toString()).toBe('RIFF');

	const text = await raw('GET /calls/{call_id}/transcript', `/calls/${answered.id}/transcript`, { Accept: 'text/plain' });
	expect([text.status, text.headers.get('content-type'), text.headers.get('content-disposition')]).toEqual([200, 'text/plain; charset=utf-8', expect.stringMatching(/^attachment; filename=transcription_data-\d{4}-\d\d-\d\d\.txt$/)]);
	expect(text.bytes.toString('utf8')).toMatch(/^\[00:00:03\] Teammate 1: "Hello/);
	expect(sb.log.nonConformant()).toEqual([]);
});

it('a content data export moves on the sandbox clock; one job at a time; cancel; the download is the gzipped CSV', async () => {
	const created = conversations().map((c) => c.created_at);
	const body = { created_at_after: Math.min(...created), created_at_before: Math.max(...created) };
	const job = await check('POST /export/content/data', '/export/content/data', body);
	expect(job.status).toBe('pending');
	expect((await call(sb, 'POST', '/export/content/data', body)).status).toBe(429);
	sb.clock.advanceSeconds(16);
	expect((await check('GET /export/content/data/{job_identifier}', `/export/content/data/${job.job_identifier}`)).status).toBe('in_progress');
	const early = await raw('GET /download/content/data/{job_identifier}', `/download/content/data/${job.job_identifier}`, { Accept: 'application/octet-stream' });
	expect(early.status).toBe(404);
	sb.clock.advanceSeconds(15);
	const done = await check('GET /export/content/data/{job_identifier}', `/export/content/data/${job.job_identifier}`);
	expect(done.status).toBe('completed');
	const file = await raw('GET /download/content/data/{job_identifier}', `/download/content/data/${job.job_identifier}`, { Accept: 'application/octet-stream' });
	expect(file.status).toBe(200);
	const rows = gunzipSync(file.bytes).toString('utf8').trim().split('\n');
	expect(rows).toHaveLength(conversations().length + 1);

	const second = await check('POST /export/content/data', '/export/content/data', body);
	const canceled = await check('POST /export/cancel/{job_identifier}', `/export/cancel/${second.job_identifier}`);
	expect(canceled.status).toBe('canceled');
	const empty = await check('POST /export/content/data', '/export/content/data', { created_at_after: 1, created_at_before: 2 });
	sb.clock.advanceSeconds(31);
	expect((await check('GET /export/content/data/{job_identifier}', `/export/content/data/${empty.job_identifier}`)).status).toBe('no_data');
});

it('a reporting export: datasets, enqueue with checked attributes, status by app, download', async () => {
	const datasets = await check('GET /export/reporting_data/get_datasets', '/export/reporting_data/get_datasets');
	expect(datasets.data.map((d: { id: string }) => d.id)).toEqual(['conversation', 'ticket']);
	const bad = await call(sb, 'POST', '/export/reporting_data/enqueue', { dataset_id: 'conversation', attribute_ids: ['nope'], start_time: 0, end_time: 1 });
	expect([bad.status, bad.json.errors[0].message]).toEqual([400, 'attribute_ids invalid for conversation dataset: nope']);
	const job = await check('POST /export/reporting_data/enqueue', '/export/reporting_data/enqueue', { dataset_id: 'ticket', attribute_ids: ['ticket_id'], start_time: 0, end_time: 4_000_000_000 });
	const app = sb.workspace.idCode;
	const statusPath = `/export/reporting_data/${job.job_identifier}?app_id=${app}&client_id=c&job_identifier=${job.job_identifier}`;
	expect((await check('GET /export/reporting_data/{job_identifier}', statusPath)).status).toBe('pending');
	sb.clock.advanceSeconds(31);
	expect((await check('GET /export/reporting_data/{job_identifier}', statusPath)).status).toBe('complete');
	const file = await raw('GET /download/reporting_data/{job_identifier}', `/download/reporting_data/${job.job_identifier}?app_id=${app}&job_identifier=${job.job_identifier}`, { Accept: 'application/octet-stream' });
	const rows = gunzipSync(file.bytes).toString('utf8').trim().split('\n');
	expect(rows).toEqual(['ticket_id', ...[...sb.workspace.tickets.values()].map((t) => t.id)]);
	// Without the Accept header this download's parameters require, it is refused as non-conformant.
	const refused = await raw('GET /download/reporting_data/{job_identifier}', `/download/reporting_data/${job.job_identifier}?app_id=${app}&job_identifier=${job.job_identifier}`, { Accept: 'application/json' });
	expect(refused.status).toBe(400);
	expect(sb.log.nonConformant().map((r) => r.verdict.problems)).toEqual([[expect.stringMatching(/^header\.Accept/)]]);
	sb.log.clear();
});

it('every call and export route was checked, with conformant requests', () => {
	expect(Object.keys(callExportRoutes).filter((key) => !seen.has(key))).toEqual([]);
	expect(sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
});
