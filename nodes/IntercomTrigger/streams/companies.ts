/**
 * New Company, from GET /companies: every company of the workspace, page-numbered, in no order
 * Intercom documents. Each poll reads the whole list (no date filter exists for companies), so a
 * company is found whatever its position, and the cursor emits each creation once. The scroll API
 * is left to the action node's Return All: Intercom allows one open scroll per workspace, and a
 * trigger holding it would make the user's own "all companies" reads fail.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf } from '../../shared/transport/pagination';
import { compareKeys } from '../cursor';
import { readAll, type RecordSource, type TriggerEvent } from '../reading';
import type { PollStream, StreamContext } from './types';

const SAMPLE_PAGE = 25;

const source: RecordSource = {
	request: { method: 'GET', path: '/companies' },
	pagination: 'page',
	itemsPath: 'data',
	timeOf: (record) => Number(record.created_at),
	eventsOf: (record): TriggerEvent[] => {
		const ts = record.created_at;
		return typeof ts === 'number' ? [{ key: { ts, id: String(record.id) }, event: 'company.created', data: { company: record } }] : [];
	},
};

export const companyStream: PollStream = {
	async read(ctx: StreamContext) {
		return await readAll(ctx.client, source, ctx.limits);
	},
	/** The newest company of the first and last pages (two requests at most, whichever end is newest). */
	async sample(ctx: StreamContext) {
		const page = async (n: number) =>
			await ctx.client.request<IDataObject>({ method: 'GET', path: '/companies', query: { page: n, per_page: SAMPLE_PAGE } });
		const first = await page(1);
		const lastPage = Number((first.pages as IDataObject | undefined)?.total_pages ?? 1);
		const records = [...itemsOf(first, 'data'), ...(lastPage > 1 ? itemsOf(await page(lastPage), 'data') : [])];
		const latest = records.flatMap(source.eventsOf).sort((a, b) => compareKeys(b.key, a.key))[0];
		return latest ? [latest] : [];
	},
};
