import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseJsonObject, quote, toList, toText, toUnixSeconds } from '../../../shared/values';
import type { OperationContext } from '../types';
import {
	CUSTOM_ATTRIBUTE_PREFIX,
	findOperator,
	MAX_FILTERS_PER_GROUP,
	MAX_NESTING,
	operatorsFor,
	OPERATORS,
	SEARCH_FIELDS,
	type SearchFieldType,
	type SearchObject,
} from './catalog';

interface ConditionValues {
	field?: string;
	operator?: string;
	value?: unknown;
	valueType?: 'auto' | SearchFieldType;
}

interface GroupValues {
	match?: 'AND' | 'OR';
	conditions?: { condition?: ConditionValues[] };
}

const MATCH_OPTIONS = [
	{ name: 'All Conditions (AND)', value: 'AND' },
	{ name: 'Any Condition (OR)', value: 'OR' },
];

function conditionProperties(object: SearchObject): INodeProperties[] {
	return [
		{
			displayName: 'Field Name or ID',
			name: 'field',
			type: 'options',
			typeOptions: { loadOptionsMethod: object === 'contact' ? 'getContactSearchFields' : 'getConversationSearchFields' },
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Custom attributes appear as custom_attributes.name_of_attribute',
		},
		{
			displayName: 'Operator Name or ID',
			name: 'operator',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSearchOperators', loadOptionsDependsOn: ['&field'] },
			default: 'eq',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: "The list offers what the field's type accepts: dates take only equals, less than and greater than",
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			description:
				'What to compare with. Dates accept ISO 8601, Unix seconds or an n8n date; "Is One Of" / "Is None Of" take a comma-separated list.',
		},
		{
			displayName: 'Value Type',
			name: 'valueType',
			type: 'options',
			options: [
				{ name: 'Automatic', value: 'auto', description: 'The field\'s own type; for custom attributes, inferred from the value' },
				{ name: 'Boolean', value: 'boolean' },
				{ name: 'Date', value: 'date' },
				{ name: 'Number', value: 'integer' },
				{ name: 'String', value: 'string' },
			],
			default: 'auto',
			description: 'How to send the value; needed only for custom attributes whose type cannot be told from the value',
		},
	];
}

function conditionsCollection(object: SearchObject, displayName: string): INodeProperties {
	return {
		displayName,
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Condition',
		default: {},
		options: [{ displayName: 'Condition', name: 'condition', values: conditionProperties(object) }],
	};
}

/** The query parameters of a search operation: a builder (conditions, one level of groups) or raw JSON. */
export function searchQueryProperties(object: SearchObject): INodeProperties[] {
	const builderOnly = { show: { queryMode: ['builder'] } };
	return [
		{
			displayName: 'Define Query',
			name: 'queryMode',
			type: 'options',
			options: [
				{ name: 'Using Conditions', value: 'builder' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'builder',
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			options: MATCH_OPTIONS,
			default: 'AND',
			displayOptions: builderOnly,
		},
		{ ...conditionsCollection(object, 'Conditions'), displayOptions: builderOnly },
		{
			displayName: 'Condition Groups',
			name: 'groups',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Group',
			default: {},
			description: 'Groups of conditions combined with their own AND/OR; Intercom allows one level of groups',
			displayOptions: builderOnly,
			options: [
				{
					displayName: 'Group',
					name: 'group',
					values: [
						{ displayName: 'Match', name: 'match', type: 'options', options: MATCH_OPTIONS, default: 'OR' },
						conditionsCollection(object, 'Conditions'),
					],
				},
			],
		},
		{
			displayName: 'Query (JSON)',
			name: 'queryJson',
			type: 'json',
			default: '{\n  "field": "role",\n  "operator": "=",\n  "value": "user"\n}',
			description: "Intercom's search query: {field, operator, value} or {operator: AND|OR, value: [...]}",
			displayOptions: { show: { queryMode: ['json'] } },
		},
	];
}

/** Fields a search can sort by, as an "Options" collection entry pair. */
export function sortProperties(): INodeProperties[] {
	return [
		{ displayName: 'Sort By', name: 'sortField', type: 'string', default: '', placeholder: 'updated_at', description: 'A searchable field to sort by' },
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ascending' },
				{ name: 'Descending', value: 'descending' },
			],
			default: 'descending',
		},
	];
}

function fail(node: INode, itemIndex: number, parameter: string, message: string, description?: string): never {
	throw new NodeOperationError(node, `Parameter "${parameter}": ${message}`, { itemIndex, description });
}

function inferType(raw: string): SearchFieldType {
	if (raw === 'true' || raw === 'false') return 'boolean';
	if (/^-?\d+$/.test(raw)) return 'integer';
	if (/^-?\d+\.\d+$/.test(raw)) return 'float';
	return 'string';
}

interface ValueContext {
	node: INode;
	itemIndex: number;
	/** The workflow's time zone: a date without one is read there. */
	timeZone: string;
}

function convertValue(vc: ValueContext, parameter: string, type: SearchFieldType, raw: unknown): unknown {
	const { node, itemIndex } = vc;
	if (type === 'date') return toUnixSeconds(raw, node, parameter, itemIndex, vc.timeZone);
	const text = typeof raw === 'string' ? raw.trim() : raw;
	if (type === 'boolean') {
		if (text === true || text === 'true') return true;
		if (text === false || text === 'false') return false;
		return fail(node, itemIndex, parameter, `${quote(JSON.stringify(raw) ?? String(raw))} is not true or false`);
	}
	if (type === 'integer' || type === 'float') {
		const n = typeof text === 'number' ? text : typeof text === 'string' ? Number(text) : NaN;
		if (text === '' || !Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) {
			return fail(node, itemIndex, parameter, `${quote(JSON.stringify(raw) ?? String(raw))} is not a ${type === 'integer' ? 'whole number' : 'number'}`);
		}
		return n;
	}
	// Text: an object, a list, NaN or a boolean is refused rather than sent as "[object Object]" or "NaN".
	return toText(raw, node, parameter, itemIndex) ?? '';
}

/** The type a value of a custom attribute is taken as when neither the field nor the user says. */
function typeOfValue(raw: unknown): SearchFieldType {
	if (typeof raw === 'string') return inferType(raw.trim());
	if (typeof raw === 'boolean') return 'boolean';
	if (typeof raw === 'number') return Number.isInteger(raw) ? 'integer' : 'float';
	if (raw instanceof Date || (raw && typeof (raw as { toSeconds?: unknown }).toSeconds === 'function')) return 'date';
	return 'string';
}

/** Turns one builder condition into Intercom's `{field, operator, value}`, checking what Intercom would refuse. */
function buildCondition(object: SearchObject, vc: ValueContext, label: string, c: ConditionValues): IDataObject {
	const { node, itemIndex } = vc;
	const field = String(c.field ?? '').trim();
	if (!field) fail(node, itemIndex, `${label} › Field`, 'a field is required');
	const chosenOperator = String(c.operator ?? '').trim();
	const info = findOperator(chosenOperator);
	if (!info) fail(node, itemIndex, `${label} › Operator`, `"${quote(chosenOperator)}" is not a search operator`);
	const operator = info.api;
	const known = SEARCH_FIELDS[object].get(field);
	if (!known && !field.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
		fail(node, itemIndex, `${label} › Field`, `"${quote(field)}" is not a searchable ${object} field`, 'Pick a field from the list, or use custom_attributes.<name> for a custom attribute.');
	}
	const chosen = c.valueType && c.valueType !== 'auto' ? c.valueType : undefined;
	const allowed = operatorsFor(field, known ?? chosen);
	if (!allowed.includes(operator)) {
		fail(node, itemIndex, `${label} › Operator`, `"${operator}" does not apply to ${quote(field)} (${known ?? chosen})`, `It takes: ${allowed.join(' ')}`);
	}
	const typeOf = (raw: unknown): SearchFieldType => known ?? chosen ?? typeOfValue(raw);
	const parameter = `${label} › Value`;
	const listed = Array.isArray(c.value) ? c.value.filter((v) => !(typeof v === 'string' && v.trim() === '')) : toList(c.value);
	const value = info.list
		? listed.map((v) => convertValue(vc, parameter, typeOf(v), v))
		: convertValue(vc, parameter, typeOf(c.value), c.value);
	if (info.list && (value as unknown[]).length === 0) fail(node, itemIndex, parameter, 'at least one value is required');
	return { field, operator, value: value as IDataObject[string] };
}

/** Checks a JSON query against the shape and limits Intercom enforces, so a bad one fails before sending. */
export function validateQuery(node: INode, itemIndex: number, parameter: string, query: unknown, depth = 0, path = 'query'): void {
	if (!query || typeof query !== 'object' || Array.isArray(query)) fail(node, itemIndex, parameter, `${path} must be an object`);
	const q = query as IDataObject;
	if (q.operator === 'AND' || q.operator === 'OR') {
		if (depth >= MAX_NESTING) fail(node, itemIndex, parameter, `groups nest deeper than Intercom's ${MAX_NESTING} levels at ${path}`);
		if (!Array.isArray(q.value) || q.value.length === 0) fail(node, itemIndex, parameter, `${path}.value must be a non-empty array of filters`);
		if (q.value.length > MAX_FILTERS_PER_GROUP) {
			fail(node, itemIndex, parameter, `${path} has ${q.value.length} filters; Intercom allows ${MAX_FILTERS_PER_GROUP} per group`);
		}
		q.value.forEach((child, i) => validateQuery(node, itemIndex, parameter, child, depth + 1, `${path}.value[${i}]`));
		return;
	}
	if (typeof q.field !== 'string' || q.field === '') fail(node, itemIndex, parameter, `${path}.field must be a field name`);
	if (!OPERATORS.some((o) => o.api === q.operator)) fail(node, itemIndex, parameter, `${path}.operator ${quote(JSON.stringify(q.operator) ?? String(q.operator))} is not a search operator`);
	if (!('value' in q)) fail(node, itemIndex, parameter, `${path}.value is missing`);
}

/** Reads the query parameters of a search operation and returns Intercom's `query` object. */
export function buildSearchQuery(ctx: OperationContext, object: SearchObject): IDataObject {
	const node = ctx.fn.getNode();
	const { itemIndex } = ctx;
	if (ctx.param<string>('queryMode', 'builder') === 'json') {
		const query = parseJsonObject(ctx.param('queryJson'), node, 'Query (JSON)', itemIndex);
		validateQuery(node, itemIndex, 'Query (JSON)', query);
		return query;
	}
	const conditions = ctx.param<{ condition?: ConditionValues[] }>('conditions', {})?.condition ?? [];
	const groups = ctx.param<{ group?: GroupValues[] }>('groups', {})?.group ?? [];
	const vc: ValueContext = { node, itemIndex, timeZone: ctx.fn.getTimezone() };
	const filters: IDataObject[] = conditions.map((c, i) => buildCondition(object, vc, `Conditions ${i + 1}`, c));
	groups.forEach((group, g) => {
		const inner = group.conditions?.condition ?? [];
		if (inner.length === 0) fail(node, itemIndex, `Condition Groups ${g + 1}`, 'a group needs at least one condition');
		if (inner.length > MAX_FILTERS_PER_GROUP) {
			fail(node, itemIndex, `Condition Groups ${g + 1}`, `${inner.length} conditions; Intercom allows ${MAX_FILTERS_PER_GROUP} per group`);
		}
		const value = inner.map((c, i) => buildCondition(object, vc, `Condition Groups ${g + 1} › Conditions ${i + 1}`, c));
		filters.push({ operator: group.match ?? 'OR', value });
	});
	if (filters.length === 0) fail(node, itemIndex, 'Conditions', 'add at least one condition (or use JSON)');
	if (filters.length > MAX_FILTERS_PER_GROUP) {
		fail(node, itemIndex, 'Conditions', `${filters.length} conditions and groups; Intercom allows ${MAX_FILTERS_PER_GROUP} per group`);
	}
	if (filters.length === 1 && groups.length === 0) return filters[0];
	return { operator: ctx.param<string>('match', 'AND'), value: filters };
}
