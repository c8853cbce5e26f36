import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fileProperties } from './files';
import type { OperationDefinition, Resource } from './types';

export interface ResourceInfo {
	value: Resource;
	name: string;
	description: string;
}

function showFor(def: OperationDefinition, property: INodeProperties): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			// Resource and operation first: n8n shows a field as soon as it meets a condition whose
			// value is an expression, so a field's own conditions must not be checked before these.
			show: { resource: [def.resource], operation: [def.value], ...show },
		},
	};
}

function listProperties(def: OperationDefinition): INodeProperties[] {
	return [
		showFor(def, {
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		}),
		showFor(def, {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(def.list?.reach ? { maxValue: def.list.reach.items } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		}),
	];
}

/**
 * The node's parameters, derived from the operation definitions: the resource list, one operation
 * list per resource, then each operation's fields shown only for it. Nothing here is written twice.
 */
export function describeOperations(allResources: ResourceInfo[], definitions: OperationDefinition[]): INodeProperties[] {
	const resources = allResources.filter((r) => definitions.some((d) => d.resource === r.value));
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ value, name, description }) => ({ value, name, description })),
			default: 'contact',
		},
	];
	for (const resource of resources) {
		const defs = definitions.filter((d) => d.resource === resource.value);
		const options: INodePropertyOptions[] = defs
			.map((d) => ({ name: d.name, value: d.value, action: d.action, description: d.description }))
			.sort((a, b) => a.name.localeCompare(b.name));
		// Get where the resource has one; list-only resources open on their first operation.
		const defaultOperation = defs.some((d) => d.value === 'get') ? 'get' : defs[0].value;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options,
			default: defaultOperation,
		});
	}
	for (const def of definitions) {
		for (const field of def.fields) properties.push(showFor(def, field.property));
		if (def.list) properties.push(...listProperties(def));
		for (const property of fileProperties(def)) properties.push(showFor(def, property));
		for (const collection of def.collections ?? []) {
			properties.push(
				showFor(def, {
					displayName: collection.displayName,
					name: collection.name,
					type: 'collection',
					placeholder: collection.placeholder ?? 'Add Field',
					default: {},
					options: collection.options
						.map((o) => o.property)
						.sort((a, b) => a.displayName.localeCompare(b.displayName)),
				}),
			);
		}
	}
	return properties;
}
