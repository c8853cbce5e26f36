/**
 * Internal articles and the Fin Content Library (AI Content: content import sources and their
 * external pages). The records live in one `KnowledgeStore` per workspace, with their own id
 * sequences, so these groups add a single field to the Workspace.
 */
import { badRequest, notFound } from '../errors';
import type { Workspace } from './workspace';

export interface InternalArticleRecord {
	id: string;
	title: string;
	body: string | null;
	owner_id: number;
	author_id: number;
	created_at: number;
	updated_at: number;
	locale: string;
	/** The Knowledge Hub folder (search filters by it); the API does not show it on the article. */
	folder_id: string | null;
}

export type SyncBehavior = 'api' | 'automatic' | 'manual';

export interface ContentImportSourceRecord {
	id: number;
	url: string;
	sync_behavior: SyncBehavior;
	status: 'active' | 'deactivated';
	created_at: number;
	updated_at: number;
	last_synced_at: number;
}

export interface ExternalPageRecord {
	id: string;
	title: string;
	html: string;
	url: string | null;
	ai_agent_availability: boolean;
	ai_copilot_availability: boolean;
	locale: 'en';
	source_id: number;
	external_id: string;
	created_at: number;
	updated_at: number;
	last_ingested_at: number;
	/** Only pages created through the API may be updated through it. */
	viaApi: boolean;
}

export class KnowledgeStore {
	readonly internalArticles = new Map<string, InternalArticleRecord>();
	readonly sources = new Map<number, ContentImportSourceRecord>();
	readonly pages = new Map<string, ExternalPageRecord>();
	private nextArticle = 6871101;
	private nextSource = 31;
	private nextPage = 1001;

	articleId(): string {
		return String(this.nextArticle++);
	}

	sourceId(): number {
		return this.nextSource++;
	}

	pageId(): string {
		return String(this.nextPage++);
	}

	/** Empties every collection (ids keep counting, so old ids are never reused). */
	clear(): void {
		this.internalArticles.clear();
		this.sources.clear();
		this.pages.clear();
	}
}

// --- internal articles ------------------------------------------------------------------------

export interface InternalArticleInput {
	title?: string;
	body?: string | null;
	owner_id?: number;
	author_id?: number;
}

function requireAdmin(ws: Workspace, id: unknown, field: string): number {
	if (id === undefined || id === null || !ws.admins.has(String(id))) throw badRequest(`${field} must be the id of an admin`, 'parameter_invalid', field);
	return Number(id);
}

export function requireInternalArticle(ws: Workspace, id: string): InternalArticleRecord {
	const article = ws.knowledge.internalArticles.get(id);
	if (!article) throw notFound('Resource Not Found');
	return article;
}

export function createInternalArticle(ws: Workspace, input: InternalArticleInput, folderId: string | null = null, at = ws.now()): InternalArticleRecord {
	if (!input.title) throw badRequest('title is required', 'parameter_not_found', 'title');
	if (input.author_id === undefined) throw badRequest('author_id must be in the main body or default locale translated_content object', 'parameter_not_found', 'author_id');
	const article: InternalArticleRecord = {
		id: ws.knowledge.articleId(),
		title: input.title,
		body: input.body ?? null,
		author_id: requireAdmin(ws, input.author_id, 'author_id'),
		owner_id: requireAdmin(ws, input.owner_id, 'owner_id'),
		created_at: at,
		updated_at: at,
		locale: 'en',
		folder_id: folderId,
	};
	ws.knowledge.internalArticles.set(article.id, article);
	return article;
}

export function updateInternalArticle(ws: Workspace, id: string, input: InternalArticleInput): InternalArticleRecord {
	const article = requireInternalArticle(ws, id);
	if (input.author_id !== undefined) article.author_id = requireAdmin(ws, input.author_id, 'author_id');
	if (input.owner_id !== undefined) article.owner_id = requireAdmin(ws, input.owner_id, 'owner_id');
	if (input.title !== undefined) {
		if (input.title === '') throw badRequest('title can not be blank', 'parameter_invalid', 'title');
		article.title = input.title;
	}
	if (input.body !== undefined) article.body = input.body;
	article.updated_at = ws.now();
	return article;
}

export function deleteInternalArticle(ws: Workspace, id: string): void {
	requireInternalArticle(ws, id);
	ws.knowledge.internalArticles.delete(id);
}

// --- content import sources -------------------------------------------------------------------

export interface SourceInput {
	url?: string;
	/** Create takes `api`; update takes `api`, `automated` (reported as `automatic`) or `manual`. */
	sync_behavior?: string;
	status?: 'active' | 'deactivated';
}

export function requireSource(ws: Workspace, id: string | number): ContentImportSourceRecord {
	const source = ws.knowledge.sources.get(Number(id));
	if (!source || !/^\d+$/.test(String(id))) throw notFound('Resource Not Found');
	return source;
}

export function createSource(ws: Workspace, input: SourceInput, syncBehavior: SyncBehavior = 'api', at = ws.now()): ContentImportSourceRecord {
	if (!input.url) throw badRequest('url is required', 'parameter_not_found', 'url');
	const source: ContentImportSourceRecord = {
		id: ws.knowledge.sourceId(),
		url: input.url,
		sync_behavior: syncBehavior,
		status: input.status ?? 'active',
		created_at: at,
		updated_at: at,
		last_synced_at: at,
	};
	ws.knowledge.sources.set(source.id, source);
	return source;
}

export function updateSource(ws: Workspace, id: string, input: SourceInput): ContentImportSourceRecord {
	const source = requireSource(ws, id);
	const wanted: SyncBehavior = input.sync_behavior === 'automated' ? 'automatic' : (input.sync_behavior as SyncBehavior);
	if ((wanted === 'api') !== (source.sync_behavior === 'api')) {
		throw badRequest('sync_behavior can not be changed to or from api', 'parameter_invalid', 'sync_behavior');
	}
	if (input.url !== undefined && input.url !== source.url && source.sync_behavior !== 'api') {
		throw badRequest('url can only be changed for a source whose sync_behavior is api', 'parameter_invalid', 'url');
	}
	source.sync_behavior = wanted;
	if (input.url !== undefined) source.url = input.url;
	if (input.status !== undefined) source.status = input.status;
	source.updated_at = ws.now();
	return source;
}

/** Deletes a source and every external page imported from it. */
export function deleteSource(ws: Workspace, id: string): void {
	const source = requireSource(ws, id);
	ws.knowledge.sources.delete(source.id);
	for (const page of [...ws.knowledge.pages.values()]) if (page.source_id === source.id) ws.knowledge.pages.delete(page.id);
}

// --- external pages ---------------------------------------------------------------------------

export interface PageInput {
	title?: string;
	html?: string;
	url?: string;
	ai_agent_availability?: boolean;
	ai_copilot_availability?: boolean;
	fin_availability?: boolean;
	source_id?: number;
	external_id?: string;
}

export function requirePage(ws: Workspace, id: string): ExternalPageRecord {
	const page = ws.knowledge.pages.get(id);
	if (!page) throw notFound('Resource Not Found');
	return page;
}

/** The source a page is written under through the API: it must exist and sync through the API. */
function apiSource(ws: Workspace, id: unknown): ContentImportSourceRecord {
	const source = ws.knowledge.sources.get(Number(id));
	if (!source) throw badRequest('source_id must be the id of a content import source', 'parameter_invalid', 'source_id');
	if (source.sync_behavior !== 'api') {
		throw badRequest('external pages can only be written through the API under a source whose sync_behavior is api', 'parameter_invalid', 'source_id');
	}
	return source;
}

function pageByExternalId(ws: Workspace, sourceId: number, externalId: string): ExternalPageRecord | undefined {
	return [...ws.knowledge.pages.values()].find((p) => p.source_id === sourceId && p.external_id === externalId);
}

/** Creates a page, or updates the page with the same source and external ID (availability kept unless given). */
export function upsertPage(ws: Workspace, input: PageInput, viaApi = true, at = ws.now()): ExternalPageRecord {
	for (const field of ['title', 'html', 'external_id'] as const) {
		if (!input[field]) throw badRequest(`${field} is required`, 'parameter_not_found', field);
	}
	const source = viaApi ? apiSource(ws, input.source_id) : requireSource(ws, Number(input.source_id));
	const existing = pageByExternalId(ws, source.id, String(input.external_id));
	const page: ExternalPageRecord = existing ?? {
		id: ws.knowledge.pageId(),
		title: '',
		html: '',
		url: null,
		ai_agent_availability: false,
		ai_copilot_availability: false,
		locale: 'en',
		source_id: source.id,
		external_id: String(input.external_id),
		created_at: at,
		updated_at: at,
		last_ingested_at: at,
		viaApi,
	};
	page.title = String(input.title);
	page.html = String(input.html);
	if (input.url !== undefined) page.url = input.url;
	if (input.ai_agent_availability !== undefined) page.ai_agent_availability = input.ai_agent_availability;
	if (input.ai_copilot_availability !== undefined) page.ai_copilot_availability = input.ai_copilot_availability;
	page.updated_at = at;
	page.last_ingested_at = at;
	ws.knowledge.pages.set(page.id, page);
	return page;
}

export function updatePage(ws: Workspace, id: string, input: PageInput): ExternalPageRecord {
	const page = requirePage(ws, id);
	if (!page.viaApi) throw badRequest('only external pages created through the API can be updated through it', 'parameter_invalid', 'page_id');
	const source = apiSource(ws, input.source_id);
	const externalId = input.external_id ?? page.external_id;
	const taken = pageByExternalId(ws, source.id, externalId);
	if (taken && taken.id !== page.id) throw badRequest('external_id must be unique for the source', 'parameter_invalid', 'external_id');
	page.title = String(input.title);
	page.html = String(input.html);
	page.url = input.url ?? page.url;
	page.source_id = source.id;
	page.external_id = externalId;
	if (input.fin_availability !== undefined) {
		page.ai_agent_availability = input.fin_availability;
		page.ai_copilot_availability = input.fin_availability;
	}
	page.updated_at = ws.now();
	page.last_ingested_at = page.updated_at;
	return page;
}

export function deletePage(ws: Workspace, id: string): ExternalPageRecord {
	const page = requirePage(ws, id);
	ws.knowledge.pages.delete(id);
	return page;
}
