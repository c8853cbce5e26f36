import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemsOf } from '../../../shared/transport/pagination';
import type { OperationContext } from '../types';

/** Restarts after the scroll expired mid-walk (a minute without a request, say after long rate-limit waits). */
const MAX_RESTARTS = 3;

function intercomCodes(error: unknown): string[] {
	if (!(error instanceof NodeApiError)) return [];
	const errors = (error.errorResponse as JsonObject | undefined)?.errors;
	return Array.isArray(errors) ? errors.map((e) => String((e as JsonObject)?.code ?? '')) : [];
}

/**
 * Every company of the workspace through Intercom's scroll API, which has no 10,000 limit.
 *
 * Intercom keeps one open scroll per workspace and expires it a minute after its last use. A
 * scroll read to its end (an empty page) is closed, so a finished Return All leaves none open.
 * When the scroll expires mid-walk, it is opened again and the companies already read are skipped.
 * When another scroll is open (another workflow, or a run stopped part-way less than a minute
 * ago), the error says so instead of Intercom's terse "scroll_exists".
 */
export async function scrollAllCompanies(ctx: OperationContext): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const companies: IDataObject[] = [];
	let scrollParam: string | undefined;
	let restarts = 0;
	for (;;) {
		let body: IDataObject;
		try {
			body = await ctx.client.request<IDataObject>({
				method: 'GET',
				path: '/companies/scroll',
				query: scrollParam ? { scroll_param: scrollParam } : {},
				subject: 'Company scroll',
				itemIndex: ctx.itemIndex,
			});
		} catch (error) {
			const expired = scrollParam !== undefined && error instanceof NodeApiError && error.httpCode === '404';
			if (expired && restarts < MAX_RESTARTS) {
				restarts++;
				scrollParam = undefined;
				continue;
			}
			if (scrollParam === undefined && intercomCodes(error).includes('scroll_exists')) {
				throw new NodeOperationError(ctx.fn.getNode(), 'Another scroll over all companies is open in this Intercom workspace', {
					itemIndex: ctx.itemIndex,
					description:
						'Intercom allows one company scroll per workspace at a time. It closes when read to the end, or a minute after its last use: run again in a minute, and make sure no other workflow lists all companies at the same time (or turn off Return All to use pages of up to 10,000 companies).',
				});
			}
			// The transport's errors are already NodeApiErrors naming the request; keep them as they are.
			throw new NodeApiError(ctx.fn.getNode(), error as JsonObject, { itemIndex: ctx.itemIndex });
		}
		const page = itemsOf(body, 'data');
		if (page.length === 0) return companies;
		for (const company of page) {
			const id = String(company.id);
			if (seen.has(id)) continue;
			seen.add(id);
			companies.push(company);
		}
		const next = body.scroll_param;
		if (typeof next !== 'string' || next === '') return companies;
		scrollParam = next;
	}
}
