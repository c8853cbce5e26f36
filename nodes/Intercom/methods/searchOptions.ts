import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { attributePrefix, operatorsFor, OPERATORS, SEARCH_FIELDS, type SearchFieldType, type SearchObject } from '../actions/search/catalog';
import { ticketAttributeSearchType } from './ticketCatalog';
import { dataAttributesOf } from './dataAttributes';

/** A custom attribute's type, from the workspace's data attributes. */
async function customAttributeType(fn: ILoadOptionsFunctions, object: SearchObject, field: string): Promise<SearchFieldType | undefined> {
	if (object === 'ticket') return await ticketAttributeSearchType(fn, field.slice(attributePrefix(object).length));
	const name = field.slice(attributePrefix(object).length);
	const type = (await dataAttributesOf(fn, object)).find((a) => a.name === name)?.data_type;
	return ['string', 'integer', 'float', 'date', 'boolean'].includes(String(type)) ? (type as SearchFieldType) : undefined;
}

/** The operators the condition's field accepts, by its type (dates take only =, <, >). */
export async function getSearchOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const resource = this.getCurrentNodeParameter('resource');
	const object: SearchObject = resource === 'conversation' || resource === 'ticket' ? resource : 'contact';
	let field = '';
	try {
		field = String(this.getCurrentNodeParameter('&field') ?? '');
	} catch {
		field = '';
	}
	let type: SearchFieldType | undefined = SEARCH_FIELDS[object].get(field);
	if (!type && field.startsWith(attributePrefix(object))) type = await customAttributeType(this, object, field);
	const allowed = field && !field.startsWith('=') ? operatorsFor(field, type, object) : OPERATORS.map((o) => o.api);
	return OPERATORS.filter((o) => allowed.includes(o.api)).map((o) => ({ name: o.name, value: o.value }));
}
