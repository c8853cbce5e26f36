/**
 * Data Export and Reporting Data Export against the sandbox, through n8n's engine. Jobs progress on
 * the sandbox clock; the node's waits go through the transport's clock. The test links the two: a
 * wait the node decides on moves both clocks, so "Wait Until Ready" is tested in no real time, and
 * the pauses it chose are checked (growing, never past Max Wait).
 */
import { gunzipSync } from 'node:zlib';

import type { INodeExecutionData } from 'n8n-workflow';

import { clock } from '../../nodes/shared/transport/clock';
import { MAX_POLL_MS } from '../../nodes/Intercom/actions/files';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { getReportingAttributes, getReportingDatasets } from '../../nodes/Intercom/methods/loadOptions';
import { credentialsFor, loadOptionsContext, runNode } from '../helpers/n8n';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 8, conversations: 6, articles: 0, companies: 1 } });
});
afterAll(async () => {
	await sb?.close();
});

/** The node's waits, each moving the transport's clock and the sandbox's clock by as much. */
let waits: number[];
let restore: () => void;
beforeEach(() => {
	waits = [];
	let skipped = 0;
	const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
		if (ms <= 0) return;
		waits.push(ms);
		skipped += ms;
		sb.clock.advanceSeconds(ms / 1000);
	});
	const now = jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + skipped);
	restore = () => {
		sleep.mockRestore();
		now.mockRestore();
	};
});
afterEach(() => {
	restore();
	sb.workspace.media.jobs.clear();
	sb.workspace.media.nextOutcomes.length = 0;
	sb.workspace.media.exportReadySeconds = 30;
});

async function run(resource: string, parameters: Record<string, unknown>) {
	const before = sb.log.requests().length;
	const result = await runNode({ parameters: { resource, ...parameters } as never, credentials: credentialsFor(sb.baseUrl, sb.token) });
	const sent = sb.log.requests().slice(before);
	expect(sent.filter((r) => !r.verdict.conformant).map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	return { ...result, json: result.items.map((i) => i.json), sent };
}

function csvOf(item: INodeExecutionData, field = 'data'): string[][] {
	const bytes = Buffer.from(item.binary![field].data, 'base64');
	return gunzipSync(bytes).toString('utf8').trim().split('\n').map((line) => line.split(','));
}

const conversations = () => sb.workspace.conversations.all();
const range = () => {
	const created = conversations().map((c) => c.created_at);
	return { after: Math.min(...created), before: Math.max(...created) };
};

describe('Data Export', () => {
	async function create() {
		const { after, before } = range();
		const created = await run('dataExport', { operation: 'create', createdAtAfter: after, createdAtBefore: before });
		expect(created.error).toBeUndefined();
		expect(created.sent.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual([
			`POST /export/content/data {"created_at_after":${after},"created_at_before":${before}}`,
		]);
		return created.json[0];
	}

	it('Create starts a job; Get Status follows it from pending through in progress to completed', async () => {
		const job = await create();
		expect(job).toEqual({ job_identifier: expect.any(String), status: 'pending', download_url: '', download_expires_at: '' });
		const status = async () => (await run('dataExport', { operation: 'get', jobId: job.job_identifier })).json[0].status;
		expect(await status()).toBe('pending');
		sb.clock.advanceSeconds(20);
		expect(await status()).toBe('in_progress');
		sb.clock.advanceSeconds(20);
		const done = (await run('dataExport', { operation: 'get', jobId: job.job_identifier })).json[0];
		expect(done).toEqual(expect.objectContaining({ status: 'completed', download_url: `${sb.baseUrl}/download/content/data/${job.job_identifier}` }));
	});

	it('Download waits until the job is ready (pauses of 2, 4, 8, 16 s), then returns the gzipped CSV as binary data', async () => {
		const job = await create();
		const { items, sent, error } = await run('dataExport', { operation: 'download', jobId: job.job_identifier, maxWaitSeconds: 120 });
		expect(error).toBeUndefined();
		expect(waits).toEqual([2000, 4000, 8000, 16000]);
		const id = job.job_identifier as string;
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			...Array(5).fill(`GET /export/content/data/${id}`),
			`GET /download/content/data/${id}`,
		]);
		expect(sent[5].headers.accept).toBe('application/octet-stream');
		const rows = csvOf(items[0]);
		expect(rows[0]).toEqual(['content_id', 'content_title', 'content_type', 'user_id', 'user_email', 'received_at', 'opened_at']);
		expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(conversations().map((c) => c.id).sort());
		expect([items[0].binary!.data.fileName, items[0].binary!.data.mimeType]).toEqual([`${id}.csv.gz`, 'application/gzip']);
		expect(items[0].json).toEqual(expect.objectContaining({ job_identifier: id, file_name: `${id}.csv.gz`, mime_type: 'application/gzip', binary_field: 'data' }));
	});

	it('a job not ready within Max Wait fails naming the job and its last status; the pauses never pass Max Wait', async () => {
		// Pending for 75 s, in progress until 150 s: past the 100 s the user allows.
		sb.workspace.media.exportReadySeconds = 150;
		const job = await create();
		const { error, sent } = await run('dataExport', { operation: 'download', jobId: job.job_identifier, maxWaitSeconds: 100 });
		expect(error?.message).toBe(`Parameter "Max Wait (Seconds)": Data export job "${job.job_identifier}" was not ready within 100 s: its last status was "in_progress"`);
		expect(error?.description).toMatch(/^Statuses seen: pending → in_progress\./);
		// The requests themselves take a little real time, which the last pause leaves out.
		const waited = waits.reduce((a, b) => a + b, 0);
		expect(waited).toBeLessThanOrEqual(100_000);
		expect(waited).toBeGreaterThan(95_000);
		expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_POLL_MS);
		expect(sent.every((r) => r.path.startsWith('/export/content/data/'))).toBe(true);
	});

	it('a job that failed fails at once, naming the job and its status, without downloading', async () => {
		sb.workspace.media.nextOutcomes.push('failed');
		const job = await create();
		sb.clock.advanceSeconds(60);
		const { error, sent } = await run('dataExport', { operation: 'download', jobId: job.job_identifier });
		expect(error?.message).toBe(`Parameter "Job ID": Data export job "${job.job_identifier}" will not be ready: its status is "failed"`);
		expect(sent.map((r) => r.path)).toEqual([`/export/content/data/${job.job_identifier}`]);
		expect(waits).toEqual([]);
	});

	it('Cancel cancels a running job, and a later download says it was canceled', async () => {
		const job = await create();
		const canceled = await run('dataExport', { operation: 'cancel', jobId: job.job_identifier });
		expect(canceled.json[0]).toEqual(expect.objectContaining({ job_identifier: job.job_identifier, status: 'canceled' }));
		expect(canceled.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /export/cancel/${job.job_identifier}`]);
		const { error } = await run('dataExport', { operation: 'download', jobId: job.job_identifier });
		expect(error?.message).toMatch(/will not be ready: its status is "canceled"$/);
	});

	it('without Wait Until Ready, a download of a job not ready is refused by Intercom, as it is', async () => {
		const job = await create();
		const { error, sent } = await run('dataExport', { operation: 'download', jobId: job.job_identifier, waitUntilReady: false });
		expect(sent.map((r) => `${r.path} ${r.status}`)).toEqual([`/download/content/data/${job.job_identifier} 404`]);
		expect(error?.message).toMatch(/not found/i);
	});

	it('Max Wait outside 1 s … 1 h, a bad job ID or no output field is refused before anything is sent', async () => {
		const tooLong = await run('dataExport', { operation: 'download', jobId: 'abc', maxWaitSeconds: 7200 });
		expect(tooLong.error?.message).toBe('Parameter "Max Wait (Seconds)": must be a number of seconds above 0, at most 3600');
		const badId = await run('dataExport', { operation: 'download', jobId: 'a/b' });
		expect(badId.error?.message).toBe('Parameter "Job ID": "a/b" is not a valid ID');
		const noField = await run('dataExport', { operation: 'download', jobId: 'abc', binaryPropertyName: '={{ "" }}' });
		expect(noField.error?.message).toBe('Parameter "Put Output File in Field": a value is required');
		expect([...tooLong.sent, ...badId.sent, ...noField.sent]).toEqual([]);
	});
});

describe('Reporting Data Export', () => {
	const app = () => sb.workspace.idCode;

	it("Enqueue's lists: the workspace's datasets, and the attributes of the one chosen", async () => {
		const credentials = credentialsFor(sb.baseUrl, sb.token);
		const parameters = { resource: 'reportingDataExport', operation: 'enqueue', datasetId: 'ticket' };
		const datasets = await getReportingDatasets.call(loadOptionsContext({ credentials, parameters }));
		expect(datasets.map((d) => [d.name, d.value])).toEqual([['Conversation', 'conversation'], ['Ticket', 'ticket']]);
		const attributes = await getReportingAttributes.call(loadOptionsContext({ credentials, parameters, path: 'parameters.attributeIds' }));
		expect(attributes.map((a) => a.value)).toEqual(['ticket_created_at', 'ticket_id', 'ticket_state']);
	});

	it('Get Datasets lists the datasets with their attributes', async () => {
		const { json, sent } = await run('reportingDataExport', { operation: 'getDatasets' });
		expect(json.map((d) => d.id)).toEqual(['conversation', 'ticket']);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /export/reporting_data/get_datasets']);
	});

	it('Enqueue, Get Status and Download (waiting) give the requested attributes of the conversations in range', async () => {
		const { after, before } = range();
		const enqueued = await run('reportingDataExport', {
			operation: 'enqueue',
			datasetId: 'conversation',
			attributeIds: ['conversation_id', 'conversation_state'],
			startTime: after,
			endTime: before,
		});
		expect(enqueued.sent.map((r) => r.body)).toEqual([{ dataset_id: 'conversation', attribute_ids: ['conversation_id', 'conversation_state'], start_time: after, end_time: before }]);
		const id = enqueued.json[0].job_identifier as string;
		expect(enqueued.json[0].status).toBe('pending');

		const status = await run('reportingDataExport', { operation: 'get', jobId: id, appId: app(), clientId: 'client-1' });
		expect(status.json[0].status).toBe('pending');
		expect(status.sent[0].query).toEqual({ job_identifier: id, app_id: app(), client_id: 'client-1' });

		const downloaded = await run('reportingDataExport', { operation: 'download', jobId: id, appId: app(), clientId: 'client-1', binaryPropertyName: 'report' });
		expect(downloaded.error).toBeUndefined();
		expect(waits.length).toBeGreaterThan(0);
		const last = downloaded.sent[downloaded.sent.length - 1];
		expect(`${last.path} ${JSON.stringify(last.query)} ${last.headers.accept}`).toBe(`/download/reporting_data/${id} {"job_identifier":"${id}","app_id":"${app()}"} application/octet-stream`);
		const rows = csvOf(downloaded.items[0], 'report');
		expect(rows[0]).toEqual(['conversation_id', 'conversation_state']);
		expect(rows.slice(1)).toEqual(expect.arrayContaining(conversations().map((c) => [c.id, c.state])));
		expect(rows).toHaveLength(conversations().length + 1);
	});

	it('Enqueue without attributes, or Download waiting without a Client ID, fails naming the parameter with nothing sent', async () => {
		const noAttributes = await run('reportingDataExport', { operation: 'enqueue', datasetId: 'conversation', attributeIds: '={{ [] }}', startTime: 1, endTime: 2 });
		expect(noAttributes.error?.message).toBe('Parameter "Attribute Names or IDs": a value is required');
		// An expression that gives nothing (n8n itself stops a blank typed value before the node runs).
		const noClient = await run('reportingDataExport', { operation: 'download', jobId: 'job1', appId: app(), clientId: '={{ "" }}' });
		expect(noClient.error?.message).toBe('Parameter "Client ID": a value is required');
		expect([...noAttributes.sent, ...noClient.sent]).toEqual([]);
	});
});
