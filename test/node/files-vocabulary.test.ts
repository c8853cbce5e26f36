/**
 * The executor's words for files (actions/types.ts, "Files"), through n8n-core's engine and the
 * shared transport, on declarations made here: a file answer keeps the transport's guarantees
 * (version header, retries, the credential) and is named and typed from the answer's headers; a
 * redirect to a signed URL is fetched without the credential, and its signature never shows in an
 * error; binary input is held to its declared limits before anything is sent.
 */
import { gzipSync } from 'node:zlib';

import nock from 'nock';
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { makeContext, runForItems } from '../../nodes/Intercom/actions/executor';
import { fileNameFrom } from '../../nodes/Intercom/actions/files';
import type { OperationDefinition } from '../../nodes/Intercom/actions/types';
import { IntercomClient } from '../../nodes/shared/transport/client';
import { useFileItemsSource } from '../helpers/file-items';
import { credentialsFor, registerNodeType, runNode } from '../helpers/n8n';
import { recordWaits } from '../helpers/requests';
import { scriptedServer } from '../helpers/scriptedServer';

beforeAll(() => nock.restore()); // loopback servers only
useFileItemsSource();

const DEFINITIONS: Record<string, OperationDefinition> = {
	download: {
		resource: 'dataExport',
		value: 'download',
		name: 'Download',
		action: 'Download',
		description: 'A file answer, as the vocabulary declares one',
		method: 'GET',
		path: '/download/content/data/{job_identifier}',
		pathLabels: { job_identifier: 'Job ID' },
		fields: [{ in: 'path', key: 'job_identifier', property: { displayName: 'Job ID', name: 'jobId', type: 'string', default: '' } }],
		file: { accept: 'application/octet-stream', fileName: 'export-{job_identifier}.csv.gz', mimeType: 'application/gzip' },
	},
	recording: {
		resource: 'call',
		value: 'getRecording',
		name: 'Get Recording',
		action: 'Get recording',
		description: 'A redirect to a signed URL, as the vocabulary declares one',
		method: 'GET',
		path: '/calls/{call_id}/recording',
		subject: 'Recording',
		fields: [{ in: 'path', key: 'call_id', property: { displayName: 'Call ID', name: 'callId', type: 'string', default: '' } }],
		file: { accept: 'application/json', redirect: true, fileName: 'call-{call_id}.mp3', mimeType: 'audio/mpeg' },
	},
	upload: {
		resource: 'conversation',
		value: 'reply',
		name: 'Reply',
		action: 'Reply',
		description: 'Binary input with small limits, as the vocabulary declares one',
		method: 'POST',
		path: '/conversations/{conversation_id}/reply',
		fields: [
			{ in: 'path', key: 'conversation_id', property: { displayName: 'Conversation', name: 'conversationId', type: 'string', default: '' } },
			{ in: 'body', key: 'attachment_files', convert: 'binaryFiles', files: { maxFiles: 2, maxBytes: 16 }, property: { displayName: 'Files', name: 'files', type: 'string', default: '' } },
		],
		fixed: { body: { type: 'admin', message_type: 'note', admin_id: '1', body: 'x' } },
	},
};

/** Runs the declaration named by the `definition` parameter with the executor, as the Intercom node does. */
class DeclarationRunner implements INodeType {
	description = {
		displayName: 'Declaration Runner',
		name: 'declarationRunner',
		group: ['transform'],
		version: 1,
		description: 'Runs one test declaration',
		defaults: { name: 'Runner' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'intercomAccessTokenApi', required: true }],
		properties: [
			{ displayName: 'Definition', name: 'definition', type: 'string', default: '' },
			...Object.values(DEFINITIONS).flatMap((d) => d.fields.map((f) => f.property)),
			{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const def = DEFINITIONS[this.getNodeParameter('definition', 0) as string];
		const client = await IntercomClient.create(this, { credentialType: 'intercomAccessTokenApi' });
		const out = await runForItems(def, makeContext(this, client, 0));
		return [out.map((o) => ({ json: o.json, binary: o.binary }))];
	}
}
registerNodeType('test.declarationRunner', new DeclarationRunner());

const run = (baseUrl: string, parameters: Record<string, unknown>, items?: unknown[]) =>
	runNode({ nodeType: 'test.declarationRunner', parameters: parameters as never, credentials: credentialsFor(baseUrl, 'tok_files'), items: items as never });

let waits: ReturnType<typeof recordWaits>;
beforeEach(() => {
	waits = recordWaits(0.5);
});
afterEach(() => waits.restore());

describe('a file answer', () => {
	it('goes through the transport: a 503 is retried, every attempt carries the version, the Accept the endpoint wants and the credential', async () => {
		const gz = gzipSync(Buffer.from('id,name\n1,Ada\n'));
		const server = await scriptedServer([
			{ status: 503, body: { type: 'error.list', errors: [{ code: 'service_unavailable', message: 'Try again' }] } },
			{ status: 200, raw: gz, headers: { 'Content-Type': 'application/octet-stream' } },
		]);
		try {
			const { items, error } = await run(server.baseUrl, { definition: 'download', jobId: 'job 1' });
			expect(error).toBeUndefined();
			expect(server.requests.map((r) => r.url)).toEqual(['/download/content/data/job%201', '/download/content/data/job%201']);
			for (const r of server.requests) {
				expect([r.headers['intercom-version'], r.headers.accept, r.headers.authorization]).toEqual(['2.14', 'application/octet-stream', 'Bearer tok_files']);
			}
			expect(waits.waits.filter((w) => w > 0)).toHaveLength(1);
			// No name or a generic type in the answer: the declaration's, with the path parameter filled in.
			expect(items[0].binary!.data.fileName).toBe('export-job 1.csv.gz');
			expect(items[0].binary!.data.mimeType).toBe('application/gzip');
			expect(Buffer.from(items[0].binary!.data.data, 'base64').equals(gz)).toBe(true);
			expect(items[0].json).toEqual({ job_identifier: 'job 1', file_name: 'export-job 1.csv.gz', mime_type: 'application/gzip', file_size: gz.length, binary_field: 'data' });
		} finally {
			await server.close();
		}
	});

	it("is named and typed by the answer's headers when it gives them (RFC 6266 filename*, never a path)", async () => {
		const server = await scriptedServer([
			{ status: 200, raw: 'a;b\n', headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': "attachment; filename=\"fallback.csv\"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv" } },
		]);
		try {
			const { items } = await run(server.baseUrl, { definition: 'download', jobId: 'j', binaryPropertyName: 'report' });
			expect([items[0].binary!.report.fileName, items[0].binary!.report.mimeType]).toEqual(['résumé.csv', 'text/csv']);
		} finally {
			await server.close();
		}
		expect(fileNameFrom('attachment; filename="../../etc/passwd"')).toBe('passwd');
		expect(fileNameFrom('inline')).toBeUndefined();
	});

	it("Intercom's JSON error on a file request is read as an error, not returned as a file", async () => {
		const server = await scriptedServer([{ status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'Export job not found for identifier: j' }] } }]);
		try {
			const { items, error } = await run(server.baseUrl, { definition: 'download', jobId: 'j' });
			expect(items).toEqual([]);
			expect(error?.message).toMatch(/not found/i);
			expect(JSON.stringify(error)).toContain('Export job not found for identifier: j');
		} finally {
			await server.close();
		}
	});
});

describe('a redirect to a signed URL', () => {
	it('is fetched without the credential or the version header; a relative Location is on the API host', async () => {
		const wav = Buffer.from('RIFF....WAVEfmt ', 'latin1');
		const server = await scriptedServer([
			{ status: 302, raw: '', headers: { Location: '/signed/rec-7.wav?X-Amz-Signature=s3cr3tsig' } },
			{ status: 200, raw: wav, headers: { 'Content-Type': 'audio/wav' } },
		]);
		try {
			const { items, error } = await run(server.baseUrl, { definition: 'recording', callId: '7' });
			expect(error).toBeUndefined();
			expect(server.requests.map((r) => r.url)).toEqual(['/calls/7/recording', '/signed/rec-7.wav?X-Amz-Signature=s3cr3tsig']);
			expect(server.requests[0].headers.authorization).toBe('Bearer tok_files');
			expect([server.requests[1].headers.authorization, server.requests[1].headers['intercom-version']]).toEqual([undefined, undefined]);
			expect([items[0].binary!.data.fileName, items[0].binary!.data.mimeType]).toEqual(['rec-7.wav', 'audio/wav']);
		} finally {
			await server.close();
		}
	});

	it("a signed URL that refuses names the file's address in the error, never its signature", async () => {
		const server = await scriptedServer([
			{ status: 302, raw: '', headers: { Location: '/signed/rec-8.wav?X-Amz-Signature=s3cr3tsig' } },
			{ status: 403, raw: '<Error><Code>AccessDenied</Code></Error>', headers: { 'Content-Type': 'application/xml' } },
		]);
		try {
			const { error } = await run(server.baseUrl, { definition: 'recording', callId: '8' });
			expect(error).toBeDefined();
			const everything = `${error?.message} ${error?.description} ${JSON.stringify(error)}`;
			expect(everything).toContain('/signed/rec-8.wav');
			expect(everything).not.toContain('s3cr3tsig');
		} finally {
			await server.close();
		}
	});
});

it('an answer that is not a redirect, where one was declared, fails saying the file\'s address is missing', async () => {
	const server = await scriptedServer([{ status: 200, body: { type: 'call' } }]);
	try {
		const { error } = await run(server.baseUrl, { definition: 'recording', callId: '9' });
		expect(error?.message).toBe('Intercom answered 200 to GET /calls/{call_id}/recording without the address of the file');
		expect(server.requests).toHaveLength(1);
	} finally {
		await server.close();
	}
});

describe('binary input', () => {
	const file = (text: string, name = 'a.txt') => ({ base64: Buffer.from(text).toString('base64'), name, mimeType: 'text/plain' });

	it('is sent as { name, content_type, data } in base64', async () => {
		const server = await scriptedServer([{ status: 200, body: { type: 'conversation', id: '5' } }]);
		try {
			const { error } = await run(server.baseUrl, { definition: 'upload', conversationId: '5', files: 'a, b' }, [{ json: {}, files: { a: file('hello'), b: file('world', 'b.txt') } }]);
			expect(error).toBeUndefined();
			expect(JSON.parse(server.requests[0].body).attachment_files).toEqual([
				{ name: 'a.txt', content_type: 'text/plain', data: Buffer.from('hello').toString('base64') },
				{ name: 'b.txt', content_type: 'text/plain', data: Buffer.from('world').toString('base64') },
			]);
		} finally {
			await server.close();
		}
	});

	it.each([
		['a file over the size limit', 'a', { a: file('seventeen bytes!!') }, 'Parameter "Files": the file in "a" is 17 bytes, Intercom takes files of at most 16 bytes'],
		['more files than the limit', 'a, a, a', { a: file('x') }, 'Parameter "Files": 3 files given, Intercom takes at most 2'],
		['a field the item lacks', 'missing', {}, 'Parameter "Files": the input item has no binary field "missing"'],
	])('%s fails naming the parameter, and nothing is sent', async (_case, names, files, message) => {
		const server = await scriptedServer([]);
		try {
			const { error } = await run(server.baseUrl, { definition: 'upload', conversationId: '5', files: names }, [{ json: {}, files }]);
			expect(error?.message).toBe(message);
			expect(server.requests).toEqual([]);
		} finally {
			await server.close();
		}
	});
});
