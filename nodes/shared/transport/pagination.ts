import type { IDataObject } from 'n8n-workflow';

import type { IntercomClient, IntercomRequest } from './client';

/** Intercom's largest page; Return All always asks for it. */
export const MAX_PER_PAGE = 150;

/**
 * How a list endpoint pages:
 * - `cursor`: GET with `per_page` and `starting_after` from `pages.next.starting_after`;
 * - `search`: POST whose cursor travels in the body, `pagination: {per_page, starting_after}`;
 * - `page`: page numbers (`page`, `per_page`, until `pages.total_pages`), as articles do;
 * - `linked`: the first page is asked for without paging parameters (the spec declares none) and
 *   each later page exactly as the answer links it (see `nextLinkedQuery`): internal articles, AI content.
 */
export type PaginationKind = 'cursor' | 'search' | 'page' | 'linked';

export interface ListOptions {
	pagination: PaginationKind;
	/**
	 * Where the items are in each page, as a dotted path: `data`, `conversations`, `data.articles`;
	 * several when the spec and Intercom's answers disagree (the first that holds an array wins).
	 */
	itemsPath: string | string[];
	/** Undefined means every item (Return All). */
	limit?: number;
	/** The largest page this list serves, when smaller than Intercom's usual 150 (calls: 25). */
	maxPerPage?: number;
	/** Stop early (before fetching the next page) when this says so: a poll's time budget. */
	shouldStop?: () => boolean;
	/** Cursor lists and search: continue a walk from the position a page gave (`pages.next.starting_after`). */
	startingAfter?: string;
}

export interface Page {
	items: IDataObject[];
	body: IDataObject;
	/** The position this page was asked from (undefined: the first page of the list). */
	startingAfter?: string;
}

export function getPath(body: unknown, path: string): unknown {
	let value: unknown = body;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

export function nextCursor(body: IDataObject): string | undefined {
	const next = getPath(body, 'pages.next');
	if (next && typeof next === 'object') {
		const cursor = (next as IDataObject).starting_after;
		return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
	}
	return undefined;
}

function withPage(req: IntercomRequest, kind: PaginationKind, perPage: number, cursor: string | undefined, page: number): IntercomRequest {
	if (kind === 'search') {
		const pagination: IDataObject = { per_page: perPage };
		if (cursor) pagination.starting_after = cursor;
		return { ...req, body: { ...req.body, pagination } };
	}
	if (kind === 'page') return { ...req, query: { ...req.query, page, per_page: perPage } };
	const query: IDataObject = { ...req.query, per_page: perPage };
	if (cursor) query.starting_after = cursor;
	return { ...req, query };
}

/**
 * How many items a page-numbered list that Intercom serves only up to `reach` items gives in pages
 * of `perPage`: a page that would end past the reach is refused (companies: pages of 150 reach the
 * 9,900th, since the 67th would end at 10,050).
 */
export function reachOfPages(reach: number, perPage: number): number {
	return Math.floor(reach / perPage) * perPage;
}

export function itemsOf(body: unknown, itemsPath: string | string[]): IDataObject[] {
	for (const path of Array.isArray(itemsPath) ? itemsPath : [itemsPath]) {
		const found = getPath(body, path);
		if (Array.isArray(found)) return found as IDataObject[];
	}
	return [];
}

/**
 * Walks a list page by page. With a limit it asks for no more than needed (a limit under 150
 * asks for exactly that many) and stops without an extra request once the limit is reached.
 *
 * Some lists the spec types as cursor pages (a contact's notes) answer with page numbers
 * (`page`, `total_pages`, `next: null`); a cursor list follows whichever the response gives.
 * Page numbers keep the first page's `per_page`: a different size would shift the offsets.
 */
export async function* paginate(client: IntercomClient, req: IntercomRequest, options: ListOptions): AsyncGenerator<Page> {
	if (options.pagination === 'linked') {
		yield* paginateLinked(client, req, options);
		return;
	}
	const { itemsPath, limit } = options;
	let kind = options.pagination;
	let remaining = limit === undefined ? Infinity : Math.max(0, Math.floor(limit));
	const largest = options.maxPerPage ?? MAX_PER_PAGE;
	const firstPerPage = Math.min(largest, remaining);
	let cursor: string | undefined = kind === 'page' ? undefined : options.startingAfter;
	let page = 1;
	while (remaining > 0) {
		const perPage = kind === 'page' ? firstPerPage : Math.min(largest, remaining);
		const body = await client.request<IDataObject>(withPage(req, kind, perPage, cursor, page));
		const found = itemsOf(body, itemsPath);
		const items = found.length > remaining ? found.slice(0, remaining) : found;
		remaining -= items.length;
		yield { items, body, startingAfter: cursor };
		if (items.length === 0) return;
		const next = kind === 'page' ? undefined : nextCursor(body);
		const hasMorePages = page < Number(getPath(body, 'pages.total_pages') ?? 0);
		if (next) {
			cursor = next;
		} else if ((kind === 'page' || (kind === 'cursor' && cursor === undefined)) && hasMorePages) {
			kind = 'page';
			page++;
		} else {
			return;
		}
		if (options.shouldStop?.()) return;
	}
}

/**
 * The query of the page after this one as Intercom's answer links it, or undefined on the last page:
 * - `pages.next` as a URL (pages_link): its query alone, sent to the credential's own base URL, so a
 *   link can never carry the token to another host;
 * - `pages.next.starting_after` (cursor_pages with a cursor): that cursor;
 * - otherwise, while `pages.page` < `pages.total_pages`: the next page number with the `per_page`
 *   Intercom answered, so pages never overlap.
 * `current` is the paging query of the page just read; a link back to it is the last page.
 */
export function nextLinkedQuery(body: IDataObject, current: IDataObject): IDataObject | undefined {
	const next = getPath(body, 'pages.next');
	let query: IDataObject | undefined;
	if (typeof next === 'string' && next !== '') {
		let url: URL | undefined;
		try {
			url = new URL(next, 'https://api.intercom.io');
		} catch {
			url = undefined;
		}
		query = url ? Object.fromEntries(url.searchParams.entries()) : undefined;
	} else if (next && typeof next === 'object' && typeof (next as IDataObject).starting_after === 'string') {
		query = { starting_after: (next as IDataObject).starting_after };
	} else {
		const page = Number(getPath(body, 'pages.page') ?? current.page ?? 1);
		const totalPages = Number(getPath(body, 'pages.total_pages') ?? 0);
		if (Number.isInteger(page) && page < totalPages) {
			const perPage = Number(getPath(body, 'pages.per_page'));
			query = Number.isInteger(perPage) && perPage > 0 ? { page: page + 1, per_page: perPage } : { page: page + 1 };
		}
	}
	if (!query || Object.keys(query).length === 0) return undefined;
	const same = Object.keys(query).length === Object.keys(current).length && Object.entries(query).every(([k, v]) => String(current[k]) === String(v));
	return same ? undefined : query;
}

/** `linked` pages: the request as declared, then each page the answer links (nextLinkedQuery). */
async function* paginateLinked(client: IntercomClient, req: IntercomRequest, options: ListOptions): AsyncGenerator<Page> {
	let remaining = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
	let paging: IDataObject | undefined = {};
	while (paging && remaining > 0) {
		const body = await client.request<IDataObject>({ ...req, query: { ...req.query, ...paging } });
		const items = itemsOf(body, options.itemsPath).slice(0, remaining);
		remaining -= items.length;
		yield { items, body };
		if (items.length === 0 || options.shouldStop?.()) return;
		paging = nextLinkedQuery(body, paging);
	}
}

/** All items of a list (or up to `limit`), in the order Intercom returned them. */
export async function collect(client: IntercomClient, req: IntercomRequest, options: ListOptions): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const page of paginate(client, req, options)) all.push(...page.items);
	return all;
}
