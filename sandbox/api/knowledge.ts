/**
 * Handlers for the Internal Articles and AI Content operations.
 *
 * None of these lists declares paging parameters in the spec; their answers say how to reach the
 * next page. Internal articles (list and search) answer page numbers (`pages.page / per_page /
 * total_pages`, 25 a page as Intercom's example shows); AI content lists answer `pages_link`, whose
 * `next` is a URL on Intercom's host (50 a page, as the examples show). `page` and `per_page`, the
 * values those answers lead a client to send, are documented extras (conformance.ts).
 */
import { pageOfNumbered, parsePageNumber, parsePerPage } from '../pagination';
import * as knowledge from '../store/knowledge-ops';
import type { ContentImportSourceRecord, ExternalPageRecord, InternalArticleRecord } from '../store/knowledge-ops';
import type { Workspace } from '../store/workspace';
import { Reply, type RouteTable } from './context';

const API_HOST = 'https://api.intercom.io';

function presentInternalArticle(a: InternalArticleRecord) {
	return {
		type: 'internal_article',
		id: a.id,
		title: a.title,
		body: a.body,
		owner_id: a.owner_id,
		author_id: a.author_id,
		created_at: a.created_at,
		updated_at: a.updated_at,
		locale: a.locale,
	};
}

function presentSource(s: ContentImportSourceRecord) {
	return { id: s.id, type: 'content_import_source', last_synced_at: s.last_synced_at, status: s.status, url: s.url, sync_behavior: s.sync_behavior, created_at: s.created_at, updated_at: s.updated_at };
}

function presentPage(p: ExternalPageRecord, html = p.html) {
	const out: Record<string, unknown> = { id: p.id, type: 'external_page', title: p.title, html };
	if (p.url !== null) out.url = p.url;
	Object.assign(out, {
		ai_agent_availability: p.ai_agent_availability,
		ai_copilot_availability: p.ai_copilot_availability,
		ai_sales_agent_availability: p.ai_agent_availability,
		fin_availability: p.ai_agent_availability || p.ai_copilot_availability,
		locale: p.locale,
		source_id: p.source_id,
		external_id: p.external_id,
		created_at: p.created_at,
		updated_at: p.updated_at,
		last_ingested_at: p.last_ingested_at,
	});
	return out;
}

function byId(a: { id: string | number }, b: { id: string | number }): number {
	return Number(a.id) - Number(b.id);
}

function internalArticleList(articles: InternalArticleRecord[], query: Record<string, unknown>) {
	const page = pageOfNumbered(articles, parsePageNumber(query.page), parsePerPage(query.per_page, 25));
	return { total_count: page.total, pages: page.pages, items: page.items.map(presentInternalArticle) };
}

/** A pages_link list: `pages.next` links the next page while there is one. */
function linkedList<T>(path: string, items: T[], query: Record<string, unknown>, present: (item: T) => unknown) {
	const perPage = parsePerPage(query.per_page, 50);
	const page = pageOfNumbered(items, parsePageNumber(query.page), perPage);
	const pages: Record<string, unknown> = { ...page.pages };
	if (page.pages.page < page.pages.total_pages) pages.next = `${API_HOST}${path}?${new URLSearchParams({ page: String(page.pages.page + 1), per_page: String(perPage) })}`;
	return { type: 'list', data: page.items.map(present), pages, total_count: page.total };
}

function internalArticles(ws: Workspace): InternalArticleRecord[] {
	return [...ws.knowledge.internalArticles.values()].sort(byId);
}

export const knowledgeRoutes: RouteTable = {
	'GET /internal_articles': ({ ws, query }) => {
		const list = internalArticleList(internalArticles(ws), query);
		return { type: 'list', pages: list.pages, total_count: list.total_count, data: list.items };
	},
	'POST /internal_articles': ({ ws, body }) => presentInternalArticle(knowledge.createInternalArticle(ws, body ?? {})),
	'GET /internal_articles/search': ({ ws, query }) => {
		const folder = query.folder_id === undefined || query.folder_id === '' ? undefined : String(query.folder_id);
		const list = internalArticleList(internalArticles(ws).filter((a) => folder === undefined || a.folder_id === folder), query);
		return { type: 'list', total_count: list.total_count, data: { internal_articles: list.items }, pages: list.pages };
	},
	'GET /internal_articles/{internal_article_id}': ({ ws, params }) => presentInternalArticle(knowledge.requireInternalArticle(ws, params.internal_article_id)),
	'PUT /internal_articles/{internal_article_id}': ({ ws, params, body }) =>
		presentInternalArticle(knowledge.updateInternalArticle(ws, params.internal_article_id, body ?? {})),
	'DELETE /internal_articles/{internal_article_id}': ({ ws, params }) => {
		knowledge.deleteInternalArticle(ws, params.internal_article_id);
		return { id: params.internal_article_id, object: 'internal_article', deleted: true };
	},

	'GET /ai/content_import_sources': ({ ws, query }) =>
		linkedList('/ai/content_import_sources', [...ws.knowledge.sources.values()].sort(byId), query, presentSource),
	'POST /ai/content_import_sources': ({ ws, body }) => presentSource(knowledge.createSource(ws, body ?? {})),
	'GET /ai/content_import_sources/{source_id}': ({ ws, params }) => presentSource(knowledge.requireSource(ws, params.source_id)),
	'PUT /ai/content_import_sources/{source_id}': ({ ws, params, body }) => presentSource(knowledge.updateSource(ws, params.source_id, body ?? {})),
	'DELETE /ai/content_import_sources/{source_id}': ({ ws, params }) => {
		knowledge.deleteSource(ws, params.source_id);
		return new Reply(204, undefined);
	},

	// Newest first, as Intercom's example lists them.
	'GET /ai/external_pages': ({ ws, query }) =>
		linkedList('/ai/external_pages', [...ws.knowledge.pages.values()].sort(byId).reverse(), query, (p) => presentPage(p)),
	'POST /ai/external_pages': ({ ws, body }) => presentPage(knowledge.upsertPage(ws, body ?? {})),
	'GET /ai/external_pages/{page_id}': ({ ws, params }) => presentPage(knowledge.requirePage(ws, params.page_id)),
	'PUT /ai/external_pages/{page_id}': ({ ws, params, body }) => presentPage(knowledge.updatePage(ws, params.page_id, body ?? {})),
	// The deleted page, its HTML emptied, as Intercom's example answers.
	'DELETE /ai/external_pages/{page_id}': ({ ws, params }) => presentPage(knowledge.deletePage(ws, params.page_id), ''),
};
