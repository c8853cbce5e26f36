import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';

/** Admins change rarely and come in one response; filtering happens here. */
export async function searchAdmins(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await IntercomClient.create(this);
	const body = await client.request<{ admins?: IDataObject[] }>({ method: 'GET', path: '/admins' });
	const needle = (filter ?? '').toLowerCase();
	const results: INodeListSearchItems[] = (body.admins ?? [])
		.filter((a) => !needle || `${a.name} ${a.email}`.toLowerCase().includes(needle))
		.map((a) => ({ name: `${a.name} (${a.email})`, value: String(a.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
