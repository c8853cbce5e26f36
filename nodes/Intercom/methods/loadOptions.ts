import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';

async function optionsFrom(
	fn: ILoadOptionsFunctions,
	path: string,
	itemsKey: string,
	label: (item: IDataObject) => string,
): Promise<INodePropertyOptions[]> {
	const client = await IntercomClient.create(fn);
	const body = await client.request<IDataObject>({ method: 'GET', path });
	const items = (body[itemsKey] ?? []) as IDataObject[];
	return items.map((item) => ({ name: label(item), value: String(item.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAwayStatusReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, '/away_status_reasons', 'data', (r) => `${r.emoji ? `${r.emoji} ` : ''}${r.label}`);
}

export async function getAdmins(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, '/admins', 'admins', (a) => `${a.name} (${a.email})`);
}
