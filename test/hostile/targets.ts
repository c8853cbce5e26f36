/**
 * Every parameter of every operation that takes text, a number, a date or JSON, found by walking
 * the registry (fields, "Additional Fields" style collections, and the text leaves of fixed
 * collections), each with a valid baseline for the rest of the operation's parameters.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { operations } from '../../nodes/Intercom/actions/registry';
import type { FieldTarget, OperationDefinition } from '../../nodes/Intercom/actions/types';
import { FROM_ITEM } from './values';

export const CONTACT_ID = '6762f0d51bb69f9f2193bb7f';
export const OTHER_CONTACT_ID = '6762f0d51bb69f9f2193bb80';
export const NUMERIC_ID = '123';

/** The kinds of parameter this suite attacks; options only when they take IDs from a list. */
const ATTACKED = new Set(['string', 'number', 'dateTime', 'json']);

export interface Target {
	def: OperationDefinition;
	/** `contactId`, `additionalFields.signedUpAt`, `customAttributes.attribute[0].value`. */
	path: string;
	type: string;
	/** Names an error may give this parameter: its own, and the collection it sits in. */
	names: string[];
	/** Where the value goes, when the definition says (a path value changes the expected path). */
	target?: FieldTarget;
	parameters: INodeParameters;
}

function locator(value: string): INodeParameters {
	return { __rl: true, mode: 'id', value };
}

function idFor(name: string): string {
	// A merge needs two different contacts.
	if (name === 'intoContactId') return OTHER_CONTACT_ID;
	return /contact/i.test(name) ? CONTACT_ID : NUMERIC_ID;
}

const TEXT: Record<string, string> = {
	email: 'ada@example.com',
	contactIdentifier: CONTACT_ID,
	body: '<p>hello</p>',
	note: 'hello',
	title: 'Title',
	name: 'vip',
	phrase: 'reset',
	externalId: 'ext-1',
	conversationPartId: NUMERIC_ID,
	sourceId: NUMERIC_ID,
	noteId: NUMERIC_ID,
	instanceId: NUMERIC_ID,
	phone: '+353832345678',
	addresses: '10.0.0.1',
	conversationIds: NUMERIC_ID,
	url: 'https://help.example.com/start',
	folderId: NUMERIC_ID,
};

/** A value the operation accepts for this parameter. */
function validValue(property: INodeProperties): INodeParameters[string] | undefined {
	switch (property.type) {
		case 'resourceLocator':
			return locator(idFor(property.name));
		case 'options':
			return property.typeOptions?.loadOptionsMethod ? idFor(property.name) : (property.default as string);
		case 'string':
			return TEXT[property.name] ?? 'x';
		case 'multiOptions':
			return property.typeOptions?.loadOptionsMethod ? [idFor(property.name)] : (property.default as string[]);
		case 'dateTime':
			return '2025-01-01T00:00:00Z';
		case 'json':
		case 'number':
		case 'boolean':
			return property.default as INodeParameters[string];
		default:
			return undefined;
	}
}

/** What each operation needs besides its fields to send a request (a rule over several fields). */
const SEARCH_JSON: Record<string, string> = {
	contact: '{"field":"role","operator":"=","value":"user"}',
	conversation: '{"field":"state","operator":"=","value":"open"}',
	ticket: '{"field":"state","operator":"=","value":"submitted"}',
};
const UPDATE_FIELDS: Record<string, INodeParameters> = {
	'contact:update': { name: 'Ada' },
	'conversation:update': { title: 'Title' },
	'article:update': { title: 'Title' },
	'company:update': { name: 'Acme' },
	'collection:update': { name: 'Getting started' },
	'internalArticle:update': { title: 'Title' },
};
/** Parameters an operation cannot go without that the walk above does not fill (a fixed collection). */
const REQUIRED_EXTRA: Record<string, INodeParameters> = {
	'customObjectInstance:linkToContact': { links: { attribute: [{ name: 'order', value: NUMERIC_ID }] } },
	'customObjectInstance:linkToConversation': { links: { attribute: [{ name: 'order', value: NUMERIC_ID }] } },
};

export function baseline(def: OperationDefinition): INodeParameters {
	const parameters: INodeParameters = { resource: def.resource, operation: def.value };
	for (const field of def.fields) {
		const value = validValue(field.property);
		if (value !== undefined) parameters[field.property.name] = value;
	}
	if (def.value === 'search' && SEARCH_JSON[def.resource]) {
		parameters.queryMode = 'json';
		parameters.queryJson = SEARCH_JSON[def.resource];
	}
	const update = UPDATE_FIELDS[`${def.resource}:${def.value}`];
	if (update) parameters.updateFields = { ...update };
	Object.assign(parameters, REQUIRED_EXTRA[`${def.resource}:${def.value}`] ?? {});
	return parameters;
}

/** Sets the parameters a property's own displayOptions ask for, so it is shown (n8n reads only shown ones). */
function showing(property: INodeProperties, parameters: INodeParameters): INodeParameters {
	const out = { ...parameters };
	for (const [key, allowed] of Object.entries(property.displayOptions?.show ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('/') || !Array.isArray(allowed)) continue;
		out[key] = allowed[0] as INodeParameters[string];
	}
	return out;
}

function attacked(property: INodeProperties): boolean {
	return ATTACKED.has(property.type) || (property.type === 'options' && Boolean(property.typeOptions?.loadOptionsMethod));
}

/** The text leaves of a fixed collection: one entry, a valid value in each leaf but the attacked one. */
function fixedCollectionTargets(def: OperationDefinition, property: INodeProperties, base: INodeParameters, collection?: string): Target[] {
	const group = (property.options as Array<{ name: string; displayName: string; values?: INodeProperties[] }> | undefined)?.[0];
	if (!group?.values) return [];
	const entry: INodeParameters = {};
	for (const leaf of group.values) entry[leaf.name] = validValue(leaf) ?? (leaf.default as INodeParameters[string]);
	if ('field' in entry) Object.assign(entry, { field: def.resource === 'contact' ? 'role' : 'state', operator: 'eq', value: def.resource === 'contact' ? 'user' : 'open' });
	return group.values.filter(attacked).map((leaf) => {
		const value = { [group.name]: [{ ...entry, [leaf.name]: FROM_ITEM }] };
		const parameters = showing(property, { ...base });
		if (property.name === 'conditions') parameters.queryMode = 'builder';
		if (collection) parameters[collection] = { ...((parameters[collection] as INodeParameters) ?? {}), [property.name]: value };
		else parameters[property.name] = value;
		return {
			def,
			path: `${collection ? `${collection}.` : ''}${property.name}.${group.name}[0].${leaf.name}`,
			type: leaf.type,
			names: [leaf.displayName, property.displayName, group.displayName],
			parameters,
		};
	});
}

export function targets(): Target[] {
	const out: Target[] = [];
	for (const def of operations) {
		const base = baseline(def);
		for (const field of def.fields) {
			const p = field.property;
			if (p.type === 'fixedCollection') {
				out.push(...fixedCollectionTargets(def, p, base));
				continue;
			}
			if (!attacked(p) && p.type !== 'resourceLocator') continue;
			const parameters = showing(p, base);
			parameters[p.name] = p.type === 'resourceLocator' ? locator(FROM_ITEM) : FROM_ITEM;
			out.push({ def, path: p.name, type: p.type, names: [p.displayName], target: field, parameters });
		}
		for (const collection of def.collections ?? []) {
			for (const option of collection.options) {
				const p = option.property;
				if (p.type === 'fixedCollection') {
					out.push(...fixedCollectionTargets(def, p, base, collection.name).map((t) => ({ ...t, names: [...t.names, collection.displayName] })));
					continue;
				}
				if (!attacked(p)) continue;
				const parameters = showing(p, base);
				parameters[collection.name] = { ...((base[collection.name] as INodeParameters) ?? {}), [p.name]: FROM_ITEM };
				out.push({
					def,
					path: `${collection.name}.${p.name}`,
					type: p.type,
					names: [p.displayName, collection.displayName],
					target: option,
					parameters,
				});
			}
		}
	}
	return out;
}

/** A template as a pattern: each `{name}` is exactly one path segment. */
function templatePattern(template: string): RegExp {
	const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[a-z_]+\\\}|\{[a-z_]+\}/g, '[^/]+');
	return new RegExp(`^${escaped}$`);
}

/**
 * Whether a request is one the operation may send with these parameters: one of its reads or its own
 * call, each value escaped as one segment (exactly), or one of the other calls it declares
 * (`alsoCalls`, a lookup before a create), each placeholder one segment.
 */
export function sentWhereDeclared(
	def: OperationDefinition,
	request: { method: string; path: string },
	parameters: INodeParameters,
	attackedKey?: string,
	value?: unknown,
): { ok: boolean; own: boolean; expected: string } {
	const exact = expectedRequests(def, parameters, attackedKey, value);
	const sent = `${request.method} ${request.path}`;
	if (exact.includes(sent)) return { ok: true, own: sent === exact[exact.length - 1], expected: sent };
	const also = (def.alsoCalls ?? []).some((call) => {
		const [method, template] = call.split(' ');
		return method === request.method && templatePattern(template).test(request.path);
	});
	return { ok: also, own: false, expected: [...exact, ...(def.alsoCalls ?? [])].join(' or ') };
}

/**
 * The path a request must have: the template, each value escaped as one segment. `template`: a
 * path the operation reads first (`def.reads`), filled the same way.
 */
export function expectedPath(def: OperationDefinition, parameters: INodeParameters, attackedKey?: string, value?: unknown, template = def.path): string {
	return template.replace(/\{([a-z_]+)\}/g, (_m, key: string) => {
		if (key === attackedKey) return encodeURIComponent(String(value).trim());
		const field = [...def.fields, ...(def.collections ?? []).flatMap((c) => c.options)].find(
			(f) => (f.in === 'path' || template !== def.path) && (f.key ?? f.property.name) === key,
		);
		const raw = field ? parameters[field.property.name] : undefined;
		const given = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
		return encodeURIComponent(String(given));
	});
}

/** Every request the operation may send first: its reads (GET), then its own call. */
export function expectedRequests(def: OperationDefinition, parameters: INodeParameters, attackedKey?: string, value?: unknown): string[] {
	return [
		...(def.reads ?? []).map((template) => `GET ${expectedPath(def, parameters, attackedKey, value, template)}`),
		`${def.method} ${expectedPath(def, parameters, attackedKey, value)}`,
	];
}
