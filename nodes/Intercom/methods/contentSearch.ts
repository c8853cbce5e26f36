import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { IntercomClient } from '../../shared/transport/client';
import { getPath, itemsOf } from '../../shared/transport/pagination';

// Every exported function here is a listSearch method (the node registers the whole module):
// Help Center collections, news items and newsfeeds.

const PAGE_SIZE = 20;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return needle === '' || texts.some((t) => String(t ?? '').toLowerCase().includes(needle));
}

async function get(fn: ILoadOptionsFunctions, path: string, query?: IDataObject): Promise<IDataObject> {
	const client = await IntercomClient.create(fn);
	return await client.request<IDataObject>({ method: 'GET', path, query });
}

/** Collections a page at a time, most recently updated first; a filter matches the name or the ID. */
export async function searchCollections(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const body = await get(this, '/help_center/collections', { page, per_page: PAGE_SIZE });
	const results: INodeListSearchItems[] = itemsOf(body, 'data')
		.filter((c) => matches(filter, c.name, c.id))
		.map((c) => {
			const item: INodeListSearchItems = { name: `${String(c.name || `Collection ${c.id}`)}${c.parent_id ? ' (nested)' : ''}`, value: String(c.id) };
			if (typeof c.url === 'string' && c.url !== '') item.url = c.url;
			return item;
		});
	const more = page < Number(getPath(body, 'pages.total_pages') ?? 0);
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/** News items (Intercom lists them in one answer); a filter matches the title or the ID. */
export async function searchNewsItems(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await get(this, '/news/news_items');
	const results = itemsOf(body, 'data')
		.filter((n) => matches(filter, n.title, n.id))
		.map((n) => ({ name: `${String(n.title || `News item ${n.id}`)}${n.state === 'draft' ? ' (draft)' : ''}`, value: String(n.id) }));
	return { results };
}

export async function searchNewsfeeds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await get(this, '/news/newsfeeds');
	const results = itemsOf(body, 'data')
		.filter((f) => matches(filter, f.name, f.id))
		.map((f) => ({ name: String(f.name || `Newsfeed ${f.id}`), value: String(f.id) }));
	return { results };
}
