import type { IDataObject } from 'n8n-workflow';

import { getPath } from '../../../shared/transport/pagination';

/**
 * The query for the page after `page` of an article search, or undefined on the last page.
 *
 * Search is sent without paging parameters, as the spec declares it; Intercom answers its default
 * page size with `pages.page / per_page / total_pages`. Later pages are asked for the way
 * Intercom's own next links do (`page` with the `per_page` it answered), so pages never overlap.
 */
export function nextSearchPage(body: IDataObject, page: number): { page: number; per_page?: number } | undefined {
	const totalPages = Number(getPath(body, 'pages.total_pages') ?? 0);
	if (!(page < totalPages)) return undefined;
	const perPage = Number(getPath(body, 'pages.per_page'));
	return Number.isInteger(perPage) && perPage > 0 ? { page: page + 1, per_page: perPage } : { page: page + 1 };
}
