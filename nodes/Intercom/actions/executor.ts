import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { IntercomClient, IntercomRequest } from '../../shared/transport/client';
import { collect, itemsOf } from '../../shared/transport/pagination';
import { parseJsonParameter, toInteger, toList, toUnixSeconds } from '../../shared/values';
import { withTypedInputs } from './inputs';
import type { BuiltRequest, FieldTarget, OperationContext, OperationDefinition } from './types';

export function makeContext(fn: IExecuteFunctions, client: IntercomClient, itemIndex: number): OperationContext {
	return {
		fn,
		client,
		itemIndex,
		param: <T>(name: string, fallback?: T) =>
			fn.getNodeParameter(name, itemIndex, fallback as never, { extractValue: true }) as T,
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

function convert(ctx: OperationContext, target: FieldTarget, parameter: string, value: unknown): unknown {
	const node = ctx.fn.getNode();
	switch (target.convert) {
		case 'unixSeconds':
			return toUnixSeconds(value, node, parameter, ctx.itemIndex, ctx.fn.getTimezone());
		case 'json':
			return parseJsonParameter(value, node, parameter, ctx.itemIndex);
		case 'list':
			return toList(value);
		case 'integer':
			return toInteger(value, node, parameter, ctx.itemIndex);
		case 'boolean':
			return value === true || value === 'true';
		case 'keyValue': {
			const pairs = ((value as IDataObject)?.attribute ?? []) as Array<{ name: string; value: unknown }>;
			return Object.fromEntries(pairs.filter((p) => p.name).map((p) => [p.name, p.value]));
		}
		default:
			return value;
	}
}

function place(ctx: OperationContext, request: BuiltRequest, target: FieldTarget, parameter: string, displayName: string, raw: unknown): void {
	if (raw === undefined) return;
	let value = convert(ctx, target, displayName, raw);
	// IDs are checked wherever they travel: a path segment, a query value or a body field.
	if (target.in === 'path' || target.idFormat) {
		const text = String(value ?? '').trim();
		if (text === '') {
			throw new NodeOperationError(ctx.fn.getNode(), `Parameter "${displayName}": a value is required`, { itemIndex: ctx.itemIndex });
		}
		if (target.idFormat && !target.idFormat.pattern.test(text)) {
			throw new NodeOperationError(ctx.fn.getNode(), `Parameter "${displayName}": "${text.slice(0, 60)}" is not a valid ID`, {
				itemIndex: ctx.itemIndex,
				description: target.idFormat.hint,
			});
		}
		value = text;
	}
	const bucket = target.in === 'path' ? request.pathParams : target.in === 'query' ? request.query : request.body;
	setDotted(bucket, target.key ?? parameter, value);
}

/** Maps an operation's parameters into a request, following its definition. */
export async function buildRequest(def: OperationDefinition, ctx: OperationContext): Promise<IntercomRequest> {
	const built: BuiltRequest = { pathParams: {}, query: {}, body: {} };
	for (const field of def.fields) {
		if (!field.in) continue;
		place(ctx, built, field, field.property.name, field.property.displayName, ctx.param(field.property.name));
	}
	for (const collection of def.collections ?? []) {
		const values = ctx.param<IDataObject>(collection.name, {}) ?? {};
		for (const option of collection.options) {
			const name = option.property.name;
			if (!option.in || !(name in values)) continue;
			place(ctx, built, option, name, option.property.displayName, values[name]);
		}
	}
	await def.build?.(ctx, built);
	// A few DELETEs carry a body (the acting admin), so DELETE sends one when a field put something there.
	const hasBody = def.method !== 'GET' && (Object.keys(built.body).length > 0 || (def.emptyBody && def.method !== 'DELETE'));
	return {
		method: def.method,
		path: def.path,
		pathParams: built.pathParams as IntercomRequest['pathParams'],
		pathLabels: def.pathLabels,
		query: built.query,
		body: hasBody ? built.body : undefined,
		idempotent: def.idempotent,
		subject: def.subject,
		itemIndex: ctx.itemIndex,
	};
}

/** Runs one operation for one item and returns its output objects. */
export async function runOperation(def: OperationDefinition, given: OperationContext): Promise<IDataObject[]> {
	// Every parameter read from here on, by the executor or the declaration, has its declared type.
	const ctx = withTypedInputs(def, given);
	if (def.run) return await def.run(ctx);
	const request = await buildRequest(def, ctx);
	if (def.list) {
		const returnAll = ctx.param<boolean>('returnAll', false);
		const limit = returnAll ? undefined : ctx.param<number>('limit', 50);
		if (def.list.pagination === 'none') {
			const body = await ctx.client.request<IDataObject>(request);
			const items = itemsOf(body, def.list.itemsPath);
			return limit === undefined ? items : items.slice(0, limit);
		}
		return await collect(ctx.client, request, { pagination: def.list.pagination, itemsPath: def.list.itemsPath, limit });
	}
	const response = await ctx.client.request<IDataObject>(request);
	return def.output ? def.output(response, ctx) : [response];
}
