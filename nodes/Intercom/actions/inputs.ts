import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { toText } from '../../shared/values';
import type { FieldTarget, OperationContext, OperationDefinition } from './types';

/**
 * Typed inputs, for every operation: the one place where a parameter's value is held to the type
 * its declaration gives it, whoever reads it (the executor placing a field, an operation's
 * `build` or `run`). An expression can give a text parameter anything; only text and finite
 * numbers (sent as their digits) pass, and an object, a list, NaN, ±Infinity, a boolean or a date
 * object fails naming the parameter and the item before anything is sent.
 *
 * What counts as text, read from the declarations alone:
 * - a `string` parameter, a resource locator's value, an `options` parameter filled from the
 *   workspace (`loadOptionsMethod`: IDs), at the top level, in a collection, or as a leaf of a
 *   fixed collection at any depth;
 * - a `string` parameter with `convert: 'list'` also takes a list of texts; one with
 *   `convert: 'integer'` is held to exact integers by its conversion instead;
 * - names in the declaration's `anyValue` are left to the operation (a search condition's value,
 *   which may be text, a number, a boolean or a date).
 *
 * "Not given": null is the same as leaving the parameter out. At the top level it reads as empty
 * text; in a collection (Additional Fields, Update Fields) a null or blank text or date is dropped,
 * so an Update leaves that field as it is. Clearing a field is a separate, explicit choice.
 */

interface Declared {
	property: INodeProperties;
	target: FieldTarget;
}

function isText(property: INodeProperties): boolean {
	return (
		property.type === 'string' ||
		property.type === 'resourceLocator' ||
		(property.type === 'options' && Boolean(property.typeOptions?.loadOptionsMethod))
	);
}

interface Walk {
	node: INode;
	itemIndex: number;
	/** Names (at any depth of this declaration) whose values the operation checks itself. */
	anyValue: Set<string>;
	/** Whether this declaration's text may also be a list of texts. */
	list: boolean;
	/** An ID sent as a number (`convert: 'integer'`): its conversion holds it to exact integers. */
	integer: boolean;
}

function checked(walk: Walk, property: INodeProperties, label: string, value: unknown): unknown {
	if (walk.anyValue.has(property.name)) return value;
	if (isText(property) && walk.integer) return value;
	if (isText(property)) {
		if (walk.list && Array.isArray(value)) return value.map((v, i) => toText(v, walk.node, `${label} ${i + 1}`, walk.itemIndex) ?? '');
		return toText(value, walk.node, label, walk.itemIndex);
	}
	if (property.type === 'collection' && value && typeof value === 'object' && !Array.isArray(value)) {
		return entries(walk, (property.options ?? []) as INodeProperties[], label, value as IDataObject);
	}
	if (property.type === 'fixedCollection' && value && typeof value === 'object' && !Array.isArray(value)) {
		const groups = (property.options ?? []) as Array<{ name: string; displayName: string; values?: INodeProperties[] }>;
		const out: IDataObject = { ...(value as IDataObject) };
		for (const group of groups) {
			const given = out[group.name];
			if (Array.isArray(given)) {
				out[group.name] = given.map((entry, i) =>
					entry && typeof entry === 'object' ? entries(walk, group.values ?? [], `${label} ${i + 1}`, entry as IDataObject) : entry,
				) as IDataObject[];
			} else if (given && typeof given === 'object') {
				out[group.name] = entries(walk, group.values ?? [], label, given as IDataObject);
			}
		}
		return out;
	}
	return value;
}

/** The values of a collection or of one fixed-collection entry; a null entry means "not given". */
function entries(walk: Walk, properties: INodeProperties[], label: string, values: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		const property = properties.find((p) => p.name === name);
		if (!property) {
			out[name] = value;
			continue;
		}
		const typed = checked(walk, property, `${label} › ${property.displayName}`, value);
		if (typed !== undefined && typed !== null) out[name] = typed as IDataObject[string];
	}
	return out;
}

/** An option left blank or null counts as not given: an Update leaves that field as it is. */
function notGiven(option: INodeProperties, value: unknown): boolean {
	if (value === null || value === undefined) return true;
	return (isText(option) || option.type === 'dateTime') && typeof value === 'string' && value.trim() === '';
}

/** Every parameter an operation declares, by name: its fields, and each collection with its options. */
function declarations(def: OperationDefinition): Map<string, Declared[]> {
	const byName = new Map<string, Declared[]>();
	const add = (d: Declared) => byName.set(d.property.name, [...(byName.get(d.property.name) ?? []), d]);
	for (const field of def.fields) add({ property: field.property, target: field });
	for (const c of def.collections ?? []) {
		add({
			property: { displayName: c.displayName, name: c.name, type: 'collection', default: {}, options: c.options.map((o) => o.property) },
			target: {},
		});
	}
	return byName;
}

/** Per option of a collection, the option's own declaration (a list, values left to the operation). */
function optionTargets(def: OperationDefinition, collection: string): Map<string, FieldTarget> {
	const options = def.collections?.find((c) => c.name === collection)?.options ?? [];
	return new Map(options.map((o) => [o.property.name, o]));
}

/** The operation context whose `param` returns only values of their declared type. */
export function withTypedInputs(def: OperationDefinition, ctx: OperationContext): OperationContext {
	const declared = declarations(def);
	// Read once per execution by the client (n8n's getNode() deep-copies the node on every call).
	const node = ctx.client.node;
	const walkFor = (target: FieldTarget): Walk => ({
		node,
		itemIndex: ctx.itemIndex,
		anyValue: new Set(target.anyValue ?? []),
		list: target.convert === 'list',
		integer: target.convert === 'integer',
	});
	return {
		...ctx,
		param: <T>(name: string, fallback?: T): T => {
			const value = ctx.param<unknown>(name, fallback);
			const found = declared.get(name);
			// A name declared twice (shown for different choices) is checked only when both agree it is text.
			if (!found || found.some((d) => d.property.type !== found[0].property.type)) return value as T;
			const { property, target } = found[0];
			if (property.type === 'collection' && value && typeof value === 'object' && !Array.isArray(value)) {
				const targets = optionTargets(def, name);
				const out: IDataObject = {};
				for (const [key, v] of Object.entries(value as IDataObject)) {
					const option = (property.options as INodeProperties[]).find((p) => p.name === key);
					if (option && notGiven(option, v)) continue;
					const typed = option ? checked(walkFor(targets.get(key) ?? {}), option, option.displayName, v) : v;
					if (typed !== undefined && typed !== null) out[key] = typed as IDataObject[string];
				}
				return out as T;
			}
			const typed = checked(walkFor(target), property, property.displayName, value);
			// A top-level text parameter that was not given reads as empty text: blank, as a user left it.
			return (typed === undefined && isText(property) ? (fallback ?? '') : typed) as T;
		},
	};
}
