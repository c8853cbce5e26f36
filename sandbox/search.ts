/**
 * Intercom's search query language for POST /contacts/search and
 * POST /conversations/search.
 *
 * A query is `{field, operator, value}` or `{operator: 'AND'|'OR', value: [...]}`.
 * Limits as documented: at most 2 levels of AND/OR nesting and 15 filters per
 * group, else 400. Unknown fields and operator/type mismatches answer 400.
 *
 * Date semantics differ by model, as in the real API:
 * - contacts: dates are matched by calendar day in the workspace time zone
 *   (`=` whole day, `>` from the start of the next day, `<` before the start of
 *   the day); `!=`, `>=`, `<=`, `IN`, `NIN` are rejected on dates.
 * - conversations: compared to the second, but `>` and `<` behave as `>=` and
 *   `<=` ("greater (or equal) than" in Intercom's table) — a poller using
 *   `updated_at > last_seen` will see the boundary record again.
 */
import { badRequest } from './errors';
import { dayStart, nextDayStart } from './timezone';

export type FieldType = 'string' | 'integer' | 'date' | 'boolean' | 'list' | 'words';

export interface SearchField<T> {
	type: FieldType;
	get: (record: T) => unknown;
	/** Operators allowed besides the type's defaults (e.g. tag_id: only = and !=). */
	operators?: string[];
}

export interface SearchModel<T> {
	name: 'contact' | 'conversation' | 'ticket';
	/** Resolves a field name (including `custom_attributes.x`) or undefined if unknown. */
	field: (name: string) => SearchField<T> | undefined;
	/** Contacts truncate dates to the day; conversations compare seconds with >/< inclusive. */
	dateMode: 'day' | 'inclusive-seconds';
	timeZone: string;
}

export const MAX_NESTING = 2;
export const MAX_FILTERS_PER_GROUP = 15;

const OPERATORS = ['=', '!=', 'IN', 'NIN', '<', '<=', '>', '>=', '~', '!~', '^', '$'];
const STRING_ONLY = ['~', '!~', '^', '$'];
const ORDERING = ['<', '<=', '>', '>='];

type Predicate<T> = (record: T) => boolean;

function lower(value: unknown): string {
	return String(value).toLowerCase();
}

/** Compiles and validates a query; throws ApiError 400 for anything Intercom rejects. */
export function compileQuery<T>(query: unknown, model: SearchModel<T>): Predicate<T> {
	return compileNode(query, model, 0, 'query');
}

function compileNode<T>(node: unknown, model: SearchModel<T>, depth: number, path: string): Predicate<T> {
	if (!node || typeof node !== 'object' || Array.isArray(node)) throw badRequest(`${path} must be an object`);
	const n = node as { field?: unknown; operator?: unknown; value?: unknown };
	if (n.operator === 'AND' || n.operator === 'OR') {
		if (depth >= MAX_NESTING) throw badRequest(`Nested filters cannot exceed ${MAX_NESTING} levels`, 'query_invalid');
		if (!Array.isArray(n.value) || n.value.length === 0) throw badRequest(`${path}.value must be a non-empty array`);
		if (n.value.length > MAX_FILTERS_PER_GROUP) {
			throw badRequest(`A filter group cannot contain more than ${MAX_FILTERS_PER_GROUP} filters`, 'query_invalid');
		}
		const children = n.value.map((child, i) => compileNode(child, model, depth + 1, `${path}.value[${i}]`));
		return n.operator === 'AND'
			? (r) => children.every((p) => p(r))
			: (r) => children.some((p) => p(r));
	}
	if (typeof n.field !== 'string') throw badRequest(`${path}.field is required`);
	if (typeof n.operator !== 'string' || !OPERATORS.includes(n.operator)) {
		throw badRequest(`${path}.operator ${JSON.stringify(n.operator)} is not supported`);
	}
	const field = model.field(n.field);
	if (!field) throw badRequest(`${n.field} is not a searchable ${model.name} field`, 'invalid_field');
	return compileFilter(field, n.field, n.operator, n.value, model);
}

function compileFilter<T>(field: SearchField<T>, name: string, op: string, value: unknown, model: SearchModel<T>): Predicate<T> {
	const reject = (why: string) => {
		throw badRequest(`${op} ${why} for field ${name}`, 'invalid_operator');
	};
	if (field.operators && !field.operators.includes(op)) reject('is not supported');
	const isSet = op === 'IN' || op === 'NIN';
	if (isSet && !Array.isArray(value)) throw badRequest(`${op} needs an array value for field ${name}`);
	if (!isSet && Array.isArray(value)) throw badRequest(`${op} does not take an array value for field ${name}`);
	if (STRING_ONLY.includes(op) && !['string', 'words'].includes(field.type)) reject('only applies to strings');
	if (ORDERING.includes(op) && !['integer', 'date'].includes(field.type)) reject('only applies to integers and dates');
	const values = (isSet ? (value as unknown[]) : [value]) as unknown[];
	for (const v of values) checkValueType(field.type, v, name);

	if (field.type === 'date') return compileDate(field, name, op, value as number | null, values, model);
	if (field.type === 'list') {
		const has = (r: T, v: unknown) => ((field.get(r) as unknown[]) ?? []).some((x) => String(x) === String(v));
		switch (op) {
			case '=': return (r) => has(r, value);
			case '!=': return (r) => !has(r, value);
			case 'IN': return (r) => values.some((v) => has(r, v));
			case 'NIN': return (r) => !values.some((v) => has(r, v));
			default: return reject('is not supported');
		}
	}
	if (field.type === 'words') {
		// Intercom matches source.body per word for `=`; substring operators see the text.
		const text = (r: T) => lower(stripHtml(String(field.get(r) ?? '')));
		const words = (r: T) => text(r).split(/[^\p{L}\p{N}]+/u);
		switch (op) {
			case '=': return (r) => words(r).includes(lower(value));
			case '!=': return (r) => !words(r).includes(lower(value));
			default: return stringOp(op, (r) => text(r), values.map(lower));
		}
	}
	const eq = (a: unknown, b: unknown) =>
		a === b || (a !== null && b !== null && a !== undefined && typeof a !== 'object' && String(a) === String(b));
	switch (op) {
		case '=': return (r) => eq(field.get(r) ?? null, value);
		case '!=': return (r) => !eq(field.get(r) ?? null, value);
		case 'IN': return (r) => values.some((v) => eq(field.get(r) ?? null, v));
		case 'NIN': return (r) => !values.some((v) => eq(field.get(r) ?? null, v));
		case '<': return numeric(field, (x) => x < (value as number));
		case '<=': return numeric(field, (x) => x <= (value as number));
		case '>': return numeric(field, (x) => x > (value as number));
		case '>=': return numeric(field, (x) => x >= (value as number));
		default: return stringOp(op, (r) => lower(field.get(r) ?? ''), values.map(lower));
	}
}

function numeric<T>(field: SearchField<T>, test: (x: number) => boolean): Predicate<T> {
	return (r) => {
		const x = field.get(r);
		return typeof x === 'number' && test(x);
	};
}

function stringOp<T>(op: string, get: (r: T) => string, values: string[]): Predicate<T> {
	const v = values[0];
	switch (op) {
		case '~': return (r) => get(r).includes(v);
		case '!~': return (r) => !get(r).includes(v);
		case '^': return (r) => get(r).startsWith(v);
		case '$': return (r) => get(r).endsWith(v);
		default: throw badRequest(`${op} is not supported`);
	}
}

function compileDate<T>(
	field: SearchField<T>,
	name: string,
	op: string,
	value: number | null,
	values: unknown[],
	model: SearchModel<T>,
): Predicate<T> {
	const get = (r: T) => field.get(r) as number | null | undefined;
	if (value === null && (op === '=' || op === '!=')) {
		return op === '=' ? (r) => get(r) == null : (r) => get(r) != null;
	}
	if (model.dateMode === 'inclusive-seconds') {
		const v = value as number;
		switch (op) {
			case '=': return (r) => get(r) === v;
			case '!=': return (r) => get(r) !== v;
			case '>': // documented "greater (or equal) than"
			case '>=': return (r) => (get(r) ?? -Infinity) >= v;
			case '<': // documented "lower (or equal) than"
			case '<=': return (r) => (get(r) ?? Infinity) <= v;
			case 'IN': return (r) => values.includes(get(r));
			case 'NIN': return (r) => !values.includes(get(r));
			default: throw badRequest(`${op} is not supported for date field ${name}`, 'invalid_operator');
		}
	}
	const tz = model.timeZone;
	switch (op) {
		case '=': {
			const from = dayStart(value as number, tz);
			const to = nextDayStart(value as number, tz);
			return (r) => {
				const x = get(r);
				return typeof x === 'number' && x >= from && x < to;
			};
		}
		case '>': {
			const from = nextDayStart(value as number, tz);
			return (r) => {
				const x = get(r);
				return typeof x === 'number' && x >= from;
			};
		}
		case '<': {
			const to = dayStart(value as number, tz);
			return (r) => {
				const x = get(r);
				return typeof x === 'number' && x < to;
			};
		}
		default:
			throw badRequest(`${op} is not supported on date field ${name}`, 'invalid_operator');
	}
}

function checkValueType(type: FieldType, value: unknown, name: string): void {
	if (value === null) return;
	const ok =
		type === 'integer' || type === 'date'
			? typeof value === 'number' && Number.isInteger(value)
			: type === 'boolean'
				? typeof value === 'boolean'
				: typeof value === 'string' || typeof value === 'number';
	if (!ok) throw badRequest(`value ${JSON.stringify(value)} is not a valid ${type} for field ${name}`, 'parameter_invalid');
}

function stripHtml(html: string): string {
	return html.replace(/<[^>]*>/g, ' ');
}

export interface SortSpec {
	field: string;
	order: 'asc' | 'desc';
}

/** Parses `sort: {field, order: 'ascending'|'descending'}`; default created_at ascending. */
export function parseSort<T>(sort: unknown, model: SearchModel<T>): SortSpec {
	if (sort === undefined || sort === null) return { field: 'created_at', order: 'asc' };
	const s = sort as { field?: unknown; order?: unknown };
	if (typeof s.field !== 'string' || !model.field(s.field)) throw badRequest('sort.field is not a searchable field');
	if (s.order !== undefined && s.order !== 'ascending' && s.order !== 'descending') {
		throw badRequest('sort.order must be ascending or descending');
	}
	return { field: s.field, order: s.order === 'descending' ? 'desc' : 'asc' };
}
