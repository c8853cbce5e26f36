/**
 * New Company, from the company list: every company of the workspace, in no order Intercom
 * documents. Each poll reads the whole list (no date filter exists for companies), so a company is
 * found whatever its position, and the cursor emits each creation once.
 *
 * Page numbers (GET /companies) reach only the 10,000th company: Intercom refuses a page past it
 * ("page limit reached, please use scroll API"). A list longer than its pages reach (as the first
 * page's `total_count` says, or any later page's, or that refusal) is read through the scroll API
 * instead, in the same poll. Intercom keeps one company scroll per workspace: while someone else's
 * is open, the poll fails with an error saying so and moves nothing, and a later poll reads again.
 * The list is never partly trusted: a read cut short by the time budget fails the poll, as before.
 */
import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { COMPANY_LIST_REACH, isPageLimitError, scrollCompanies } from '../../shared/transport/company-scroll';
import { itemsOf, MAX_PER_PAGE, paginate, reachOfPages } from '../../shared/transport/pagination';
import { compareKeys } from '../cursor';
import { eventKey, wholeWindow, type RecordSource, type TriggerEvent, type WindowRead } from '../reading';
import type { PollStream, StreamContext } from './types';

const SAMPLE_PAGE = 25;
/** The most companies page numbers reach in the paginator's pages (its largest, when reading everything): 9,900. */
const LIST_REACH = reachOfPages(COMPANY_LIST_REACH, MAX_PER_PAGE);

/**
 * Each company at its `created_at` or, lacking it, the documented fallback (eventKey): its
 * `updated_at`, or untimed (the whole list is read on each poll, so such a company comes again on
 * each, under the same `event_id`).
 */
function source(now: number): RecordSource {
	return {
		request: { method: 'GET', path: '/companies' },
		pagination: 'page',
		itemsPath: 'data',
		timeOf: (record) => Number(record.created_at),
		eventsOf: (record): TriggerEvent[] => [{ ...eventKey(record, 'company.created', String(record.id), 'created_at', now, ['updated_at']), event: 'company.created', data: { company: record } }],
	};
}

const WHEN_SCROLL_IS_OPEN =
	'New Company reads a list of more than 9,900 companies through that scroll. This poll read nothing and moved nothing: a later poll reads again. Make sure no workflow lists all companies (Company → Get Many with Return All) at the times this trigger polls, or use the Intercom Webhook Trigger (company.created).';

/** The whole list by page number, or undefined when it is longer than page numbers reach. */
async function readByPage(ctx: StreamContext, list: RecordSource): Promise<WindowRead | undefined> {
	const records: IDataObject[] = [];
	let stopped = false;
	try {
		const pages = paginate(ctx.client, list.request, {
			pagination: list.pagination,
			itemsPath: list.itemsPath,
			shouldStop: () => (stopped = ctx.limits.outOfTime()),
		});
		for await (const page of pages) {
			if (Number(page.body.total_count) > LIST_REACH) return undefined;
			records.push(...page.items);
		}
	} catch (error) {
		if (isPageLimitError(error)) return undefined;
		// The transport's errors are NodeApiErrors already, which this hands back as they are.
		throw new NodeApiError(ctx.node, error as JsonObject);
	}
	return wholeWindow(records, list, ctx.limits, stopped);
}

async function readByScroll(ctx: StreamContext, list: RecordSource): Promise<WindowRead> {
	const { companies, complete } = await scrollCompanies(ctx.client, ctx.node, {
		shouldStop: () => ctx.limits.outOfTime(),
		whenScrollIsOpen: WHEN_SCROLL_IS_OPEN,
	});
	return wholeWindow(companies, list, ctx.limits, !complete);
}

export const companyStream: PollStream = {
	async read(ctx: StreamContext) {
		const list = source(ctx.now);
		return (await readByPage(ctx, list)) ?? (await readByScroll(ctx, list));
	},
	/**
	 * The newest company of the first and last pages (two requests at most, whichever end is
	 * newest); of a list longer than page numbers reach, the last page they reach.
	 */
	async sample(ctx: StreamContext) {
		const page = async (n: number) =>
			await ctx.client.request<IDataObject>({ method: 'GET', path: '/companies', query: { page: n, per_page: SAMPLE_PAGE } });
		const first = await page(1);
		const lastPage = Math.min(Number((first.pages as IDataObject | undefined)?.total_pages ?? 1), COMPANY_LIST_REACH / SAMPLE_PAGE);
		const records = [...itemsOf(first, 'data'), ...(lastPage > 1 ? itemsOf(await page(lastPage), 'data') : [])];
		const latest = records.flatMap(source(ctx.now).eventsOf).sort((a, b) => compareKeys(b.key, a.key))[0];
		return latest ? [latest] : [];
	},
};
