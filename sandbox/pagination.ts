/**
 * Intercom-style pagination.
 *
 * Cursor lists (contacts, conversations, companies' contacts, notes, search
 * results) answer `pages: {type:'pages', page, per_page, total_pages,
 * next?: {per_page, starting_after}}`. The cursor is opaque base64 of
 * `[sortValue, id, nextPage]`, like Intercom's own (base64 of a JSON array),
 * so clients must URL-encode it. Position is found by binary search on
 * (created_at, id), so a page costs O(log N + per_page) and pages stay
 * gap-free and repeat-free while records are updated or created.
 *
 * Articles use page numbers (`page`, `per_page`).
 */
import { badRequest } from './errors';
import type { Ordered, OrderedCollection } from './store/ordered-collection';
import { compareIds } from './store/ordered-collection';

export const MAX_PER_PAGE = 150;

export interface CursorPages {
	type: 'pages';
	page: number;
	per_page: number;
	total_pages: number;
	next?: { per_page: number; starting_after: string };
}

/** Parses per_page the way Intercom does: integer 1..150, else 400. */
export function parsePerPage(raw: unknown, fallback: number): number {
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'number' ? raw : Number(raw);
	if (!Number.isInteger(value) || value < 1) throw badRequest('per_page must be a positive integer', 'parameter_invalid', 'per_page');
	if (value > MAX_PER_PAGE) {
		throw badRequest(`per_page must be less than or equal to ${MAX_PER_PAGE}`, 'parameter_invalid', 'per_page');
	}
	return value;
}

export function parsePageNumber(raw: unknown): number {
	if (raw === undefined || raw === null || raw === '') return 1;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw badRequest('page must be a positive integer', 'parameter_invalid', 'page');
	return value;
}

export function encodeCursor(sortValue: unknown, id: string, nextPage: number): string {
	return Buffer.from(JSON.stringify([sortValue, id, nextPage])).toString('base64');
}

export function decodeCursor(cursor: string): { sortValue: unknown; id: string; page: number } {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
		if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[1] === 'string' && Number.isInteger(parsed[2])) {
			return { sortValue: parsed[0], id: parsed[1], page: parsed[2] };
		}
	} catch {
		// fall through to the Intercom-style error below
	}
	throw badRequest('starting_after is invalid', 'parameter_invalid', 'starting_after');
}

function pagesFor(total: number, perPage: number, page: number, next?: string): CursorPages {
	const pages: CursorPages = {
		type: 'pages',
		page,
		per_page: perPage,
		total_pages: Math.ceil(total / perPage),
	};
	if (next) pages.next = { per_page: perPage, starting_after: next };
	return pages;
}

/** One page of an ordered collection, after the cursor if given. */
export function pageOfCollection<T extends Ordered>(
	collection: OrderedCollection<T>,
	perPage: number,
	startingAfter: string | undefined,
): { items: T[]; pages: CursorPages; total: number } {
	let start = 0;
	let page = 1;
	if (startingAfter) {
		const cursor = decodeCursor(startingAfter);
		if (typeof cursor.sortValue !== 'number') throw badRequest('starting_after is invalid', 'parameter_invalid', 'starting_after');
		start = collection.indexAfter(cursor.sortValue, cursor.id);
		page = cursor.page;
	}
	const items: T[] = [];
	for (let i = start; i < collection.size && items.length < perPage; i++) items.push(collection.at(i) as T);
	const last = items[items.length - 1];
	const hasMore = start + items.length < collection.size;
	const next = hasMore && last ? encodeCursor(last.created_at, last.id, page + 1) : undefined;
	return { items, pages: pagesFor(collection.size, perPage, page, next), total: collection.size };
}

/** Sort key of a record for list/search ordering: (value, id). */
export type SortValue = number | string | boolean | null;

function compareValues(a: SortValue, b: SortValue): number {
	if (a === b) return 0;
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a) < String(b) ? -1 : 1;
}

/**
 * One page of an in-memory result set (search). Results are ordered by
 * (value, id) in the requested direction; the cursor carries the last key,
 * so an item updated between pages cannot be skipped or repeated unless its
 * sort value itself moved. Only the page is selected (a bounded insertion
 * pass, O(n log per_page)) instead of sorting every match.
 */
export function pageOfResults<T extends { id: string }>(
	results: readonly T[],
	sortValue: (item: T) => SortValue,
	order: 'asc' | 'desc',
	perPage: number,
	startingAfter: string | undefined,
): { items: T[]; pages: CursorPages; total: number } {
	const direction = order === 'desc' ? -1 : 1;
	const compare = (av: SortValue, aid: string, bv: SortValue, bid: string) =>
		direction * (compareValues(av, bv) || compareIds(aid, bid));
	let cursor: { sortValue: SortValue; id: string } | undefined;
	let page = 1;
	if (startingAfter) {
		const decoded = decodeCursor(startingAfter);
		cursor = { sortValue: decoded.sortValue as SortValue, id: decoded.id };
		page = decoded.page;
	}
	// The perPage + 1 smallest keys after the cursor; the extra one tells whether more exist.
	const top: { item: T; value: SortValue }[] = [];
	for (const item of results) {
		const value = sortValue(item);
		if (cursor && compare(value, item.id, cursor.sortValue, cursor.id) <= 0) continue;
		if (top.length > perPage) {
			const last = top[perPage];
			if (compare(value, item.id, last.value, last.item.id) >= 0) continue;
		}
		let lo = 0;
		let hi = top.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (compare(top[mid].value, top[mid].item.id, value, item.id) < 0) lo = mid + 1;
			else hi = mid;
		}
		top.splice(lo, 0, { item, value });
		if (top.length > perPage + 1) top.pop();
	}
	const slice = top.slice(0, perPage);
	const last = slice[slice.length - 1];
	const next = top.length > perPage && last ? encodeCursor(last.value, last.item.id, page + 1) : undefined;
	return { items: slice.map((k) => k.item), pages: pagesFor(results.length, perPage, page, next), total: results.length };
}

/** Page-number pagination (articles). */
export function pageOfNumbered<T>(items: readonly T[], page: number, perPage: number) {
	const totalPages = Math.ceil(items.length / perPage);
	return {
		items: items.slice((page - 1) * perPage, page * perPage),
		pages: { type: 'pages' as const, page, per_page: perPage, total_pages: totalPages },
		total: items.length,
	};
}
