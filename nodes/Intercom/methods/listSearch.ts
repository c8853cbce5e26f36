import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { IntercomClient, type IntercomRequest } from '../../shared/transport/client';
import { getPath, itemsOf, nextLinkedQuery } from '../../shared/transport/pagination';
import { COMPANY_LIST_REACH } from '../../shared/transport/company-scroll';
import { nextSearchPage } from '../actions/article/paging';

// Every exported function here is a listSearch method (the node registers the whole module).

/** One screenful for a resource locator's list; n8n asks for more with the pagination token. */
const PAGE_SIZE = 20;
const NAME_LENGTH = 80;

/** The cursor for the next page of a cursor-paged list or search, as n8n's pagination token. */
function nextCursor(body: IDataObject): string | undefined {
	const cursor = getPath(body, 'pages.next.starting_after');
	return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}

function oneLine(text: unknown): string {
	const plain = String(text ?? '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > NAME_LENGTH ? `${plain.slice(0, NAME_LENGTH - 1)}…` : plain;
}

async function send(fn: ILoadOptionsFunctions, request: IntercomRequest): Promise<IDataObject> {
	const client = await IntercomClient.create(fn);
	return await client.request<IDataObject>(request);
}

/** Admins change rarely and come in one response; filtering happens here. */
export async function searchAdmins(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await send(this, { method: 'GET', path: '/admins' });
	const needle = (filter ?? '').toLowerCase();
	const results: INodeListSearchItems[] = itemsOf(body, 'admins')
		.filter((a) => !needle || `${a.name} ${a.email}`.toLowerCase().includes(needle))
		.map((a) => ({ name: `${a.name} (${a.email})`, value: String(a.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

function contactName(contact: IDataObject): string {
	const who = oneLine(contact.name);
	const email = String(contact.email ?? '');
	if (who && email) return `${who} (${email})`;
	return who || email || (contact.external_id ? `External ID ${contact.external_id}` : `Contact ${contact.id}`);
}

/**
 * Without a filter, the workspace's contacts in Intercom's order; with one, contacts whose email or
 * name contains it, whose external ID starts with it, or whose ID it is.
 */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	let body: IDataObject;
	if (text === '') {
		const query: IDataObject = { per_page: PAGE_SIZE };
		if (paginationToken) query.starting_after = paginationToken;
		body = await send(this, { method: 'GET', path: '/contacts', query });
	} else {
		const filters: IDataObject[] = [
			{ field: 'email', operator: '~', value: text },
			{ field: 'name', operator: '~', value: text },
			{ field: 'external_id', operator: '^', value: text },
		];
		if (/^[a-f0-9]{24}$/i.test(text)) filters.push({ field: 'id', operator: '=', value: text });
		const pagination: IDataObject = { per_page: PAGE_SIZE };
		if (paginationToken) pagination.starting_after = paginationToken;
		body = await send(this, {
			method: 'POST',
			path: '/contacts/search',
			body: { query: { operator: 'OR', value: filters }, pagination },
			idempotent: true,
		});
	}
	const results = itemsOf(body, 'data').map((c) => ({ name: contactName(c), value: String(c.id) }));
	return { results, paginationToken: nextCursor(body) };
}

function conversationName(conversation: IDataObject): string {
	const source = (conversation.source ?? {}) as IDataObject;
	const about = oneLine(conversation.title) || oneLine(source.subject) || oneLine(source.body) || 'Conversation';
	return `${about} (#${conversation.id})`;
}

/**
 * Without a filter, the workspace's conversations as Intercom lists them; with one, conversations
 * whose ID it is (digits) or whose subject or first message contains it.
 */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	let body: IDataObject;
	if (text === '') {
		const query: IDataObject = { per_page: PAGE_SIZE };
		if (paginationToken) query.starting_after = paginationToken;
		body = await send(this, { method: 'GET', path: '/conversations', query });
	} else {
		const filters: IDataObject[] = [
			{ field: 'source.subject', operator: '~', value: text },
			{ field: 'source.body', operator: '~', value: text },
		];
		if (/^\d{1,20}$/.test(text)) filters.unshift({ field: 'id', operator: '=', value: text });
		const pagination: IDataObject = { per_page: PAGE_SIZE };
		if (paginationToken) pagination.starting_after = paginationToken;
		body = await send(this, {
			method: 'POST',
			path: '/conversations/search',
			body: { query: { operator: 'OR', value: filters }, pagination },
			idempotent: true,
		});
	}
	const results = itemsOf(body, 'conversations').map((c) => ({ name: conversationName(c), value: String(c.id) }));
	return { results, paginationToken: nextCursor(body) };
}

/** n8n's pagination token for an article list: `page:per_page`, as `nextSearchPage` gives them. */
function pageToken(next: IDataObject | undefined): string | undefined {
	return next ? [next.page, next.per_page].filter((v) => v !== undefined).join(':') : undefined;
}

function pagingFrom(token: string | undefined): IDataObject {
	const [page, perPage] = String(token ?? '').split(':').map(Number);
	if (!Number.isInteger(page) || page < 2) return {};
	return Number.isInteger(perPage) && perPage > 0 ? { page, per_page: perPage } : { page };
}

/**
 * Without a filter, articles most recently updated first; with one, Intercom's article search
 * (drafts included), which pages at its own size (see nextSearchPage).
 */
export async function searchArticles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	const paging = pagingFrom(paginationToken);
	const page = Number(paging.page ?? 1);
	const body =
		text === ''
			? await send(this, { method: 'GET', path: '/articles', query: { page, per_page: PAGE_SIZE, ...paging } })
			: await send(this, { method: 'GET', path: '/articles/search', query: { phrase: text, state: 'all', ...paging } });
	const articles = itemsOf(body, text === '' ? 'data' : 'data.articles');
	const results: INodeListSearchItems[] = articles.map((a) => {
		const title = oneLine(a.title) || `Article ${a.id}`;
		const item: INodeListSearchItems = { name: a.state === 'draft' ? `${title} (draft)` : title, value: String(a.id) };
		if (typeof a.url === 'string' && a.url !== '') item.url = a.url;
		return item;
	});
	return { results, paginationToken: articles.length > 0 ? pageToken(nextSearchPage(body, page)) : undefined };
}

const COMPANY_PAGE = 50;

/**
 * Companies a page of 50 at a time (GET /companies, page-numbered). Intercom finds companies only by
 * exact name or company_id, so a filter matches here, case-insensitively, anywhere in the name or
 * company_id of each page's companies.
 */
export async function searchCompanies(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const page = Number(paginationToken ?? 1) || 1;
	const body = await send(this, { method: 'GET', path: '/companies', query: { page, per_page: COMPANY_PAGE } });
	const results: INodeListSearchItems[] = itemsOf(body, 'data')
		.filter((c) => !needle || `${c.name ?? ''} ${c.company_id ?? ''}`.toLowerCase().includes(needle))
		.map((c) => {
			const name = oneLine(c.name) || `Company ${c.id}`;
			return { name: c.company_id ? `${name} (${c.company_id})` : name, value: String(c.id) };
		});
	// Page numbers reach the 10,000th company and no further (Intercom refuses a page past it).
	const more = page < Number(getPath(body, 'pages.total_pages') ?? 0) && (page + 1) * COMPANY_PAGE <= COMPANY_LIST_REACH;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/**
 * Internal articles a page at a time, as Intercom pages them (`nextLinkedQuery`: the spec declares
 * no paging parameters); a filter matches, case-insensitively, anywhere in each page's titles.
 */
export async function searchInternalArticles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const paging = paginationToken ? (JSON.parse(paginationToken) as IDataObject) : {};
	const body = await send(this, { method: 'GET', path: '/internal_articles', query: paging });
	const articles = itemsOf(body, 'data');
	const results: INodeListSearchItems[] = articles
		.filter((a) => !needle || String(a.title ?? '').toLowerCase().includes(needle))
		.map((a) => ({ name: oneLine(a.title) || `Internal article ${a.id}`, value: String(a.id) }));
	const next = articles.length > 0 ? nextLinkedQuery(body, paging) : undefined;
	return { results, paginationToken: next ? JSON.stringify(next) : undefined };
}
