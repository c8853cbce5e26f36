/**
 * Calls against the sandbox, through n8n's engine: lists, one call, calls by conversation with their
 * transcripts, and the recording and transcript as n8n binary data (bytes, file name, MIME type).
 * The recording is a 302 to a signed URL: it is fetched without the credential.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type RunningSandbox } from '../../sandbox';
import { wavTone, transcriptText } from '../../sandbox/store/media-ops';
import { credentialsFor, runNode } from '../helpers/n8n';

let sb: RunningSandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 6, conversations: 4, articles: 0, companies: 1 } });
});
afterAll(async () => {
	await sb?.close();
});

async function run(parameters: Record<string, unknown>) {
	const before = sb.log.requests().length;
	const result = await runNode({ parameters: { resource: 'call', ...parameters } as never, credentials: credentialsFor(sb.baseUrl, sb.token) });
	const sent = sb.log.requests().slice(before);
	expect(sent.filter((r) => !r.verdict.conformant).map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`)).toEqual([]);
	return { ...result, sent };
}

function bytesOf(item: INodeExecutionData, field = 'data'): Buffer {
	const binary = item.binary?.[field];
	expect(binary).toBeDefined();
	return Buffer.from(binary!.data, 'base64');
}

const calls = () => [...sb.workspace.media.calls.values()];

describe('Call', () => {
	it('Get Many lists every call, 25 a page at most', async () => {
		const { items, error, sent } = await run({ operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id).sort()).toEqual(calls().map((c) => c.id).sort());
		expect(sent.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`)).toEqual(['GET /calls {"page":"1","per_page":"25"}']);
		const answered = items.find((i) => i.json.state === 'completed')!.json;
		expect(answered.recording_url).toBe(`${sb.baseUrl}/calls/${answered.id}/recording`);
	});

	it('Get returns one call by ID', async () => {
		const call = calls()[0];
		const { items, sent } = await run({ operation: 'get', callId: call.id });
		expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ type: 'call', id: call.id, conversation_id: call.conversation_id, state: call.state })]);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /calls/${call.id}`]);
	});

	it('Get Many by Conversation sends the conversation IDs and returns each call with its transcript', async () => {
		const [first, second] = calls();
		const { items, sent } = await run({ operation: 'getManyByConversation', conversationIds: `${first.conversation_id}, ${second.conversation_id}` });
		expect(sent.map((r) => r.body)).toEqual([{ conversation_ids: [first.conversation_id, second.conversation_id] }]);
		expect(items.map((i) => i.json.id).sort()).toEqual([first.id, second.id].sort());
		expect(items[0].json.transcript).toEqual(expect.arrayContaining([expect.objectContaining({ speaker: 'User' })]));
	});

	it('Get Many by Conversation refuses more than 20 IDs or a non-numeric one, sending nothing', async () => {
		const many = Array.from({ length: 21 }, (_, i) => String(100 + i)).join(',');
		const tooMany = await run({ operation: 'getManyByConversation', conversationIds: many });
		expect(tooMany.error?.message).toBe('Parameter "Conversation IDs": 21 conversation IDs given, Intercom takes at most 20');
		const bad = await run({ operation: 'getManyByConversation', conversationIds: '12, abc' });
		expect(bad.error?.message).toBe('Parameter "Conversation IDs": "abc" is not a valid conversation ID');
		expect([...tooMany.sent, ...bad.sent]).toEqual([]);
	});

	it('Get Recording follows the redirect without the credential and returns the audio as binary data', async () => {
		const call = calls()[0];
		const fetchesBefore = sb.workspace.media.fetches.length;
		const { items, error, sent } = await run({ operation: 'getRecording', callId: call.id });
		expect(error).toBeUndefined();
		expect(sent.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /calls/${call.id}/recording 302`]);
		const fetches = sb.workspace.media.fetches.slice(fetchesBefore);
		expect(fetches).toHaveLength(1);
		expect(fetches[0].headers.authorization).toBeUndefined();
		expect(fetches[0].headers['intercom-version']).toBeUndefined();
		expect(bytesOf(items[0]).equals(call.recording!.bytes)).toBe(true);
		expect(bytesOf(items[0]).subarray(0, 4).toString()).toBe('RIFF');
		expect([items[0].binary!.data.mimeType, items[0].binary!.data.fileName]).toEqual(['audio/wav', `call-${call.id}.wav`]);
		expect(items[0].json).toEqual({ call_id: call.id, file_name: `call-${call.id}.wav`, mime_type: 'audio/wav', file_size: wavTone(0.5, 440).length, binary_field: 'data' });
	});

	it('Get Recording of a call without one fails with Intercom\'s 404', async () => {
		const missed = calls().find((c) => !c.recording)!;
		const { error, sent } = await run({ operation: 'getRecording', callId: missed.id });
		expect(error?.message).toMatch(/Recording/);
		expect(sent.map((r) => r.status)).toEqual([404]);
	});

	it('Get Transcript puts the text file in the field the user names, named as Intercom names it', async () => {
		const call = calls()[1];
		const { items, sent } = await run({ operation: 'getTranscript', callId: call.id, binaryPropertyName: 'transcript' });
		expect(sent.map((r) => `${r.method} ${r.path} ${r.headers.accept}`)).toEqual([`GET /calls/${call.id}/transcript text/plain, application/json`]);
		expect(bytesOf(items[0], 'transcript').toString('utf8')).toBe(transcriptText(call));
		const day = new Date(call.created_at * 1000).toISOString().slice(0, 10);
		expect([items[0].binary!.transcript.mimeType, items[0].binary!.transcript.fileName]).toEqual(['text/plain', `transcription_data-${day}.txt`]);
		expect(items[0].binary!.data).toBeUndefined();
	});

	it('a blank output field, or one an expression makes an object, is refused, naming it, before anything is sent', async () => {
		const blank = await run({ operation: 'getTranscript', callId: calls()[1].id, binaryPropertyName: ' ' });
		expect(blank.error?.message).toBe('Parameter "Put Output File in Field": a value is required');
		const object = await run({ operation: 'getTranscript', callId: calls()[1].id, binaryPropertyName: '={{ { a: 1 } }}' });
		expect(object.error?.message).toMatch(/^Parameter "Put Output File in Field" \[item 0\]: an object is not text/);
		expect([...blank.sent, ...object.sent]).toEqual([]);
	});
});
