import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { CUSTOM_ATTRIBUTE_PREFIX, operatorsFor, OPERATORS, SEARCH_FIELDS, type SearchFieldType, type SearchObject } from '../actions/search/catalog';
import { IntercomClient } from '../../shared/transport/client';

/** A custom attribute's type, from the workspace's data attributes. */
async function customAttributeType(fn: ILoadOptionsFunctions, object: SearchObject, field: string): Promise<SearchFieldType | undefined> {
	const client = await IntercomClient.create(fn);
	const body = await client.request<{ data?: IDataObject[] }>({ method: 'GET', path: '/data_attributes', query: { model: object } });
	const name = field.slice(CUSTOM_ATTRIBUTE_PREFIX.length);
	const type = (body.data ?? []).find((a) => a.name === name)?.data_type;
	return ['string', 'integer', 'float', 'date', 'boolean'].includes(String(type)) ? (type as SearchFieldType) : undefined;
}

/** The operators the condition's field accepts, by its type (dates take only =, <, >). */
export async function getSearchOperators(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const object: SearchObject = this.getCurrentNodeParameter('resource') === 'conversation' ? 'conversation' : 'contact';
	let field = '';
	try {
		field = String(this.getCurrentNodeParameter('&field') ?? '');
	} catch {
		field = '';
	}
	let type: SearchFieldType | undefined = SEARCH_FIELDS[object].get(field);
	if (!type && field.startsWith(CUSTOM_ATTRIBUTE_PREFIX)) type = await customAttributeType(this, object, field);
	const allowed = field && !field.startsWith('=') ? operatorsFor(field, type) : OPERATORS.map((o) => o.api);
	return OPERATORS.filter((o) => allowed.includes(o.api)).map((o) => ({ name: o.name, value: o.value }));
}
