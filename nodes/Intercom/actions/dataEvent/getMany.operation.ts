import type { IDataObject } from 'n8n-workflow';

import { itemsOf, MAX_PER_PAGE } from '../../../shared/transport/pagination';
import { buildRequest } from '../executor';
import type { OperationDefinition } from '../types';
import { nextEventsQuery } from './paging';
import { eventContactFields } from './shared';

export const getMany: OperationDefinition = {
	resource: 'dataEvent',
	value: 'getMany',
	name: 'Get Many',
	action: "Get a contact's data events",
	description: 'List the data events of one contact (Intercom lists the last 90 days), newest first, with their metadata',
	method: 'GET',
	path: '/events',
	subject: 'Contact',
	fields: eventContactFields('query'),
	fixed: { query: { type: 'user' } },
	list: { pagination: 'none', itemsPath: 'events' },
	// Pages are linked by `pages.next` URLs, which no other list uses (see paging.ts).
	run: async (ctx) => {
		const request = await buildRequest(getMany, ctx);
		const limit = ctx.param<boolean>('returnAll', false) ? Infinity : ctx.param<number>('limit', 50);
		const found: IDataObject[] = [];
		let query: IDataObject | undefined = { ...request.query, per_page: Math.min(MAX_PER_PAGE, limit) };
		while (query && found.length < limit) {
			const body: IDataObject = await ctx.client.request<IDataObject>({ ...request, query });
			const events = itemsOf(body, 'events');
			found.push(...events.slice(0, limit - found.length));
			query = events.length > 0 ? nextEventsQuery(ctx, body, query) : undefined;
		}
		return found;
	},
};
