import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { apiVersionAtLeast } from '../../shared/regions';
import { IntercomClient } from '../../shared/transport/client';
import { itemsOf } from '../../shared/transport/pagination';

/** Intercom's conversation attribute types, as the data attribute types the node works with. */
const CONVERSATION_DATA_TYPES: Record<string, string> = { datetime: 'date', decimal: 'float', list: 'string', relationship: 'string', files: 'string' };

/**
 * A workspace's data attributes of one model. Up to API 2.15 they all come from
 * `GET /data_attributes?model=…`; from 2.16 on, conversation attributes come from
 * `GET /conversations/attributes` (all of them the workspace's own, writable through the API, with
 * their own type names), given here in the shape of data attributes.
 */
export async function dataAttributesOf(fn: ILoadOptionsFunctions, model: 'contact' | 'company' | 'conversation'): Promise<IDataObject[]> {
	const client = await IntercomClient.create(fn);
	if (model !== 'conversation' || !apiVersionAtLeast(client.apiVersion, '2.16')) {
		return itemsOf(await client.request<IDataObject>({ method: 'GET', path: '/data_attributes', query: { model } }), 'data');
	}
	const attributes = itemsOf(await client.request<IDataObject>({ method: 'GET', path: '/conversations/attributes' }), 'data');
	return attributes.map((a) => ({
		...a,
		model: 'conversation',
		label: a.name,
		custom: true,
		api_writable: true,
		data_type: CONVERSATION_DATA_TYPES[String(a.data_type)] ?? a.data_type,
	}));
}
