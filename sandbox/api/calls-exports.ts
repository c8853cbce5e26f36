/**
 * Calls (with recordings and transcripts) and the two exports, as files: the transcript is the
 * text file itself, the recording a 302 to a signed URL on the sandbox's file host, a download the
 * gzipped CSV itself (Accept: application/octet-stream, which the conformance check requires).
 */
import { ApiError, badRequest, notFound } from '../errors';
import {
	cancelExport,
	createContentExport,
	enqueueReportingExport,
	exportFile,
	exportJob,
	jobStatus,
	REPORTING_DATASETS,
	transcriptText,
	type CallRecord,
	type ExportJob,
} from '../store/media-ops';
import type { Workspace } from '../store/workspace';
import { FileReply, str, type ApiContext, type RouteTable } from './context';

function origin(ctx: ApiContext): string {
	return ctx.origin ?? 'http://127.0.0.1';
}

/** At most 25 calls a page, as Intercom serves them. */
const MAX_CALLS_PER_PAGE = 25;

function presentCall(ctx: ApiContext, call: CallRecord) {
	const { recording, transcript, ...fields } = call;
	return {
		type: 'call',
		...fields,
		recording_url: recording ? `${origin(ctx)}/calls/${call.id}/recording` : null,
		transcription_url: transcript ? `${origin(ctx)}/calls/${call.id}/transcript` : null,
		fin_recording_url: null,
		fin_transcription_url: null,
	};
}

function callOf(ws: Workspace, id: string): CallRecord {
	const call = ws.media.calls.get(id);
	if (!call) throw notFound('Not Found');
	return call;
}

function listCalls(ctx: ApiContext) {
	const all = [...ctx.ws.media.calls.values()].sort((a, b) => b.created_at - a.created_at);
	const perPage = Math.min(MAX_CALLS_PER_PAGE, Math.max(1, Number(ctx.query.per_page ?? MAX_CALLS_PER_PAGE)));
	const page = Math.max(1, Number(ctx.query.page ?? 1));
	const totalPages = Math.ceil(all.length / perPage);
	return {
		type: 'list',
		data: all.slice((page - 1) * perPage, page * perPage).map((c) => presentCall(ctx, c)),
		total_count: all.length,
		pages: { type: 'pages', page, per_page: perPage, total_pages: totalPages },
	};
}

function searchCalls(ctx: ApiContext) {
	const ids = ctx.body?.conversation_ids;
	if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20) {
		throw new ApiError(400, 'conversation_id_limit_exceeded', 'A list of up to 20 conversation IDs is required');
	}
	const calls = [...ctx.ws.media.calls.values()].filter((c) => c.conversation_id !== null && ids.includes(c.conversation_id));
	return {
		type: 'list',
		data: calls.map((c) => ({
			...presentCall(ctx, c),
			transcript: (c.transcript ?? []).map((line) => ({ timestamp: line.at, speaker: line.speaker, text: line.text })),
			transcript_status: c.transcript ? 'completed' : null,
		})),
	};
}

function recording(ctx: ApiContext) {
	const call = callOf(ctx.ws, ctx.params.call_id);
	if (!call.recording) throw notFound('Recording Not Found');
	// A signed URL on another host in Intercom: here the sandbox's file host, with a one-off token.
	const path = ctx.ws.media.store(call.recording);
	return new FileReply(302, Buffer.alloc(0), 'text/plain', { Location: `${origin(ctx)}${path}?signature=${path.split('/')[2]}` });
}

function transcript(ctx: ApiContext) {
	const call = callOf(ctx.ws, ctx.params.call_id);
	if (!call.transcript) throw notFound('Not Found');
	const day = new Date(call.created_at * 1000).toISOString().slice(0, 10);
	return new FileReply(200, Buffer.from(transcriptText(call), 'utf8'), 'text/plain; charset=utf-8', {
		'Content-Disposition': `attachment; filename=transcription_data-${day}.txt`,
	});
}

function presentJob(ctx: ApiContext, job: ExportJob) {
	const status = jobStatus(ctx.ws, job);
	const ready = status === 'completed' || status === 'complete';
	const downloadPath = job.kind === 'content' ? `/download/content/data/${job.id}` : `/download/reporting_data/${job.id}`;
	return {
		job_identifier: job.id,
		status,
		download_url: ready ? `${origin(ctx)}${downloadPath}` : '',
		download_expires_at: ready ? String(Math.floor(job.createdMs / 1000) + 2 * 86_400) : '',
	};
}

function download(ctx: ApiContext, kind: 'content' | 'reporting') {
	const id = kind === 'content' ? ctx.params.job_identifier : str(ctx.query.job_identifier) ?? '';
	if (kind === 'reporting' && id !== ctx.params.job_identifier) throw badRequest('job_identifier in the path and the query differ');
	const file = exportFile(ctx.ws, id, kind);
	return new FileReply(200, file.bytes, file.contentType, { 'Content-Disposition': `attachment; filename="${file.name}"` });
}

/** The reporting status read names the job in its path and (as the spec requires) its query. */
function reportingJob(ctx: ApiContext): ExportJob {
	if (str(ctx.query.job_identifier) !== ctx.params.job_identifier) throw badRequest('job_identifier in the path and the query differ');
	if (str(ctx.query.app_id) !== ctx.ws.idCode) throw notFound(`Export job not found for identifier: ${ctx.params.job_identifier}`);
	return exportJob(ctx.ws, ctx.params.job_identifier, 'reporting');
}

export const callExportRoutes: RouteTable = {
	'GET /calls': listCalls,
	'GET /calls/{call_id}': (ctx) => presentCall(ctx, callOf(ctx.ws, ctx.params.call_id)),
	'POST /calls/search': searchCalls,
	'GET /calls/{call_id}/recording': recording,
	'GET /calls/{call_id}/transcript': transcript,
	'POST /export/content/data': (ctx) => presentJob(ctx, createContentExport(ctx.ws, ctx.body?.created_at_after, ctx.body?.created_at_before)),
	'GET /export/content/data/{job_identifier}': (ctx) => presentJob(ctx, exportJob(ctx.ws, ctx.params.job_identifier, 'content')),
	'POST /export/cancel/{job_identifier}': (ctx) => presentJob(ctx, cancelExport(ctx.ws, ctx.params.job_identifier)),
	'GET /download/content/data/{job_identifier}': (ctx) => download(ctx, 'content'),
	'GET /export/reporting_data/get_datasets': () => ({ type: 'list', data: REPORTING_DATASETS }),
	'POST /export/reporting_data/enqueue': (ctx) => presentJob(ctx, enqueueReportingExport(ctx.ws, ctx.body ?? {})),
	'GET /export/reporting_data/{job_identifier}': (ctx) => presentJob(ctx, reportingJob(ctx)),
	'GET /download/reporting_data/{job_identifier}': (ctx) => {
		if (str(ctx.query.app_id) !== ctx.ws.idCode) throw notFound(`Export job not found for identifier: ${ctx.params.job_identifier}`);
		return download(ctx, 'reporting');
	},
};
