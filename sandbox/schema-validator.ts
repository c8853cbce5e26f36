/**
 * A small validator for the OpenAPI 3.0 schema subset the Intercom fixture
 * uses: type, nullable, enum, required, properties, items,
 * additionalProperties, allOf/oneOf/anyOf, $ref, min/max bounds.
 *
 * Used both by request conformance (sandbox/conformance.ts) and by the test
 * suite to check response shapes. `format` is ignored on purpose: the spec
 * puts `format: date-time` on integer timestamps and `format: uri` on plain
 * type names, so honouring it would reject Intercom's own examples.
 *
 * `oneOf` is checked as "at least one branch matches": Intercom's branches
 * overlap (e.g. the contact-reply variants differ only by which identifier
 * they require), so exactly-one semantics would reject valid requests.
 */

export interface Schema {
	$ref?: string;
	type?: string;
	format?: string;
	nullable?: boolean;
	enum?: unknown[];
	required?: string[];
	default?: unknown;
	properties?: Record<string, Schema>;
	items?: Schema;
	additionalProperties?: boolean | Schema;
	oneOf?: Schema[];
	anyOf?: Schema[];
	allOf?: Schema[];
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	maxItems?: number;
}

export interface SchemaProblem {
	/** JSON path such as `$.query.value[0].field`. */
	path: string;
	message: string;
	/** Hard problems break the request (Intercom answers 400); soft ones only fail conformance. */
	hard: boolean;
}

export interface ValidateOptions {
	/** Resolves `#/schemas/<name>` references. */
	schemas: Record<string, Schema>;
	/** Report properties no schema branch declares (soft problems). Default false. */
	unknownProperties?: boolean;
}

const REF_PREFIX = '#/schemas/';

export function resolveRef(schema: Schema, schemas: Record<string, Schema>): Schema {
	let current = schema;
	let nullable = schema.nullable === true;
	for (let depth = 0; current.$ref && depth < 32; depth++) {
		const target = schemas[current.$ref.slice(REF_PREFIX.length)];
		if (!target) throw new Error(`unknown schema reference ${current.$ref}`);
		current = target;
		nullable = nullable || current.nullable === true;
	}
	return nullable && !current.nullable ? { ...current, nullable: true } : current;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
	const actual = typeOf(value);
	if (expected === 'number') return actual === 'number' || actual === 'integer';
	return expected === actual;
}

/** Names declared by a schema's own `properties` and by its `allOf` branches. */
function declaredProperties(schema: Schema, schemas: Record<string, Schema>, into: Set<string>): boolean {
	let declaresAny = false;
	if (schema.properties) {
		declaresAny = true;
		for (const name of Object.keys(schema.properties)) into.add(name);
	}
	if (schema.additionalProperties) declaresAny = false;
	for (const branch of schema.allOf ?? []) {
		const resolved = resolveRef(branch, schemas);
		if (declaredProperties(resolved, schemas, into)) declaresAny = true;
	}
	return declaresAny;
}

class Validator {
	readonly problems: SchemaProblem[] = [];
	constructor(private readonly options: ValidateOptions) {}

	private add(path: string, message: string, hard = true): void {
		this.problems.push({ path, message, hard });
	}

	/**
	 * @param inherited property names declared by an enclosing schema level, so a
	 * oneOf branch does not flag the parent's own properties as unknown.
	 * @param checkUnknown false when an enclosing level already checks unknown names.
	 */
	check(value: unknown, raw: Schema, path: string, inherited?: Set<string>, checkUnknown = true): void {
		const schema = resolveRef(raw, this.options.schemas);
		if (value === null) {
			if (!schema.nullable && (schema.type || schema.properties || schema.enum)) {
				this.add(path, 'must not be null');
			}
			return;
		}
		if (value === undefined) return;
		if (schema.type && !typeMatches(schema.type, value)) {
			this.add(path, `must be ${schema.type}, got ${typeOf(value)}`);
			return;
		}
		if (schema.enum && !schema.enum.includes(value)) {
			this.add(path, `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
		}
		this.checkBounds(value, schema, path);
		const isObject = typeOf(value) === 'object';
		const declared = new Set<string>(inherited ?? []);
		const declaresAny = isObject ? declaredProperties(schema, this.options.schemas, declared) : false;
		const alternatives = schema.oneOf ?? schema.anyOf;

		for (const branch of schema.allOf ?? []) this.check(value, branch, path, declared, false);
		if (alternatives) this.checkAlternatives(value, alternatives, path, declared, checkUnknown);
		if (!isObject) {
			if (Array.isArray(value) && schema.items) {
				value.forEach((item, i) => this.check(item, schema.items as Schema, `${path}[${i}]`));
			}
			return;
		}
		const obj = value as Record<string, unknown>;
		for (const name of schema.required ?? []) {
			if (obj[name] === undefined) this.add(`${path}.${name}`, 'is required');
		}
		for (const [name, child] of Object.entries(obj)) {
			const propSchema = schema.properties?.[name];
			if (propSchema) {
				this.check(child, propSchema, `${path}.${name}`);
			} else if (typeof schema.additionalProperties === 'object') {
				this.check(child, schema.additionalProperties, `${path}.${name}`);
			} else if (
				this.options.unknownProperties &&
				checkUnknown &&
				!alternatives &&
				(declaresAny || (inherited && inherited.size > 0)) &&
				!declared.has(name) &&
				!schema.additionalProperties
			) {
				this.add(`${path}.${name}`, 'is not declared by the spec', false);
			}
		}
	}

	private checkAlternatives(
		value: unknown,
		branches: Schema[],
		path: string,
		declared: Set<string>,
		checkUnknown: boolean,
	): void {
		let best: SchemaProblem[] | undefined;
		for (const branch of branches) {
			const sub = new Validator(this.options);
			sub.check(value, branch, path, declared, checkUnknown);
			if (sub.problems.length === 0) return;
			const hardCount = sub.problems.filter((p) => p.hard).length;
			if (!best || hardCount < best.filter((p) => p.hard).length) best = sub.problems;
		}
		if (!best) return;
		// Only soft problems (undeclared properties) in the closest branch: report just those.
		if (best.some((p) => p.hard)) this.add(path, `matches none of ${branches.length} alternatives`);
		for (const p of best.slice(0, 5)) this.problems.push(p);
	}

	private checkBounds(value: unknown, schema: Schema, path: string): void {
		if (typeof value === 'number') {
			if (schema.minimum !== undefined && value < schema.minimum) this.add(path, `must be >= ${schema.minimum}`);
			if (schema.maximum !== undefined && value > schema.maximum) this.add(path, `must be <= ${schema.maximum}`);
		} else if (typeof value === 'string') {
			if (schema.minLength !== undefined && value.length < schema.minLength) this.add(path, 'is too short');
			if (schema.maxLength !== undefined && value.length > schema.maxLength) this.add(path, 'is too long');
		} else if (Array.isArray(value)) {
			if (schema.minItems !== undefined && value.length < schema.minItems) this.add(path, 'has too few items');
			if (schema.maxItems !== undefined && value.length > schema.maxItems) this.add(path, 'has too many items');
		}
	}
}

/** Validates `value` against `schema`; returns every problem found (empty = valid). */
export function validateSchema(value: unknown, schema: Schema, options: ValidateOptions, path = '$'): SchemaProblem[] {
	const validator = new Validator(options);
	validator.check(value, schema, path);
	return validator.problems;
}

/** Formats problems as `path: message` strings for logs and assertions. */
export function formatProblems(problems: SchemaProblem[]): string[] {
	return problems.map((p) => `${p.path}: ${p.message}`);
}
