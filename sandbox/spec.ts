/**
 * Access to the committed spec fixtures (`spec/intercom-<version>.json` for 2.14, 2.15 and 2.16,
 * built by `scripts/build-spec-fixture.ts`) and matching of request paths to their
 * operations. Path templates are compiled once; matching prefers literal
 * segments over parameters so `/contacts/search` never matches `{contact_id}`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Schema } from './schema-validator';

export interface SpecParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required: boolean;
	schema?: Schema;
	style?: string;
	explode?: boolean;
}

export interface SpecOperation {
	method: string;
	path: string;
	operationId: string | null;
	tags: string[];
	parameters: SpecParameter[];
	requestBody?: { required: boolean; content: Record<string, Schema> };
	responses: Record<string, { content: Record<string, Schema> }>;
}

export interface SpecFixture {
	info: { version: string; source: string; note: string };
	operations: Record<string, SpecOperation>;
	schemas: Record<string, Schema>;
}

/** The API versions the sandbox holds a description of; the first is the one the package is built for. */
export const SPEC_VERSIONS = ['2.14', '2.15', '2.16'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];
export const BASE_SPEC_VERSION: SpecVersion = '2.14';

export function isSpecVersion(value: string): value is SpecVersion {
	return (SPEC_VERSIONS as readonly string[]).includes(value);
}

export function specFixturePath(version: SpecVersion = BASE_SPEC_VERSION): string {
	return resolve(__dirname, `../spec/intercom-${version}.json`);
}

export const SPEC_FIXTURE_PATH = specFixturePath(BASE_SPEC_VERSION);

const cached = new Map<string, SpecFixture>();

/** Loads (once per version) and returns the fixture of an API version (default 2.14). */
export function loadSpec(version: string = BASE_SPEC_VERSION): SpecFixture {
	if (!isSpecVersion(version)) throw new Error(`no spec fixture for Intercom API ${version} (have ${SPEC_VERSIONS.join(', ')})`);
	let spec = cached.get(version);
	if (!spec) {
		spec = JSON.parse(readFileSync(specFixturePath(version), 'utf8')) as SpecFixture;
		cached.set(version, spec);
	}
	return spec;
}

interface CompiledTemplate {
	operation: SpecOperation;
	segments: string[];
	/** Number of literal segments; more literals win when two templates match. */
	literalCount: number;
}

export interface OperationMatch {
	operation: SpecOperation;
	pathParams: Record<string, string>;
}

function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

/** Route table over the spec's operations, grouped by method and segment count. */
export class SpecRouter {
	private readonly byMethod = new Map<string, CompiledTemplate[]>();

	constructor(readonly spec: SpecFixture = loadSpec()) {
		for (const operation of Object.values(spec.operations)) {
			const segments = splitPath(operation.path);
			const list = this.byMethod.get(operation.method) ?? [];
			list.push({ operation, segments, literalCount: segments.filter((s) => !s.startsWith('{')).length });
			this.byMethod.set(operation.method, list);
		}
		for (const list of this.byMethod.values()) list.sort((a, b) => b.literalCount - a.literalCount);
	}

	/** Finds the operation for a concrete method + path, or undefined. */
	match(method: string, path: string): OperationMatch | undefined {
		const parts = splitPath(path);
		for (const template of this.byMethod.get(method.toUpperCase()) ?? []) {
			if (template.segments.length !== parts.length) continue;
			const params: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < parts.length && ok; i++) {
				const seg = template.segments[i];
				if (seg.startsWith('{')) {
					try {
						params[seg.slice(1, -1)] = decodeURIComponent(parts[i]);
					} catch {
						ok = false;
					}
				} else if (seg !== parts[i]) ok = false;
			}
			if (ok) return { operation: template.operation, pathParams: params };
		}
		return undefined;
	}

	/** True when the path exists in the spec under some other method (405-ish; Intercom answers 404). */
	pathKnown(path: string): boolean {
		for (const method of this.byMethod.keys()) if (this.match(method, path)) return true;
		return false;
	}

	/** The JSON response schema the spec declares for an operation and status, if any. */
	responseSchema(operation: SpecOperation, status: number): Schema | undefined {
		const response = operation.responses[String(status)];
		return response?.content['application/json'];
	}

	operation(key: string): SpecOperation | undefined {
		return this.spec.operations[key];
	}
}
