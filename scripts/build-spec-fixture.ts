/**
 * Builds `spec/intercom-<version>.json` for each API version the package supports
 * (2.14, 2.15, 2.16): a compact, prose-free fixture of Intercom's OpenAPI 3.0.1
 * description of that version (MIT licensed, published by Intercom).
 *
 * The fixture keeps only what machines need: operations (operationId, tags,
 * parameters, request body schema, response schemas per status) and the
 * component schemas. Descriptions, examples, summaries and titles are dropped
 * so the project does not carry Intercom's prose. Output is deterministic
 * (keys sorted recursively) so regenerating it gives a clean diff.
 *
 * Run: npm run spec:fixture            (every version)
 *      npm run spec:fixture -- 2.16    (one version)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

const repoRoot = resolve(__dirname, '..');
/** The versions the credential offers (nodes/shared/apiVersion.ts); the sandbox validates against each. */
const VERSIONS = ['2.14', '2.15', '2.16'];
/** Intercom's descriptions: INTERCOM_OPENAPI_DIR, or `shared/intercom-openapi` beside the checkout (or beside its worktree folder). */
const sourceRoot =
	process.env.INTERCOM_OPENAPI_DIR ??
	[resolve(repoRoot, '../shared/intercom-openapi'), resolve(repoRoot, '../../shared/intercom-openapi')].find((dir) => existsSync(dir)) ??
	resolve(repoRoot, '../shared/intercom-openapi');
const sourcePath = (version: string) => resolve(sourceRoot, version, 'api.intercom.io.yaml');
const outputPath = (version: string) => resolve(repoRoot, `spec/intercom-${version}.json`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Schema keywords we keep; everything else (prose, vendor extensions) is dropped. */
const SCHEMA_KEYWORDS = new Set([
	'type',
	'format',
	'nullable',
	'enum',
	'required',
	'default',
	'items',
	'properties',
	'additionalProperties',
	'oneOf',
	'anyOf',
	'allOf',
	'$ref',
	'minLength',
	'maxLength',
	'minimum',
	'maximum',
	'minItems',
	'maxItems',
]);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** `#/components/schemas/contact` becomes `#/schemas/contact` (the fixture's own map). */
function rewriteRef(ref: string): string {
	const prefix = '#/components/schemas/';
	if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
	return `#/schemas/${ref.slice(prefix.length)}`;
}

/**
 * Copies a schema keeping only structural keywords. Property names live under
 * `properties`, so a property called `description` or `title` survives: only
 * keyword-position prose is removed.
 */
function compactSchema(schema: unknown): Json {
	if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
		throw new Error(`schema expected, got ${JSON.stringify(schema)}`);
	}
	const input = schema as Record<string, unknown>;
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(input)) {
		if (!SCHEMA_KEYWORDS.has(key)) continue;
		switch (key) {
			case '$ref':
				out[key] = rewriteRef(value as string);
				break;
			case 'properties': {
				const props: JsonObject = {};
				for (const [name, sub] of Object.entries(value as Record<string, unknown>)) {
					props[name] = compactSchema(sub);
				}
				out[key] = props;
				break;
			}
			case 'items':
				out[key] = compactSchema(value);
				break;
			case 'additionalProperties':
				out[key] = typeof value === 'boolean' ? value : compactSchema(value);
				break;
			case 'oneOf':
			case 'anyOf':
			case 'allOf':
				out[key] = (value as unknown[]).map(compactSchema);
				break;
			default:
				out[key] = value as Json;
		}
	}
	return out;
}

interface RawParameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: unknown;
	style?: string;
	explode?: boolean;
}

function compactParameter(p: RawParameter): JsonObject {
	const out: JsonObject = { name: p.name, in: p.in, required: p.required === true || p.in === 'path' };
	if (p.schema) out.schema = compactSchema(p.schema);
	if (p.style) out.style = p.style;
	if (p.explode !== undefined) out.explode = p.explode;
	return out;
}

function compactContent(content: Record<string, { schema?: unknown }> | undefined): JsonObject | undefined {
	if (!content) return undefined;
	const out: JsonObject = {};
	for (const [mediaType, media] of Object.entries(content)) {
		out[mediaType] = media.schema ? compactSchema(media.schema) : {};
	}
	return out;
}

function sortKeys(value: Json): Json {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		const out: JsonObject = {};
		for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
		return out;
	}
	return value;
}

function build(version: string): JsonObject {
	const doc = parse(readFileSync(sourcePath(version), 'utf8'));
	if (String(doc.info.version) !== version) throw new Error(`${sourcePath(version)} describes ${doc.info.version}, not ${version}`);
	const componentResponses: Record<string, { content?: Record<string, { schema?: unknown }> }> =
		doc.components.responses ?? {};
	const operations: JsonObject = {};

	for (const [path, rawItem] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
		const pathParameters = (rawItem.parameters as RawParameter[] | undefined) ?? [];
		for (const method of HTTP_METHODS) {
			const op = rawItem[method] as Record<string, unknown> | undefined;
			if (!op) continue;
			// Operation-level parameters override path-level ones with the same name+in.
			const merged = new Map<string, RawParameter>();
			for (const p of [...pathParameters, ...((op.parameters as RawParameter[]) ?? [])]) {
				merged.set(`${p.in}:${p.name}`, p);
			}
			const entry: JsonObject = {
				method: method.toUpperCase(),
				path,
				operationId: (op.operationId as string) ?? null,
				tags: (op.tags as string[]) ?? [],
				parameters: [...merged.values()].map(compactParameter),
			};
			const body = op.requestBody as { required?: boolean; content?: Record<string, { schema?: unknown }> } | undefined;
			if (body) {
				entry.requestBody = { required: body.required === true, content: compactContent(body.content) ?? {} };
			}
			const responses: JsonObject = {};
			for (const [status, rawResponse] of Object.entries(op.responses as Record<string, Record<string, unknown>>)) {
				let response = rawResponse as { $ref?: string; content?: Record<string, { schema?: unknown }> };
				if (response.$ref) {
					response = componentResponses[response.$ref.replace('#/components/responses/', '')];
				}
				responses[status] = { content: compactContent(response.content) ?? {} };
			}
			entry.responses = responses;
			operations[`${method.toUpperCase()} ${path}`] = entry;
		}
	}

	const schemas: JsonObject = {};
	for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, unknown>)) {
		schemas[name] = compactSchema(schema);
	}

	return sortKeys({
		info: {
			source: `Intercom OpenAPI 3.0.1 description, API version ${version} (MIT)`,
			version: String(doc.info.version),
			note: 'Generated by scripts/build-spec-fixture.ts; prose, examples and titles stripped.',
		},
		operations,
		schemas,
	}) as JsonObject;
}

const asked = process.argv.slice(2);
for (const version of asked) if (!VERSIONS.includes(version)) throw new Error(`unknown version ${version} (known: ${VERSIONS.join(', ')})`);
for (const version of asked.length > 0 ? asked : VERSIONS) {
	const fixture = build(version);
	const target = outputPath(version);
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, `${JSON.stringify(fixture, null, '\t')}\n`);
	const opCount = Object.keys(fixture.operations as JsonObject).length;
	const schemaCount = Object.keys(fixture.schemas as JsonObject).length;
	console.log(`wrote ${target}: ${opCount} operations, ${schemaCount} schemas`);
}
