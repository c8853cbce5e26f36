import type { IBinaryKeyData, IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { clock } from '../../shared/transport/clock';
import type { IntercomRequest, IntercomResponse } from '../../shared/transport/client';
import { getPath } from '../../shared/transport/pagination';
import { failParameter, toList, toText } from '../../shared/values';
import type { FileAnswer, JobWait, OperationContext, OperationDefinition, OperationOutput } from './types';

/**
 * Files, as n8n binary data: what the words `convert: 'binaryFiles'`, `file`, `linkedFiles` and
 * `waitUntilReady` of the executor's vocabulary do (types.ts). Every request goes through the
 * shared transport (version header, pacing, retries, deadlines, redaction); files at URLs Intercom
 * hands out (signed recording URLs, attachments) are fetched without the credential.
 */

export const OUTPUT_FIELD = { name: 'binaryPropertyName', displayName: 'Put Output File in Field' };
export const WAIT_FIELDS = {
	wait: { name: 'waitUntilReady', displayName: 'Wait Until Ready' },
	maxWait: { name: 'maxWaitSeconds', displayName: 'Max Wait (Seconds)' },
};

/** The longest a user may make one item wait for a job: an hour, well inside n8n's execution limits. */
export const MAX_WAIT_SECONDS = 3600;
/** The first wait between two status reads, doubling up to the cap. */
export const FIRST_POLL_MS = 2_000;
export const MAX_POLL_MS = 30_000;

/** The parameters the vocabulary adds to an operation (beside its own fields). */
export function fileProperties(def: OperationDefinition): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (def.waitUntilReady) {
		properties.push(
			{
				displayName: WAIT_FIELDS.wait.displayName,
				name: WAIT_FIELDS.wait.name,
				type: 'boolean',
				default: true,
				description: `Whether to wait until the ${def.waitUntilReady.subject.toLowerCase()} is ready, reading its status with growing pauses, instead of failing when it is not`,
			},
			{
				displayName: WAIT_FIELDS.maxWait.displayName,
				name: WAIT_FIELDS.maxWait.name,
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_WAIT_SECONDS },
				default: 600,
				description: `How long to wait for the job at most (up to ${MAX_WAIT_SECONDS} s); a job not ready by then fails with its last status`,
				displayOptions: { show: { [WAIT_FIELDS.wait.name]: [true] } },
			},
		);
	}
	if (def.file) {
		properties.push({
			displayName: OUTPUT_FIELD.displayName,
			name: OUTPUT_FIELD.name,
			type: 'string',
			default: 'data',
			required: true,
			description: 'The name of the binary field to put the file in',
		});
	}
	return properties;
}

/** One file for Intercom's `attachment_files`. */
interface AttachmentFile {
	name: string;
	content_type: string;
	data: string;
}

/**
 * `convert: 'binaryFiles'`: the input item's binary properties named by the value, as Intercom's
 * attachment files. Fails naming the parameter for a property the item lacks, too many files or a
 * file too large; nothing is sent then.
 */
export async function readBinaryFiles(
	ctx: OperationContext,
	value: unknown,
	limits: { maxFiles: number; maxBytes: number },
	fail: (message: string, hint?: string) => never,
): Promise<AttachmentFile[] | undefined> {
	const names = toList(value);
	if (names.length === 0) return undefined;
	if (names.length > limits.maxFiles) fail(`${names.length} files given, Intercom takes at most ${limits.maxFiles}`);
	const binary = ctx.fn.getInputData()[ctx.itemIndex]?.binary ?? {};
	const files: AttachmentFile[] = [];
	for (const name of names) {
		// Own fields only: a name such as `__proto__` is not a field of any item.
		const meta = Object.prototype.hasOwnProperty.call(binary, name) ? binary[name] : undefined;
		if (!meta) {
			const present = Object.keys(binary);
			fail(
				`the input item has no binary field "${name.slice(0, 60)}"`,
				present.length > 0 ? `Its binary fields: ${present.join(', ')}.` : 'The input item has no binary data; read or download the file in an earlier node.',
			);
		}
		const bytes = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, name);
		if (bytes.length > limits.maxBytes) {
			fail(`the file in "${name.slice(0, 60)}" is ${megabytes(bytes.length)}, Intercom takes files of at most ${megabytes(limits.maxBytes)}`);
		}
		files.push({
			name: meta.fileName || name,
			content_type: meta.mimeType || 'application/octet-stream',
			data: bytes.toString('base64'),
		});
	}
	return files;
}

function megabytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The statuses read while waiting, for the error. */
function describeJob(wait: JobWait, id: string): string {
	return `${wait.subject} "${id.slice(0, 60)}"`;
}

/**
 * `waitUntilReady`: reads the job's status until it is ready, with pauses growing from 2 s to 30 s
 * (n8n's `sleep`, through the transport's clock), never past the user's Max Wait.
 */
export async function waitForJob(def: OperationDefinition, ctx: OperationContext, request: IntercomRequest, statusQuery: IDataObject): Promise<void> {
	const wait = def.waitUntilReady as JobWait;
	if (!ctx.param<boolean>(WAIT_FIELDS.wait.name, true)) return;
	const node = ctx.fn.getNode();
	const maxWait = ctx.param<number>(WAIT_FIELDS.maxWait.name, 600);
	if (typeof maxWait !== 'number' || !Number.isFinite(maxWait) || maxWait <= 0 || maxWait > MAX_WAIT_SECONDS) {
		failParameter(node, WAIT_FIELDS.maxWait.displayName, ctx.itemIndex, `must be a number of seconds above 0, at most ${MAX_WAIT_SECONDS}`);
	}
	const id = String(Object.values(request.pathParams ?? {})[0] ?? '');
	const deadline = clock.now() + maxWait * 1000;
	let pause = FIRST_POLL_MS;
	const seen: string[] = [];
	for (;;) {
		const answer = await ctx.client.request<IDataObject>({
			method: 'GET',
			path: wait.statusPath,
			pathParams: request.pathParams,
			pathLabels: request.pathLabels,
			query: statusQuery,
			subject: wait.subject,
			itemIndex: ctx.itemIndex,
		});
		const status = String(getPath(answer, wait.statusKey) ?? '(none)');
		if (seen[seen.length - 1] !== status) seen.push(status);
		if (wait.ready.includes(status)) return;
		if (wait.failed.includes(status)) {
			failParameter(node, Object.values(request.pathLabels ?? {})[0] ?? 'Job ID', ctx.itemIndex, `${describeJob(wait, id)} will not be ready: its status is "${status}"`, `Statuses seen: ${seen.join(' → ')}.`);
		}
		const left = deadline - clock.now();
		if (left <= 0) {
			failParameter(
				node,
				WAIT_FIELDS.maxWait.displayName,
				ctx.itemIndex,
				`${describeJob(wait, id)} was not ready within ${maxWait} s: its last status was "${status}"`,
				`Statuses seen: ${seen.join(' → ')}. Allow a longer Max Wait, or run this step again later.`,
			);
		}
		await clock.sleep(Math.min(pause, left));
		pause = Math.min(pause * 2, MAX_POLL_MS);
	}
}

/** The file name a Content-Disposition header gives (`filename*=` first, as RFC 6266 says). */
export function fileNameFrom(disposition: unknown): string | undefined {
	const text = Array.isArray(disposition) ? String(disposition[0] ?? '') : typeof disposition === 'string' ? disposition : '';
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(text);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim());
		} catch {
			// Badly encoded: the plain filename, if any, below.
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(text);
	const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
	// Only the last segment: a name is never a path.
	const base = name.split(/[\\/]/).pop() ?? '';
	return base === '' ? undefined : base;
}

/** A Content-Type without its parameters, unless it is only the generic one. */
function mimeTypeFrom(contentType: unknown): string | undefined {
	const type = String(contentType ?? '').split(';')[0].trim().toLowerCase();
	return type === '' || type === 'application/octet-stream' ? undefined : type;
}

function fillTemplate(template: string, values: IDataObject): string {
	return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key] ?? key).replace(/[\\/]/g, '_'));
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return '';
	}
}

/** Reads the output field's name, refusing a blank one (before anything is sent). */
export function outputField(ctx: OperationContext): string {
	const name = (toText(ctx.param<unknown>(OUTPUT_FIELD.name, 'data'), ctx.fn.getNode(), OUTPUT_FIELD.displayName, ctx.itemIndex) ?? '').trim();
	if (name === '') failParameter(ctx.fn.getNode(), OUTPUT_FIELD.displayName, ctx.itemIndex, 'a value is required');
	return name;
}

/** `file`: sends the request for a file (following a redirect without the credential) and makes the output item. */
export async function fetchFileAnswer(def: OperationDefinition, ctx: OperationContext, request: IntercomRequest, field: string): Promise<OperationOutput> {
	const file = def.file as FileAnswer;
	let answer: IntercomResponse<Buffer>;
	/** The signed URL's own file name (`…/call-123.wav?signature=…`), when it has an extension. */
	let urlName: string | undefined;
	if (file.redirect) {
		const redirect = await ctx.client.send<unknown>({ ...request, keepRedirect: true });
		const location = String(redirect.headers.location ?? '');
		if (redirect.statusCode < 300 || redirect.statusCode >= 400 || location === '') {
			throw new NodeOperationError(ctx.fn.getNode(), `Intercom answered ${redirect.statusCode} to ${def.method} ${def.path} without the address of the file`, {
				itemIndex: ctx.itemIndex,
				description: 'The file is served from a signed URL Intercom redirects to; this answer had none.',
			});
		}
		// A relative Location is on Intercom's own host.
		const url = new URL(location, `${ctx.client.baseUrl}/`);
		const last = safeDecode(url.pathname.split('/').pop() ?? '');
		if (/^[^\\/]+\.[A-Za-z0-9]{1,8}$/.test(last)) urlName = last;
		answer = await ctx.client.send<Buffer>({ method: 'GET', path: '', url: url.toString(), file: { accept: '*/*' }, subject: def.subject, itemIndex: ctx.itemIndex });
	} else {
		answer = await ctx.client.send<Buffer>({ ...request, file: { accept: file.accept } });
	}
	const params = (request.pathParams ?? {}) as IDataObject;
	const fileName = fileNameFrom(answer.headers['content-disposition']) ?? urlName ?? fillTemplate(file.fileName, params);
	const mimeType = mimeTypeFrom(answer.headers['content-type']) ?? file.mimeType;
	const binary = await ctx.fn.helpers.prepareBinaryData(answer.body, fileName, mimeType);
	return {
		json: { ...params, file_name: fileName, mime_type: mimeType, file_size: answer.body.length, binary_field: field },
		binary: { [field]: binary },
	};
}

/** Every object at a dotted path, `*` stepping into each element of a list. */
function collectAt(value: unknown, keys: string[]): IDataObject[] {
	if (keys.length === 0) return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as IDataObject[]) : [];
	if (value === null || typeof value !== 'object') return [];
	const [key, ...rest] = keys;
	if (key === '*') return Array.isArray(value) ? value.flatMap((v) => collectAt(v, rest)) : [];
	return collectAt((value as IDataObject)[key], rest);
}

/**
 * `linkedFiles`: when the user's option asks, downloads every file the answer links to into
 * `<prefix>0`, `<prefix>1`, …; each linked object gets `binary_field` naming where its file went.
 */
export async function withLinkedFiles(def: OperationDefinition, ctx: OperationContext, response: IDataObject): Promise<OperationOutput> {
	const linked = def.linkedFiles;
	if (!linked) return { json: response };
	const [collection, option] = linked.option.split('.');
	const asked = option === undefined ? ctx.param<boolean>(collection, false) : (ctx.param<IDataObject>(collection, {}) ?? {})[option];
	if (asked !== true) return { json: response };
	const binary: IBinaryKeyData = {};
	let index = 0;
	for (const list of linked.lists) {
		for (const attachment of collectAt(response, list.split('.'))) {
			const url = typeof attachment.url === 'string' ? attachment.url : '';
			if (!/^https?:\/\//i.test(url)) continue;
			const answer = await ctx.client.send<Buffer>({ method: 'GET', path: '', url, file: { accept: '*/*' }, subject: 'Attachment', itemIndex: ctx.itemIndex });
			const name = (typeof attachment.name === 'string' && attachment.name.trim()) || fileNameFrom(answer.headers['content-disposition']) || `${linked.prefix}${index}`;
			const mimeType = (typeof attachment.content_type === 'string' && attachment.content_type) || mimeTypeFrom(answer.headers['content-type']) || 'application/octet-stream';
			const field = `${linked.prefix}${index++}`;
			binary[field] = await ctx.fn.helpers.prepareBinaryData(answer.body, name, mimeType);
			attachment.binary_field = field;
		}
	}
	return index === 0 ? { json: response } : { json: response, binary };
}
