import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { IntercomClient } from '../../nodes/shared/transport/client';
import { collect, type PaginationKind } from '../../nodes/shared/transport/pagination';
import { registerNodeType } from './n8n';

/**
 * A minimal node that sends one transport call, so the transport's behaviour (retries, pagination,
 * escaping) is tested through n8n-core's real request helpers without depending on any operation.
 */
class TransportProbe implements INodeType {
	description = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends one Intercom request',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'intercomAccessTokenApi', required: true }],
		properties: [{ displayName: 'Call', name: 'call', type: 'json', default: '{}' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const call = JSON.parse(this.getNodeParameter('call', 0) as string) as IDataObject;
		const client = await IntercomClient.create(this, { credentialType: 'intercomAccessTokenApi' });
		const request = {
			method: call.method as 'GET',
			path: call.path as string,
			pathParams: call.pathParams as IDataObject as Record<string, string>,
			query: call.query as IDataObject,
			body: call.body as IDataObject,
			idempotent: call.idempotent as boolean,
		};
		if (call.pagination) {
			const items = await collect(client, request, {
				pagination: call.pagination as PaginationKind,
				itemsPath: call.itemsPath as string,
				limit: call.limit as number | undefined,
			});
			return [[{ json: { count: items.length, ids: items.map((i) => i.id) as string[], requests: client.requestCount } }]];
		}
		const body = await client.request(request);
		return [[{ json: { body: body as IDataObject, requests: client.requestCount } }]];
	}
}

export const PROBE_TYPE = 'test.transportProbe';
registerNodeType(PROBE_TYPE, new TransportProbe());
