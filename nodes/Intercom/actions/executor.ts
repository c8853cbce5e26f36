import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions, INode, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiVersionAtLeast } from '../../shared/regions';
import type { IntercomClient, IntercomRequest } from '../../shared/transport/client';
import { isPageLimitError } from '../../shared/transport/company-scroll';
import { collect, getPath, itemsOf, MAX_PER_PAGE, paginate, reachOfPages, type ListOptions } from '../../shared/transport/pagination';
import { failParameter, parseDateInZone, parseJsonObject, parseJsonParameter, toInteger, toList, toUnixSeconds } from '../../shared/values';
import { fetchFileAnswer, outputField, readBinaryFiles, waitForJob, withLinkedFiles } from './files';
import { withTypedInputs } from './inputs';
import type { BuiltRequest, FieldSpec, ListReach, OperationContext, OperationDefinition, OperationOutput, RequestCheck } from './types';

/**
 * The parameters whose values n8n must extract (a resource locator's ID, a value cut out by an
 * `extractValue` pattern): their top-level names, from the node's description. Only the reads of
 * these ask n8n for `extractValue`, which otherwise looks the name up among every property of the
 * description and tests their display conditions, to change nothing.
 */
export function namesToExtract(properties: INodeProperties[]): ReadonlySet<string> {
	return new Set(properties.filter((p) => p.type === 'resourceLocator' || p.type === 'filter' || p.extractValue !== undefined).map((p) => p.name));
}

/** Options for one parameter read: extraction where the parameter needs it (all of them when not told which). */
function readOptions(name: string, extracted: ReadonlySet<string> | undefined): IGetNodeParameterOptions {
	// n8n's schema check (validateValueAgainstSchema) acts only on properties with `validateType`
	// or a resource mapper, which this node's description has none of (test/node/parameter-reads
	// holds it to that); skipping it skips a lookup of the name among every property, nothing else.
	// The node checks each value's type itself (inputs.ts), naming the parameter and the item.
	return { extractValue: extracted === undefined || extracted.has(name.split(/[.[]/, 1)[0]), skipValidation: true };
}

export function makeContext(fn: IExecuteFunctions, client: IntercomClient, itemIndex: number, extracted?: ReadonlySet<string>): OperationContext {
	return {
		fn,
		client,
		itemIndex,
		param: <T>(name: string, fallback?: T) => fn.getNodeParameter(name, itemIndex, fallback as never, readOptions(name, extracted)) as T,
	};
}

/** Sets `a.b.c` in an object, creating the levels in between. */
export function setDotted(target: IDataObject, dotted: string, value: unknown): void {
	const keys = dotted.split('.');
	let level = target;
	for (const key of keys.slice(0, -1)) {
		if (!level[key] || typeof level[key] !== 'object') level[key] = {};
		level = level[key] as IDataObject;
	}
	level[keys[keys.length - 1]] = value as IDataObject[string];
}

/** A date as ISO 8601 in UTC with milliseconds; checked as `unixSeconds` is, keeping the milliseconds it has. */
function toIsoDateTime(value: unknown, node: INode, parameter: string, itemIndex: number, timeZone: string): string {
	const seconds = toUnixSeconds(value, node, parameter, itemIndex, timeZone);
	let ms = seconds * 1000;
	if (value instanceof Date) ms = value.getTime();
	else if (value && typeof (value as { toMillis?: unknown }).toMillis === 'function') ms = (value as { toMillis: () => number }).toMillis();
	else if (typeof value === 'string' && !/^\s*\d+\s*$/.test(value)) ms = parseDateInZone(value.trim(), timeZone);
	return new Date(ms).toISOString();
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The request as it is being built, with who placed which merged name (for "set twice" errors). */
interface Placing extends BuiltRequest {
	statusQuery: IDataObject;
	mergedBy: Map<string, string>;
}

function bucketOf(request: Placing, name: string): IDataObject {
	return name === 'path' ? request.pathParams : name === 'query' ? request.query : name === 'statusQuery' ? request.statusQuery : request.body;
}

/** Static option lists are closed: an expression producing another value is refused, not sent. */
function checkOption(ctx: OperationContext, property: INodeProperties, value: unknown): void {
	if (property.type !== 'options' && property.type !== 'multiOptions') return;
	const allowed = (property.options ?? []).map((o) => (o as { value?: unknown }).value).filter((v) => v !== undefined);
	if (allowed.length === 0) return;
	for (const one of Array.isArray(value) ? value : [value]) {
		if (!allowed.includes(one as never)) {
			failParameter(ctx.fn.getNode(), property.displayName, ctx.itemIndex, `"${String(one).slice(0, 60)}" is not one of ${allowed.join(', ')}`);
		}
	}
}

function convert(ctx: OperationContext, spec: FieldSpec, parameter: string, value: unknown): unknown {
	// The node as the client read it once: n8n's getNode() deep-copies it on every call.
	const node = ctx.client.node;
	switch (spec.convert) {
		case 'unixSeconds':
			return toUnixSeconds(value, node, parameter, ctx.itemIndex, ctx.fn.getTimezone());
		case 'isoDateTime':
			return toIsoDateTime(value, node, parameter, ctx.itemIndex, ctx.fn.getTimezone());
		case 'json':
			return parseJsonParameter(value, node, parameter, ctx.itemIndex);
		case 'object': {
			const object = parseJsonObject(value, node, parameter, ctx.itemIndex);
			return Object.keys(object).length > 0 ? object : undefined;
		}
		case 'list':
		case 'binaryFiles':
			return toList(value);
		case 'integer':
			return toInteger(value, node, parameter, ctx.itemIndex);
		case 'boolean':
			return value === true || value === 'true';
		case 'text':
			return isBlank(value) ? undefined : String(value).trim();
		case 'keyValue': {
			const pairs = ((value as IDataObject)?.attribute ?? []) as Array<{ name: string; value: unknown }>;
			const object = Object.fromEntries(pairs.filter((p) => p.name).map((p) => [p.name, p.value]));
			return Object.keys(object).length > 0 ? object : undefined;
		}
		default:
			return value;
	}
}

async function place(ctx: OperationContext, request: Placing, spec: FieldSpec, raw: unknown): Promise<void> {
	if (spec.blankIsNow && isBlank(raw)) raw = new Date();
	if (raw === undefined) return;
	const parameter = spec.property.displayName;
	const fail = (message: string, hint?: string): never => failParameter(ctx.fn.getNode(), parameter, ctx.itemIndex, message, hint);
	// IDs are checked wherever they travel: a path segment, a query value or a body field.
	const isId = spec.in === 'path' || spec.idFormat !== undefined;
	if (isBlank(raw)) {
		if (isId || (spec.required ?? spec.property.required)) fail(spec.convert === 'unixSeconds' ? 'a date is required' : 'a value is required');
	} else {
		checkOption(ctx, spec.property, raw);
		const refused = spec.refusedFrom;
		if (refused && apiVersionAtLeast(ctx.client.apiVersion, refused.version) && refused.values.includes(raw)) {
			fail(`"${String(raw)}" is not taken by Intercom API ${ctx.client.apiVersion}`, refused.reason);
		}
	}
	let value = convert(ctx, spec, parameter, raw);
	if (spec.whenTrue !== undefined) value = value === true || value === 'true' ? spec.whenTrue : undefined;
	if (isId && value !== undefined) {
		const text = String(value ?? '').trim();
		if (text === '') fail('a value is required');
		if (spec.idFormat && !spec.idFormat.pattern.test(text)) fail(`"${text.slice(0, 60)}" is not a valid ID`, spec.idFormat.hint);
		value = text;
	}
	if (spec.convert === 'binaryFiles' && value !== undefined) {
		value = await readBinaryFiles(ctx, value, spec.files ?? { maxFiles: 10, maxBytes: Infinity }, fail);
	}
	if (spec.shape && value !== undefined) value = spec.shape(value, { ctx, parameter, fail });
	if (value === undefined) return;
	if (spec.send === 'string' || (spec.sendAsStringFrom && apiVersionAtLeast(ctx.client.apiVersion, spec.sendAsStringFrom))) value = String(value);
	const bucketName = spec.in ?? 'body';
	const bucket = bucketOf(request, bucketName);
	const key = spec.key ?? spec.property.name;
	if (spec.merge) value = mergeInto(request, `${bucketName}.${key}`, getPath(bucket, key), value, parameter, fail);
	setDotted(bucket, key, value);
	for (const also of spec.also ?? []) {
		const [alsoBucket, ...rest] = also.split('.');
		setDotted(bucketOf(request, alsoBucket), rest.join('.'), value);
	}
}

function mergeInto(request: Placing, place: string, existing: unknown, value: unknown, parameter: string, fail: (m: string, h?: string) => never): IDataObject {
	if (!isPlainObject(value)) return fail('a JSON object ({ … }) is required');
	const merged: IDataObject = isPlainObject(existing) ? { ...existing } : {};
	for (const [name, item] of Object.entries(value)) {
		const earlier = request.mergedBy.get(`${place}.${name}`);
		if (earlier !== undefined) {
			fail(`"${name.slice(0, 60)}" is also set in "${earlier}"`, `Set each value in only one of "${earlier}" and "${parameter}".`);
		}
		request.mergedBy.set(`${place}.${name}`, parameter);
		merged[name] = item;
	}
	return merged;
}

/** The value at a check's place: `body.email`, `query.phrase`; `body` alone is the body if it has any field. */
function valueAt(request: BuiltRequest, where: string): unknown {
	const [bucketName, ...rest] = where.split('.');
	const bucket = bucketName === 'path' ? request.pathParams : bucketName === 'query' ? request.query : request.body;
	if (rest.length === 0) return Object.keys(bucket).length > 0 ? bucket : undefined;
	return getPath(bucket, rest.join('.'));
}

function runCheck(ctx: OperationContext, request: BuiltRequest, check: RequestCheck): void {
	const fail = () => failParameter(ctx.fn.getNode(), check.parameter, ctx.itemIndex, check.message, check.hint);
	if (check.anyOf && (check.when === undefined || valueAt(request, check.when) !== undefined)) {
		if (!check.anyOf.some((where) => valueAt(request, where) !== undefined)) fail();
	}
	if (check.distinct) {
		const [a, b] = check.distinct.map((where) => valueAt(request, where));
		if (a !== undefined && a === b) fail();
	}
}

/** Maps an operation's parameters into a request, following its definition. */
export async function buildRequest(def: OperationDefinition, ctx: OperationContext): Promise<IntercomRequest & { statusQuery?: IDataObject }> {
	const built: Placing = { pathParams: {}, query: {}, body: {}, statusQuery: {}, mergedBy: new Map() };
	// n8n leaves out the parameters its displayOptions hide; those are not placed.
	const shown = ctx.client.node.parameters;
	for (const field of def.fields) {
		if (!field.in || !(field.property.name in shown)) continue;
		await place(ctx, built, field, ctx.param(field.property.name));
	}
	for (const collection of def.collections ?? []) {
		const values = ctx.param<IDataObject>(collection.name, {}) ?? {};
		for (const option of collection.options) {
			if (!option.in || !(option.property.name in values)) continue;
			await place(ctx, built, option, values[option.property.name]);
		}
	}
	for (const check of def.checks ?? []) runCheck(ctx, built, check);
	for (const [key, value] of Object.entries(def.fixed?.body ?? {})) setDotted(built.body, key, value);
	for (const [key, value] of Object.entries(def.fixed?.query ?? {})) setDotted(built.query, key, value);
	const request: BuiltRequest = { pathParams: built.pathParams, query: built.query, body: built.body, statusQuery: built.statusQuery };
	await def.build?.(ctx, request);
	// A few DELETEs carry a body (the acting admin), so DELETE sends one when a field put something there.
	const hasBody = def.method !== 'GET' && (Object.keys(request.body).length > 0 || (def.emptyBody && def.method !== 'DELETE'));
	return {
		method: def.method,
		path: def.path,
		pathParams: request.pathParams as IntercomRequest['pathParams'],
		pathLabels: def.pathLabels,
		query: request.query,
		body: hasBody ? request.body : undefined,
		idempotent: def.idempotent,
		subject: def.subject,
		emptyAnswer: def.answersEmpty,
		itemIndex: ctx.itemIndex,
		statusQuery: request.statusQuery,
	};
}

/** Runs one operation for one item and returns its output objects (files aside: see runForItems). */
export async function runOperation(def: OperationDefinition, given: OperationContext): Promise<IDataObject[]> {
	return (await runForItems(def, given)).map((output) => output.json);
}

/** Runs one operation for one item and returns its output items, with the files it produced. */
export async function runForItems(def: OperationDefinition, given: OperationContext): Promise<OperationOutput[]> {
	// Every parameter read from here on, by the executor or the declaration, has its declared type.
	const ctx = withTypedInputs(def, given);
	if (def.run) return (await def.run(ctx)).map((json) => ({ json }));
	const request = await buildRequest(def, ctx);
	// Where the file goes is checked with the other parameters, before the job is waited for.
	const field = def.file ? outputField(ctx) : undefined;
	if (def.waitUntilReady) await waitForJob(def, ctx, request, request.statusQuery ?? {});
	if (field !== undefined) return [await fetchFileAnswer(def, ctx, request, field)];
	const results = await jsonResults(def, ctx, request);
	if (!def.linkedFiles) return results.map((json) => ({ json }));
	const outputs: OperationOutput[] = [];
	for (const json of results) outputs.push(await withLinkedFiles(def, ctx, json));
	return outputs;
}

/**
 * A page-numbered list Intercom serves only so far (`list.reach`): a larger Limit is refused before
 * anything is sent; pages are sized to end exactly at the reach when the read may get there (pages
 * of 150 end at 9,900, then 10,050, which Intercom refuses); a Return All whose first page counts
 * more than the reach fails at once, saying what to use instead, rather than after the last page.
 */
async function listWithinReach(ctx: OperationContext, request: IntercomRequest, options: ListOptions, reach: ListReach): Promise<IDataObject[]> {
	const { limit } = options;
	const most = reach.items.toLocaleString('en-US');
	if (limit !== undefined && limit > reach.items) {
		failParameter(ctx.client.node, 'Limit', ctx.itemIndex, `Intercom lists at most ${most} ${reach.noun} by page, not ${limit}`, reach.pastReach);
	}
	const largest = options.maxPerPage ?? MAX_PER_PAGE;
	let maxPerPage = options.maxPerPage;
	if (limit === undefined || limit > reachOfPages(reach.items, largest)) {
		maxPerPage = largest;
		while (reach.items % maxPerPage !== 0) maxPerPage--;
	}
	const all: IDataObject[] = [];
	let pastReach = false;
	try {
		for await (const page of paginate(ctx.client, request, { ...options, maxPerPage })) {
			pastReach = limit === undefined && Number(page.body.total_count) > reach.items;
			if (pastReach) break;
			all.push(...page.items);
		}
	} catch (error) {
		// The list grew past the reach while it was read; any other error goes on as it is.
		if (!isPageLimitError(error)) throw error instanceof NodeOperationError ? error : new NodeApiError(ctx.client.node, error as JsonObject);
		pastReach = true;
	}
	if (pastReach) {
		throw new NodeOperationError(ctx.client.node, `This list holds more than the ${most} ${reach.noun} Intercom lists by page`, {
			itemIndex: ctx.itemIndex,
			description: reach.pastReach,
		});
	}
	return all;
}

async function jsonResults(def: OperationDefinition, ctx: OperationContext, request: IntercomRequest & { statusQuery?: IDataObject }): Promise<IDataObject[]> {
	if (def.list) {
		const returnAll = ctx.param<boolean>('returnAll', false);
		const limit = returnAll ? undefined : ctx.param<number>('limit', 50);
		if (def.list.pagination === 'none') {
			const body = await ctx.client.request<IDataObject>(request);
			const items = itemsOf(body, def.list.itemsPath);
			return limit === undefined ? items : items.slice(0, limit);
		}
		const options = { pagination: def.list.pagination, itemsPath: def.list.itemsPath, limit, maxPerPage: def.list.maxPerPage };
		return def.list.reach ? await listWithinReach(ctx, request, options, def.list.reach) : await collect(ctx.client, request, options);
	}
	const response = await ctx.client.request<IDataObject>(request);
	if (def.output) return def.output(response, ctx);
	return def.answersEmpty ? [request.body ?? {}] : [response];
}
