/**
 * Every company of a workspace through Intercom's scroll API (GET /companies/scroll), for the
 * action node's Return All and the trigger's New Company alike: Intercom lists companies by page
 * number only as far as the 10,000th ("page limit reached, please use scroll API"), and the
 * scroll has no such limit.
 *
 * Intercom keeps one open scroll per workspace and expires it a minute after its last use. A
 * scroll read to its end (an empty page) is closed, so a finished walk leaves none open. When the
 * scroll expires mid-walk, it is opened again and the companies already read are skipped. When
 * another scroll is open (another workflow, or a walk stopped part-way less than a minute ago),
 * the error says so instead of Intercom's terse "scroll_exists".
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { IntercomClient } from './client';
import { intercomErrorsOf } from './errors';
import { itemsOf } from './pagination';

/** Restarts after the scroll expired mid-walk (a minute without a request, say after long rate-limit waits). */
const MAX_RESTARTS = 3;

/** How far page numbers reach into a company list (Intercom refuses a page past the 10,000th company). */
export const COMPANY_LIST_REACH = 10_000;

export const SCROLL_OPEN_MESSAGE = 'Another scroll over all companies is open in this Intercom workspace';

export interface CompanyScrollOptions {
	/** What the user can do about a scroll someone else holds: the error's description, after why. */
	whenScrollIsOpen: string;
	itemIndex?: number;
	/** Asked before each further page: true ends the walk there (`complete: false`). */
	shouldStop?: () => boolean;
}

/** True for Intercom's refusal of a company page past the reach of page numbers. */
export function isPageLimitError(error: unknown): boolean {
	return (error as NodeApiError)?.httpCode === '400' && intercomErrorsOf(error).some((e) => /page limit reached/i.test(e.message));
}

export async function scrollCompanies(
	client: IntercomClient,
	node: INode,
	options: CompanyScrollOptions,
): Promise<{ companies: IDataObject[]; complete: boolean }> {
	const seen = new Set<string>();
	const companies: IDataObject[] = [];
	let scrollParam: string | undefined;
	let restarts = 0;
	for (;;) {
		if (scrollParam !== undefined && options.shouldStop?.()) return { companies, complete: false };
		let body: IDataObject;
		try {
			body = await client.request<IDataObject>({
				method: 'GET',
				path: '/companies/scroll',
				query: scrollParam ? { scroll_param: scrollParam } : {},
				subject: 'Company scroll',
				itemIndex: options.itemIndex,
			});
		} catch (error) {
			const expired = scrollParam !== undefined && error instanceof NodeApiError && error.httpCode === '404';
			if (expired && restarts < MAX_RESTARTS) {
				restarts++;
				scrollParam = undefined;
				continue;
			}
			if (scrollParam === undefined && intercomErrorsOf(error).some((e) => e.code === 'scroll_exists')) {
				throw new NodeOperationError(node, SCROLL_OPEN_MESSAGE, {
					itemIndex: options.itemIndex,
					description: `Intercom allows one company scroll per workspace at a time. It closes when read to the end, or a minute after its last use. ${options.whenScrollIsOpen}`,
				});
			}
			// The transport's errors are already NodeApiErrors naming the request; keep them as they are.
			throw new NodeApiError(node, error as JsonObject, { itemIndex: options.itemIndex });
		}
		const page = itemsOf(body, 'data');
		if (page.length === 0) return { companies, complete: true };
		for (const company of page) {
			const id = String(company.id);
			if (seen.has(id)) continue;
			seen.add(id);
			companies.push(company);
		}
		const next = body.scroll_param;
		if (typeof next !== 'string' || next === '') return { companies, complete: true };
		scrollParam = next;
	}
}
