/**
 * Lists how the operations of Intercom API 2.14 differ in 2.15 and 2.16, by comparing the spec
 * fixtures (spec/intercom-<version>.json) schema by schema: response shapes (what the node's
 * output would change), request bodies and parameters (what the sandbox validates), and the
 * Intercom-Version values each description accepts. Writes docs/api-versions-diff.md, which
 * docs and the sandbox's per-version answers (sandbox/versions.ts) are checked against
 * (test/sandbox/versions.test.ts runs this diff again and compares).
 *
 * Run: npm run spec:diff
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { loadSpec, type SpecFixture } from '../sandbox/spec';
import type { Schema } from '../sandbox/schema-validator';

export const BASE_VERSION = '2.14';
export const LATER_VERSIONS = ['2.15', '2.16'];

const REF = '#/schemas/';

/** Structural differences between two schemas, as `path: what` lines (refs followed, cycles cut). */
function diffSchemas(a: Schema | undefined, b: Schema | undefined, path: string, out: string[]): void {
	if (!a && !b) return;
	if (!a || !b) {
		out.push(`${path}: ${a ? 'removed' : 'added'}`);
		return;
	}
	// A reference is a named schema, diffed once on its own (schemaDiffs); here only its name counts.
	if (a.$ref || b.$ref) {
		if (a.$ref !== b.$ref) out.push(`${path}: ${a.$ref ? a.$ref.slice(REF.length) : 'inline schema'} → ${b.$ref ? b.$ref.slice(REF.length) : 'inline schema'}`);
		if (Boolean(a.nullable) !== Boolean(b.nullable)) out.push(`${path}: nullable ${Boolean(a.nullable)} → ${Boolean(b.nullable)}`);
		return;
	}
	const ra = a;
	const rb = b;
	if ((ra.type ?? null) !== (rb.type ?? null)) out.push(`${path}: type ${ra.type ?? 'any'} → ${rb.type ?? 'any'}`);
	if (Boolean(ra.nullable) !== Boolean(rb.nullable)) out.push(`${path}: nullable ${Boolean(ra.nullable)} → ${Boolean(rb.nullable)}`);
	if (JSON.stringify(ra.enum ?? null) !== JSON.stringify(rb.enum ?? null)) {
		const before = new Set((ra.enum ?? []).map(String));
		const after = new Set((rb.enum ?? []).map(String));
		const added = [...after].filter((x) => !before.has(x));
		const removed = [...before].filter((x) => !after.has(x));
		out.push(`${path}: enum${added.length ? ` +${added.join(',')}` : ''}${removed.length ? ` -${removed.join(',')}` : ''}${!ra.enum || !rb.enum ? (ra.enum ? ' (now any value)' : ' (now restricted)') : ''}`);
	}
	const reqA = new Set(ra.required ?? []);
	const reqB = new Set(rb.required ?? []);
	for (const r of reqB) if (!reqA.has(r)) out.push(`${path}.${r}: now required`);
	for (const r of reqA) if (!reqB.has(r)) out.push(`${path}.${r}: no longer required`);
	const props = new Set([...Object.keys(ra.properties ?? {}), ...Object.keys(rb.properties ?? {})]);
	for (const name of [...props].sort()) {
		diffSchemas(ra.properties?.[name], rb.properties?.[name], `${path}.${name}`, out);
	}
	if (ra.items || rb.items) diffSchemas(ra.items, rb.items, `${path}[]`, out);
	if (typeof ra.additionalProperties === 'object' || typeof rb.additionalProperties === 'object') {
		diffSchemas(
			typeof ra.additionalProperties === 'object' ? ra.additionalProperties : undefined,
			typeof rb.additionalProperties === 'object' ? rb.additionalProperties : undefined,
			`${path}.*`, out,
		);
	}
	for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
		const la = ra[combinator] ?? [];
		const lb = rb[combinator] ?? [];
		// Branches that are references are paired by schema name (a branch inserted in the middle is one
		// addition, not a shift of every later branch); the others by position.
		const named = (l: Schema[]) => new Map(l.filter((x) => x.$ref).map((x) => [x.$ref!.slice(REF.length), x]));
		const na = named(la);
		const nb = named(lb);
		for (const [name, branch] of na) {
			if (nb.has(name)) diffSchemas(branch, nb.get(name), `${path}<${name}>`, out);
			else out.push(`${path}: ${combinator} branch ${name} removed`);
		}
		for (const name of nb.keys()) if (!na.has(name)) out.push(`${path}: ${combinator} branch ${name} added`);
		const ia = la.filter((x) => !x.$ref);
		const ib = lb.filter((x) => !x.$ref);
		if (ia.length !== ib.length) out.push(`${path}: ${combinator} ${ia.length} → ${ib.length} inline branches`);
		for (let i = 0; i < Math.min(ia.length, ib.length); i++) diffSchemas(ia[i], ib[i], `${path}<${combinator}${i}>`, out);
	}
}

/** Names of the schemas a schema refers to, directly or through others. */
function reachable(schema: Schema | undefined, spec: SpecFixture, into: Set<string>): Set<string> {
	if (!schema) return into;
	if (schema.$ref) {
		const name = schema.$ref.slice(REF.length);
		if (into.has(name)) return into;
		into.add(name);
		return reachable(spec.schemas[name], spec, into);
	}
	for (const sub of Object.values(schema.properties ?? {})) reachable(sub, spec, into);
	if (schema.items) reachable(schema.items, spec, into);
	if (typeof schema.additionalProperties === 'object') reachable(schema.additionalProperties, spec, into);
	for (const branch of [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])]) reachable(branch, spec, into);
	return into;
}

const jsonOf = (content: Record<string, Schema> | undefined) => content?.['application/json'];

export interface VersionDiff {
	version: string;
	/** Named schemas used by 2.14 operations whose definition differs, with what differs. */
	schemas: Record<string, string[]>;
	/** Per 2.14 operation: differences in its own (inline) response and request descriptions, and the changed schemas it answers with. */
	operations: Record<string, { response: string[]; request: string[]; responseSchemas: string[]; requestSchemas: string[] }>;
	added: string[];
	removed: string[];
	versionEnum: unknown[];
}

/** Every difference, for the operations of 2.14, between 2.14 and `version`. */
export function diffVersion(version: string): VersionDiff {
	const base = loadSpec(BASE_VERSION);
	const later = loadSpec(version);
	const schemas: VersionDiff['schemas'] = {};
	const schemaDiff = (name: string): string[] => {
		if (!(name in schemas)) {
			const out: string[] = [];
			diffSchemas(base.schemas[name], later.schemas[name], '', out);
			schemas[name] = out.map((line) => line.replace(/^\./, ''));
		}
		return schemas[name];
	};
	const operations: VersionDiff['operations'] = {};
	const removed: string[] = [];
	for (const [key, op] of Object.entries(base.operations).sort(([x], [y]) => x.localeCompare(y))) {
		const next = later.operations[key];
		if (!next) {
			removed.push(key);
			continue;
		}
		const response: string[] = [];
		const responseNames = new Set<string>();
		for (const status of new Set([...Object.keys(op.responses), ...Object.keys(next.responses)])) {
			const a = jsonOf(op.responses[status]?.content);
			const b = jsonOf(next.responses[status]?.content);
			diffSchemas(a, b, status, response);
			reachable(a, base, responseNames);
		}
		const request: string[] = [];
		const a = jsonOf(op.requestBody?.content);
		diffSchemas(a, jsonOf(next.requestBody?.content), 'body', request);
		const requestNames = reachable(a, base, new Set());
		for (const name of new Set([...op.parameters, ...next.parameters].map((p) => `${p.in}:${p.name}`))) {
			if (name === 'header:Intercom-Version') continue; // the accepted values are reported once per version
			const pa = op.parameters.find((p) => `${p.in}:${p.name}` === name);
			const pb = next.parameters.find((p) => `${p.in}:${p.name}` === name);
			if (!pa || !pb) request.push(`${name}: ${pa ? 'removed' : 'added'}`);
			else {
				if (pa.required !== pb.required) request.push(`${name}: required ${pa.required} → ${pb.required}`);
				diffSchemas(pa.schema, pb.schema, name, request);
				reachable(pa.schema, base, requestNames);
			}
		}
		const changed = (names: Set<string>) => [...names].filter((n) => n !== 'intercom_version' && schemaDiff(n).length > 0).sort();
		const entry = { response, request, responseSchemas: changed(responseNames), requestSchemas: changed(requestNames) };
		if (Object.values(entry).some((l) => l.length > 0)) operations[key] = entry;
	}
	for (const name of Object.keys(schemas)) if (schemas[name].length === 0) delete schemas[name];
	return {
		version,
		schemas,
		operations,
		added: Object.keys(later.operations).filter((k) => !base.operations[k]).sort(),
		removed,
		versionEnum: later.schemas.intercom_version?.enum ?? [],
	};
}

export function report(): string {
	const lines = [
		'# How Intercom API 2.15 and 2.16 differ from 2.14, for the operations of 2.14',
		'',
		'Generated by `npm run spec:diff` (scripts/spec-version-diff.ts) from the spec fixtures; do not edit.',
		'Each changed schema is listed once with what changed (property paths; `[]` an array item, `<name>` a',
		'oneOf/anyOf branch); each 2.14 operation then names the changed schemas it answers with or takes.',
		'What the package and the sandbox do about it: README, *API versions*.',
		'',
	];
	for (const version of LATER_VERSIONS) {
		const d = diffVersion(version);
		const ops = Object.entries(d.operations);
		lines.push(`## ${BASE_VERSION} → ${version}`, '');
		lines.push(`- \`Intercom-Version\` values the description accepts: ${d.versionEnum.slice(-3).join(', ')} and earlier.`);
		lines.push(`- Operations: ${d.removed.length} of 2.14 removed, ${d.added.length} added.`);
		lines.push(`- 2.14 operations whose answer changes: ${ops.filter(([, o]) => o.response.length + o.responseSchemas.length > 0).length}; whose request description changes: ${ops.filter(([, o]) => o.request.length + o.requestSchemas.length > 0).length}.`, '');
		lines.push('### Changed schemas', '');
		for (const [name, changes] of Object.entries(d.schemas).sort(([x], [y]) => x.localeCompare(y))) {
			lines.push(`- **${name}**: ${changes.join('; ')}`);
		}
		lines.push('', '### Operations', '');
		for (const [key, o] of ops) {
			const parts: string[] = [];
			if (o.responseSchemas.length) parts.push(`answers with ${o.responseSchemas.join(', ')}`);
			if (o.response.length) parts.push(`answer: ${o.response.join('; ')}`);
			if (o.requestSchemas.length) parts.push(`takes ${o.requestSchemas.join(', ')}`);
			if (o.request.length) parts.push(`request: ${o.request.join('; ')}`);
			lines.push(`- \`${key}\`: ${parts.join('. ')}`);
		}
		lines.push('');
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
	const target = resolve(__dirname, '../docs/api-versions-diff.md');
	writeFileSync(target, report());
	console.log(`wrote ${target}`);
}
