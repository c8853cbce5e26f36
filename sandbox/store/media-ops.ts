/**
 * Files, calls and export jobs of a workspace: what the sandbox serves as files (call recordings and
 * transcripts, export downloads, conversation attachments) and the jobs that produce exports.
 *
 * Jobs progress with the sandbox clock, not with requests: a job is `pending` for the first half of
 * `exportReadySeconds`, `in_progress` for the second, then ready (or `failed` / `no_data`), unless
 * it was canceled. Files live at `/__files/<token>/<name>` on the sandbox, as Intercom's signed URLs
 * and attachment links live on another host: they need no token, and every fetch is recorded (with
 * its headers) so a test can check that no credential went there.
 */
import { gzipSync } from 'node:zlib';

import { badRequest, notFound, ApiError } from '../errors';
import type { Workspace } from './workspace';

export interface StoredFile {
	bytes: Buffer;
	contentType: string;
	name: string;
}

export type ExportKind = 'content' | 'reporting';

export interface ExportJob {
	id: string;
	kind: ExportKind;
	createdMs: number;
	/** What the job ends as once the clock has passed its time. */
	outcome: 'ready' | 'failed' | 'no_data';
	canceled: boolean;
	/** The gzipped CSV, built when the job is created. */
	file: StoredFile;
}

export interface CallRecord {
	id: string;
	conversation_id: string | null;
	admin_id: string | null;
	contact_id: string | null;
	state: string;
	initiated_at: number;
	answered_at: number | null;
	ended_at: number | null;
	created_at: number;
	updated_at: number;
	call_type: string;
	direction: string;
	ended_reason: string | null;
	phone: string | null;
	recording?: StoredFile;
	transcript?: Array<{ at: number; speaker: string; text: string }>;
}

/** A file on a conversation or ticket part, as Intercom lists it (`type: upload`). */
export interface PartAttachment {
	name: string;
	url: string;
	content_type: string;
	filesize: number;
}

export interface FileFetch {
	path: string;
	headers: Record<string, string>;
}

export class MediaStore {
	readonly files = new Map<string, StoredFile>();
	readonly jobs = new Map<string, ExportJob>();
	readonly calls = new Map<string, CallRecord>();
	/** Every fetch of a file URL, with its headers. */
	readonly fetches: FileFetch[] = [];
	/** Seconds a job takes to be ready on the sandbox clock. */
	exportReadySeconds = 30;
	/** What the next jobs end as (tests queue `failed`); empty: ready, or `no_data` when there is nothing. */
	readonly nextOutcomes: Array<'failed' | 'no_data'> = [];
	private counter = 0;

	/** Stores a file and returns its path on the sandbox (prefix it with the sandbox's origin). */
	store(file: StoredFile): string {
		const token = `f${(++this.counter).toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
		this.files.set(token, file);
		return `/__files/${token}/${encodeURIComponent(file.name)}`;
	}

	nextJobId(): string {
		return `job${(++this.counter).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
	}

	clear(): void {
		this.files.clear();
		this.jobs.clear();
		this.calls.clear();
		this.fetches.length = 0;
		this.nextOutcomes.length = 0;
		this.exportReadySeconds = 30;
	}
}

/** The file a `/__files/<token>/<name>` path names, or undefined. */
export function fileAt(media: MediaStore, path: string): StoredFile | undefined {
	const token = path.split('/')[2] ?? '';
	return media.files.get(token);
}

// --- attachments -------------------------------------------------------------------------

/** Intercom's limit on attachments per reply, for URLs and files each. */
const MAX_ATTACHMENTS = 10;

const TYPES_BY_EXTENSION: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv' };

/**
 * The attachments a reply's `attachment_urls` and `attachment_files` make: files are stored on the
 * sandbox's file host (Intercom keeps uploads on its own), URLs are kept as given.
 */
export function attachmentsOf(ws: Workspace, origin: string, body: { attachment_urls?: unknown; attachment_files?: unknown }): PartAttachment[] {
	const out: PartAttachment[] = [];
	const urls = Array.isArray(body.attachment_urls) ? body.attachment_urls : [];
	const files = Array.isArray(body.attachment_files) ? body.attachment_files : [];
	if (urls.length > MAX_ATTACHMENTS || files.length > MAX_ATTACHMENTS) throw badRequest(`At most ${MAX_ATTACHMENTS} attachments are allowed`);
	for (const url of urls) {
		const name = decodeURIComponent(String(url).split('?')[0].split('/').pop() || 'attachment');
		const extension = name.split('.').pop()?.toLowerCase() ?? '';
		out.push({ name, url: String(url), content_type: TYPES_BY_EXTENSION[extension] ?? 'application/octet-stream', filesize: 0 });
	}
	for (const file of files as Array<{ name?: unknown; content_type?: unknown; data?: unknown }>) {
		if (typeof file?.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(file.data)) throw badRequest('attachment_files data must be base64');
		const stored: StoredFile = {
			bytes: Buffer.from(file.data, 'base64'),
			contentType: typeof file.content_type === 'string' && file.content_type !== '' ? file.content_type : 'application/octet-stream',
			name: typeof file.name === 'string' && file.name !== '' ? file.name : 'attachment',
		};
		out.push({ name: stored.name, url: `${origin}${ws.media.store(stored)}`, content_type: stored.contentType, filesize: stored.bytes.length });
	}
	return out;
}

export function presentAttachments(attachments: PartAttachment[] | undefined) {
	return (attachments ?? []).map((a) => ({ type: 'upload', name: a.name, url: a.url, content_type: a.content_type, filesize: a.filesize, width: null, height: null }));
}

// --- export jobs -------------------------------------------------------------------------

export type JobStatus = 'pending' | 'in_progress' | 'completed' | 'complete' | 'failed' | 'no_data' | 'canceled';

export function jobStatus(ws: Workspace, job: ExportJob): JobStatus {
	if (job.canceled) return 'canceled';
	const elapsed = ws.clock.now() - job.createdMs;
	const readyMs = ws.media.exportReadySeconds * 1000;
	if (elapsed < readyMs / 2) return 'pending';
	if (elapsed < readyMs) return job.kind === 'reporting' ? 'pending' : 'in_progress';
	if (job.outcome === 'ready') return job.kind === 'reporting' ? 'complete' : 'completed';
	return job.outcome;
}

function active(ws: Workspace, kind: ExportKind): number {
	return [...ws.media.jobs.values()].filter((j) => j.kind === kind && ['pending', 'in_progress'].includes(jobStatus(ws, j))).length;
}

function csvCell(value: unknown): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function startJob(ws: Workspace, kind: ExportKind, header: string[], rows: unknown[][]): ExportJob {
	const id = ws.media.nextJobId();
	const queued = ws.media.nextOutcomes.shift();
	const job: ExportJob = {
		id,
		kind,
		createdMs: ws.clock.now(),
		outcome: queued ?? (rows.length === 0 && kind === 'content' ? 'no_data' : 'ready'),
		canceled: false,
		file: { bytes: gzipSync(Buffer.from(csv(header, rows), 'utf8')), contentType: 'application/octet-stream', name: `${id}.csv.gz` },
	};
	ws.media.jobs.set(id, job);
	return job;
}

/**
 * A content data export: one row per conversation message (its first part) sent in the range, the
 * day range inclusive as Intercom documents ("2018-06-01 until 2018-06-30" covers the 30th).
 */
export function createContentExport(ws: Workspace, after: number, before: number): ExportJob {
	if (!Number.isInteger(after) || !Number.isInteger(before)) throw badRequest('created_at_after and created_at_before are required');
	if (after > before) throw badRequest('created_at_after must be before created_at_before');
	if (active(ws, 'content') >= 1) throw new ApiError(429, 'rate_limit_exceeded', 'Exceeded rate limit of 1 pending message data export jobs');
	const end = before + 86_400;
	const rows = ws.conversations
		.all()
		.filter((c) => c.created_at >= after && c.created_at < end)
		.map((c) => {
			const contact = ws.contact(c.contactIds[0] ?? '');
			return [c.id, c.title ?? 'Conversation', 'conversation', contact?.id ?? '', contact?.email ?? '', c.created_at, c.read ? c.updated_at : ''];
		});
	return startJob(ws, 'content', ['content_id', 'content_title', 'content_type', 'user_id', 'user_email', 'received_at', 'opened_at'], rows);
}

export const REPORTING_DATASETS = [
	{
		id: 'conversation',
		name: 'Conversation',
		description: 'Conversation-level details: status, channel, assignee.',
		default_time_attribute_id: 'conversation_started_at',
		attributes: [
			{ id: 'conversation_id', name: 'Conversation ID' },
			{ id: 'conversation_started_at', name: 'Conversation started at' },
			{ id: 'conversation_state', name: 'Conversation state' },
			{ id: 'team_assignee_id', name: 'Team assigned' },
			{ id: 'admin_assignee_id', name: 'Teammate assigned' },
		],
	},
	{
		id: 'ticket',
		name: 'Ticket',
		description: 'Ticket-level details: type, state, dates.',
		default_time_attribute_id: 'ticket_created_at',
		attributes: [
			{ id: 'ticket_id', name: 'Ticket ID' },
			{ id: 'ticket_created_at', name: 'Ticket created at' },
			{ id: 'ticket_state', name: 'Ticket state' },
		],
	},
];

export function enqueueReportingExport(ws: Workspace, body: { dataset_id?: unknown; attribute_ids?: unknown; start_time?: unknown; end_time?: unknown }): ExportJob {
	const dataset = REPORTING_DATASETS.find((d) => d.id === body.dataset_id);
	if (body.dataset_id === undefined) throw badRequest("'dataset_id' is a required parameter", 'bad_request');
	if (!dataset) throw badRequest(`${String(body.dataset_id)} is not a valid dataset_id`, 'bad_request');
	const ids = body.attribute_ids;
	if (!Array.isArray(ids)) throw badRequest("'attribute_ids' is a required parameter", 'bad_request');
	if (ids.length === 0) throw badRequest('attribute_ids must contain at least one attribute_id', 'bad_request');
	const unknown = ids.filter((id) => !dataset.attributes.some((a) => a.id === id));
	if (unknown.length > 0) throw badRequest(`attribute_ids invalid for ${dataset.id} dataset: ${unknown.join(', ')}`, 'bad_request');
	if (active(ws, 'reporting') >= 5) throw new ApiError(429, 'rate_limit_exceeded', 'Exceeded rate limit of 5 pending reporting dataset export jobs');
	const start = Number(body.start_time);
	const end = Number(body.end_time);
	const records: Array<Record<string, unknown>> =
		dataset.id === 'conversation'
			? ws.conversations.all().map((c) => ({
					conversation_id: c.id,
					conversation_started_at: c.created_at,
					conversation_state: c.state,
					team_assignee_id: c.team_assignee_id,
					admin_assignee_id: c.admin_assignee_id,
				}))
			: [...ws.tickets.values()].map((t) => ({ ticket_id: t.id, ticket_created_at: t.created_at, ticket_state: t.ticketStateId }));
	const time = dataset.default_time_attribute_id;
	const rows = records.filter((r) => Number(r[time]) >= start && Number(r[time]) <= end).map((r) => ids.map((id) => r[id as string]));
	return startJob(ws, 'reporting', ids as string[], rows);
}

export function exportJob(ws: Workspace, id: string, kind: ExportKind): ExportJob {
	const job = ws.media.jobs.get(id);
	if (!job || job.kind !== kind) throw notFound(`Export job not found for identifier: ${id}`);
	return job;
}

export function cancelExport(ws: Workspace, id: string): ExportJob {
	const job = exportJob(ws, id, 'content');
	if (['pending', 'in_progress'].includes(jobStatus(ws, job))) job.canceled = true;
	return job;
}

/** The job's file, once it is ready: a download before that finds nothing. */
export function exportFile(ws: Workspace, id: string, kind: ExportKind): StoredFile {
	const job = exportJob(ws, id, kind);
	const status = jobStatus(ws, job);
	if (status !== 'completed' && status !== 'complete') throw notFound(`Export job ${id} has no file to download (status ${status})`);
	return job.file;
}

// --- calls -------------------------------------------------------------------------------

/** A short WAV file (8 kHz, 16-bit, mono) of a tone: real audio bytes for a recording. */
export function wavTone(seconds: number, hz: number): Buffer {
	const rate = 8000;
	const samples = Math.floor(rate * seconds);
	const data = Buffer.alloc(samples * 2);
	for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 8000), i * 2);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8);
	header.write('fmt ', 12);
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(1, 22);
	header.writeUInt32LE(rate, 24);
	header.writeUInt32LE(rate * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36);
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}

/** The transcript as Intercom's text file gives it: `[hh:mm:ss] Speaker: "text"` lines. */
export function transcriptText(call: CallRecord): string {
	const clock = (s: number) => new Date(s * 1000).toISOString().slice(11, 19);
	return (call.transcript ?? []).map((line) => `[${clock(line.at)}] ${line.speaker}: "${line.text}"`).join('\n');
}

/** A few calls on the first conversations: two with a recording and a transcript, one missed. */
export function seedCalls(ws: Workspace): void {
	const conversations = ws.conversations.all().slice(0, 3);
	const admin = [...ws.admins.values()][0];
	conversations.forEach((c, i) => {
		const id = String(9000 + i + 1);
		const answered = i < 2;
		const start = c.created_at + 60;
		const call: CallRecord = {
			id,
			conversation_id: c.id,
			admin_id: admin?.id ?? null,
			contact_id: c.contactIds[0] ?? null,
			state: answered ? 'completed' : 'missed',
			initiated_at: start,
			answered_at: answered ? start + 5 : null,
			ended_at: start + (answered ? 95 : 30),
			created_at: start,
			updated_at: start + 96,
			call_type: 'phone',
			direction: i === 1 ? 'outbound' : 'inbound',
			ended_reason: answered ? 'answered' : 'no_answer',
			phone: `+1555010${String(i).padStart(4, '0')}`,
		};
		if (answered) {
			call.recording = { bytes: wavTone(0.5, 440 + i * 110), contentType: 'audio/wav', name: `call-${id}.wav` };
			call.transcript = [
				{ at: 3, speaker: 'Teammate 1', text: 'Hello, thanks for calling. How can I help today?' },
				{ at: 9, speaker: 'User', text: `I have a question about conversation ${c.id}.` },
				{ at: 15, speaker: 'Teammate 1', text: 'Happy to help with that.' },
			];
		}
		ws.media.calls.set(id, call);
	});
}
