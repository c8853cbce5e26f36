/**
 * Checks every API request against the spec fixture: known method + path,
 * path parameter types, query parameters (declared, typed, required), the
 * Intercom-Version header, and the JSON body (required fields and types,
 * recursively, including oneOf). The verdict is logged with the request;
 * "hard" problems also change the answer (404 unknown route, 400 bad
 * parameters or body) as Intercom would.
 */
import { ApiError } from './errors';
import { formatProblems, resolveRef, Schema, SchemaProblem, validateSchema } from './schema-validator';
import type { OperationMatch, SpecOperation, SpecParameter, SpecRouter } from './spec';
import { MAX_PER_PAGE } from './pagination';

const perPage: Schema = { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE };
const cursor: Schema = { type: 'string' };
const page: Schema = { type: 'integer', minimum: 1 };
const sortSchema: Schema = {
	type: 'object',
	properties: { field: { type: 'string' }, order: { type: 'string', enum: ['ascending', 'descending'] } },
	required: ['field'],
};
const relaxedQuery: Schema = {
	oneOf: [{ $ref: '#/schemas/single_filter_search_request' }, { $ref: '#/schemas/sandbox_mixed_filter_search_request' }],
};

const eventMetadata: Schema = {
	type: 'object',
	additionalProperties: {
		oneOf: [
			{ type: 'string' },
			{ type: 'number' },
			{ type: 'object', required: ['url', 'value'], properties: { url: { type: 'string' }, value: { type: 'string' } } },
			{ type: 'object', required: ['amount', 'currency'], properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string' } } },
		],
	},
};

/** Extra schemas the documented extras refer to (merged into the spec's schema map). */
export const SANDBOX_SCHEMAS: Record<string, Schema> = {
	// Like multiple_filter_search_request, but each item may be a filter or a nested group.
	sandbox_mixed_filter_search_request: {
		type: 'object',
		required: ['operator', 'value'],
		properties: {
			operator: { type: 'string', enum: ['AND', 'OR'] },
			value: {
				type: 'array',
				items: { oneOf: [{ $ref: '#/schemas/single_filter_search_request' }, { $ref: '#/schemas/sandbox_mixed_filter_search_request' }] },
			},
		},
	},
};

/**
 * Parameters the real API accepts and Intercom documents (pagination guide,
 * search docs) but the 2.14 OpenAPI file does not declare on that operation.
 * Keep this list small and explained: anything not here and not in the spec
 * is non-conformant.
 */
export const DOCUMENTED_EXTRAS: Record<
	string,
	{ query?: Record<string, Schema>; body?: Record<string, Schema>; pathTypes?: Record<string, Schema> }
> = {
	// List contacts is cursor-paginated (per_page <= 150, starting_after) per the pagination guide.
	'GET /contacts': { query: { per_page: perPage, starting_after: cursor } },
	// Articles are page-numbered; the list response carries pages.page / total_pages.
	'GET /articles': { query: { page, per_page: perPage } },
	// The attached-contacts list answers cursor_pages like GET /contacts.
	'GET /companies/{company_id}/contacts': { query: { per_page: perPage, starting_after: cursor, page } },
	// Notes and a contact's companies are page-numbered lists in the real API.
	'GET /contacts/{contact_id}/notes': { query: { page, per_page: perPage } },
	'GET /contacts/{contact_id}/companies': { query: { page, per_page: perPage } },
	// Activity logs answer cursor_pages; the real API pages them with per_page/starting_after.
	'GET /admins/activity_logs': { query: { per_page: perPage, starting_after: cursor } },
	// Search accepts a sort object ({field, order: ascending|descending}) per the search docs, and
	// groups may mix filters and nested groups (the docs' "(1 OR 2) AND 3"); the spec's
	// multiple_filter_search_request only allows all-groups or all-filters arrays, so the
	// sandbox validates `query` with SEARCH_QUERY_SCHEMAS below instead.
	'POST /contacts/search': { body: { sort: sortSchema, query: relaxedQuery } },
	'POST /conversations/search': { body: { sort: sortSchema, query: relaxedQuery } },
	// Ticket search takes the same queries (its docs document no sort, so none is accepted).
	'POST /tickets/search': { body: { query: relaxedQuery } },
	// The spec types contact_id as integer here only; contact ids are 24-hex strings everywhere.
	'POST /contacts/{contact_id}/notes': { pathTypes: { contact_id: { type: 'string' } } },
	// The operation's description documents per_page; each page's `pages.next` is a URL whose
	// `before` (where the next page starts) the client sends back.
	'GET /events': { query: { per_page: perPage, before: cursor } },
	// The description documents metadata values beyond the schema's strings: numbers (dates as
	// Unix seconds), rich links {url, value} and monetary amounts {amount, currency}.
	'POST /events': { body: { metadata: eventMetadata } },
	// Linking custom object instances: the operation's own example sends a relationship attribute as
	// a list of instance IDs (`order: ["21"]`), which its custom_attributes schema does not allow.
	'PUT /conversations/{conversation_id}': {
		body: {
			custom_attributes: {
				type: 'object',
				additionalProperties: {
					anyOf: [
						{ type: 'string' },
						{ type: 'integer' },
						{ $ref: '#/schemas/datetime' },
						{ $ref: '#/schemas/custom_object_instance_list' },
						{ type: 'array', items: { type: 'string' } },
					],
				},
			},
		},
	},
	// The schema says text values only; the operation's own example sends a number (total_amount: 99.99).
	'POST /custom_object_instances/{custom_object_type_identifier}': {
		body: { custom_attributes: { type: 'object', nullable: true, additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }] } } },
	},
	// Collections are page-numbered (the list answers pages.page / total_pages); Intercom's own SDK,
	// generated from its API definition, documents page and per_page for this list.
	'GET /help_center/collections': { query: { page, per_page: perPage } },
	// Internal articles (list, search) answer page numbers (pages.page / total_pages / per_page) and
	// AI content lists answer pages_link `next` URLs carrying page and per_page: the values their
	// answers lead a client to send for the next page, though the spec declares no paging parameters.
	'GET /internal_articles': { query: { page, per_page: perPage } },
	'GET /internal_articles/search': { query: { page, per_page: perPage } },
	'GET /ai/content_import_sources': { query: { page, per_page: perPage } },
	'GET /ai/external_pages': { query: { page, per_page: perPage } },
};

export interface RequestFacts {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	/** Raw body text ('' when none). */
	rawBody: string;
}

export interface ConformanceResult {
	match: OperationMatch | undefined;
	operationKey: string | null;
	/** Parsed JSON body (undefined when none or unparsable). */
	body: unknown;
	/** Query values coerced to their declared types. */
	query: Record<string, unknown>;
	problems: string[];
	/** Set when Intercom would refuse the request outright. */
	error?: ApiError;
}

function coerce(raw: string, schema: Schema | undefined): { value: unknown; ok: boolean } {
	const type = schema?.type;
	if (type === 'integer') return /^-?\d+$/.test(raw) ? { value: Number(raw), ok: true } : { value: raw, ok: false };
	if (type === 'number') return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? { value: Number(raw), ok: true } : { value: raw, ok: false };
	if (type === 'boolean') return raw === 'true' || raw === 'false' ? { value: raw === 'true', ok: true } : { value: raw, ok: false };
	return { value: raw, ok: true };
}

export class ConformanceChecker {
	private readonly schemas: Record<string, Schema>;

	constructor(private readonly router: SpecRouter) {
		this.schemas = { ...router.spec.schemas, ...SANDBOX_SCHEMAS };
	}

	check(facts: RequestFacts): ConformanceResult {
		const problems: string[] = [];
		const result: ConformanceResult = { match: undefined, operationKey: null, body: undefined, query: {}, problems };
		const match = this.router.match(facts.method, facts.path);
		if (!match) {
			problems.push(`unknown operation ${facts.method} ${facts.path}`);
			result.error = new ApiError(404, 'not_found', 'Resource Not Found');
			return result;
		}
		result.match = match;
		const op = match.operation;
		const key = `${op.method} ${op.path}`;
		result.operationKey = key;
		const extras = DOCUMENTED_EXTRAS[key] ?? {};
		const schemas = this.schemas;
		const hard: string[] = [];

		// Path parameters.
		for (const p of op.parameters.filter((x) => x.in === 'path')) {
			const raw = match.pathParams[p.name] ?? '';
			const schema = extras.pathTypes?.[p.name] ?? p.schema;
			if (!coerce(raw, schema).ok) problems.push(`path parameter ${p.name} must be ${schema?.type}`);
		}

		// Query parameters. A form-style exploded object (GET /events' `filter`) travels as its own
		// properties (`?user_id=…`), so those are the names declared, and the object they make up is
		// validated against the parameter's schema below.
		const declared = new Map<string, Schema | undefined>();
		const exploded = op.parameters.filter((x) => x.in === 'query' && isExplodedObject(x, schemas));
		for (const p of op.parameters.filter((x) => x.in === 'query')) {
			if (exploded.includes(p)) for (const [name, schema] of explodedProperties(p.schema as Schema, schemas)) declared.set(name, schema);
			else declared.set(p.name, p.schema);
		}
		for (const [name, schema] of Object.entries(extras.query ?? {})) declared.set(name, schema);
		for (const [name, raw] of Object.entries(facts.query)) {
			if (!declared.has(name)) {
				problems.push(`query parameter ${name} is not declared for ${key}`);
				continue;
			}
			const schema = declared.get(name);
			const values = Array.isArray(raw) ? raw : [raw];
			if (values.length > 1 && schema?.type !== 'array') hard.push(`query parameter ${name} given ${values.length} times`);
			const { value, ok } = coerce(values[values.length - 1], schema);
			if (!ok) hard.push(`query parameter ${name} must be ${schema?.type}`);
			else if (schema) hard.push(...formatProblems(validateSchema(value, schema, { schemas }, `query.${name}`)));
			result.query[name] = value;
		}
		for (const p of op.parameters) {
			if (exploded.includes(p)) {
				const names = [...explodedProperties(p.schema as Schema, schemas).keys()];
				const value = Object.fromEntries(names.filter((n) => result.query[n] !== undefined).map((n) => [n, result.query[n]]));
				if (p.required || Object.keys(value).length > 0) {
					for (const problem of validateSchema(value, p.schema as Schema, { schemas, unknownProperties: true }, `query.${p.name}`)) {
						(problem.hard ? hard : problems).push(`${problem.path}: ${problem.message}`);
					}
				}
			} else if (p.in === 'query' && p.required && facts.query[p.name] === undefined) {
				hard.push(`query parameter ${p.name} is required`);
			}
		}

		// Intercom-Version header.
		const version = facts.headers['intercom-version'];
		const versionParam = op.parameters.find((p) => p.in === 'header' && p.name === 'Intercom-Version');
		if (version !== undefined && versionParam?.schema) {
			const versionProblems = validateSchema(version, versionParam.schema, { schemas }, 'header.Intercom-Version');
			if (versionProblems.length > 0) {
				problems.push(...formatProblems(versionProblems));
				result.error = new ApiError(400, 'intercom_version_invalid', 'The requested version could not be found');
			}
		}

		// Other required headers (the downloads' `Accept: application/octet-stream`).
		for (const p of op.parameters.filter((x) => x.in === 'header' && x.name !== 'Intercom-Version')) {
			const value = facts.headers[p.name.toLowerCase()];
			if (value === undefined) {
				if (p.required) hard.push(`header ${p.name} is required`);
			} else if (p.schema) {
				hard.push(...formatProblems(validateSchema(value, p.schema, { schemas }, `header.${p.name}`)));
			}
		}

		this.checkBody(facts, op, extras.body, problems, hard, result);
		problems.push(...hard);
		if (hard.length > 0 && !result.error) {
			result.error = new ApiError(400, 'parameter_invalid', hard[0]);
		}
		return result;
	}

	private checkBody(
		facts: RequestFacts,
		op: SpecOperation,
		extraBody: Record<string, Schema> | undefined,
		problems: string[],
		hard: string[],
		result: ConformanceResult,
	): void {
		const text = facts.rawBody.trim();
		const declaredBody = op.requestBody?.content['application/json'];
		if (!text) {
			if (op.requestBody?.required) hard.push('request body is required');
			else if (declaredBody && requiresFields(declaredBody, this.schemas)) {
				hard.push('request body is missing required fields');
			}
			return;
		}
		if (!op.requestBody) {
			problems.push(`${op.method} ${op.path} takes no request body`);
			return;
		}
		const contentType = (facts.headers['content-type'] ?? '').toLowerCase();
		if (!contentType.includes('application/json')) {
			problems.push(`content-type should be application/json, got "${contentType}"`);
		}
		try {
			result.body = JSON.parse(text);
		} catch {
			hard.push('request body is not valid JSON');
			return;
		}
		if (!declaredBody) return;
		const schema = extraBody ? withExtraProperties(declaredBody, extraBody, this.schemas) : declaredBody;
		const bodyProblems: SchemaProblem[] = validateSchema(result.body, schema, {
			schemas: this.schemas,
			unknownProperties: true,
		}, 'body');
		for (const p of bodyProblems) (p.hard ? hard : problems).push(`${p.path}: ${p.message}`);
	}
}

/**
 * The declared body schema with documented extra properties added; an extra
 * with the same name as a declared property replaces it.
 */
function withExtraProperties(declared: Schema, extra: Record<string, Schema>, schemas: Record<string, Schema>): Schema {
	const resolved = declared.$ref ? schemas[declared.$ref.replace('#/schemas/', '')] : declared;
	// Alternatives that only say which properties are required (createDataEvent's anyOf) keep working
	// with the replaced property definitions.
	if (resolved?.properties && !resolved.allOf) {
		return { ...resolved, properties: { ...resolved.properties, ...extra } };
	}
	return { allOf: [declared], properties: extra };
}

/** Whether a body schema has required fields at its top level (directly or in every branch). */
function requiresFields(schema: Schema, schemas: Record<string, Schema>): boolean {
	const resolved = schema.$ref ? schemas[schema.$ref.replace('#/schemas/', '')] : schema;
	if (!resolved) return false;
	if (resolved.required && resolved.required.length > 0) return true;
	const branches = resolved.oneOf ?? resolved.anyOf;
	if (branches) return branches.every((b) => requiresFields(b, schemas));
	return (resolved.allOf ?? []).some((b) => requiresFields(b, schemas));
}

/** An object parameter in the form style with explode (the OpenAPI default for form): sent as its properties. */
function isExplodedObject(p: SpecParameter, schemas: Record<string, Schema>): boolean {
	const schema = p.schema ? resolveRef(p.schema, schemas) : undefined;
	return schema?.type === 'object' && (p.style ?? 'form') === 'form' && p.explode !== false;
}

/** The property names (with their schemas) an exploded object may carry, over all of its branches. */
function explodedProperties(schema: Schema, schemas: Record<string, Schema>): Map<string, Schema> {
	const resolved = resolveRef(schema, schemas);
	const names = new Map<string, Schema>(Object.entries(resolved.properties ?? {}));
	for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.allOf ?? [])]) {
		for (const [name, child] of explodedProperties(branch, schemas)) names.set(name, child);
	}
	return names;
}
