/**
 * Mutations for articles and tags (companies: company-ops.ts).
 */
import { badRequest, notFound } from '../errors';
import type { Workspace } from './workspace';
import type { ArticleContent, ArticleRecord, TagRecord } from './types';

export interface ArticleInput {
	title?: string;
	description?: string;
	body?: string;
	author_id?: number;
	state?: 'published' | 'draft';
	parent_id?: number | string | null;
	parent_type?: string | null;
	translated_content?: Record<string, Partial<ArticleContent> | string | null>;
}

export function requireArticle(ws: Workspace, id: string): ArticleRecord {
	const article = ws.articles.get(id);
	if (!article) throw notFound('Article Not Found');
	return article;
}

function applyTranslations(article: ArticleRecord, input: ArticleInput['translated_content'], now: number): void {
	for (const [locale, content] of Object.entries(input ?? {})) {
		if (locale === 'type' || !content || typeof content !== 'object') continue;
		if (locale === article.default_locale) {
			Object.assign(article, pickContent(content));
			continue;
		}
		const existing = article.translations[locale];
		article.translations[locale] = {
			title: content.title ?? existing?.title ?? article.title,
			description: content.description ?? existing?.description ?? '',
			body: content.body ?? existing?.body ?? '',
			author_id: content.author_id ?? existing?.author_id ?? article.author_id,
			state: content.state ?? existing?.state ?? 'draft',
			created_at: existing?.created_at ?? now,
			updated_at: now,
		};
	}
}

function pickContent(content: Partial<ArticleContent>): Partial<ArticleRecord> {
	const out: Partial<ArticleRecord> = {};
	if (content.title !== undefined) out.title = content.title;
	if (content.description !== undefined) out.description = content.description;
	if (content.body !== undefined) out.body = content.body;
	if (content.author_id !== undefined) out.author_id = content.author_id;
	if (content.state !== undefined) out.state = content.state;
	return out;
}

export function createArticle(ws: Workspace, input: ArticleInput): ArticleRecord {
	if (!input.title) throw badRequest('title is required', 'parameter_invalid', 'title');
	if (input.author_id === undefined || !ws.admins.has(String(input.author_id))) {
		throw badRequest('author_id must be the id of an admin', 'parameter_invalid', 'author_id');
	}
	const now = ws.now();
	const helpCenter = ws.helpCenters.values().next().value;
	const article: ArticleRecord = {
		id: ws.nextNumericId('article'),
		created_at: now,
		updated_at: now,
		title: input.title,
		description: input.description ?? '',
		body: input.body ?? '',
		author_id: Number(input.author_id),
		state: input.state ?? 'draft',
		parent_id: input.parent_id === undefined || input.parent_id === null ? null : Number(input.parent_id),
		parent_type: input.parent_type ?? (input.parent_id ? 'collection' : null),
		help_center_id: helpCenter ? Number(helpCenter.id) : 0,
		default_locale: 'en',
		translations: {},
		tagIds: [],
		views: 0,
		reactions: 0,
	};
	applyTranslations(article, input.translated_content, now);
	ws.articles.set(article.id, article);
	ws.changes.record('article.created', article.id, now, { state: article.state });
	if (article.state === 'published') ws.changes.record('article.published', article.id, now);
	return article;
}

export function updateArticle(ws: Workspace, id: string, input: ArticleInput): ArticleRecord {
	const article = requireArticle(ws, id);
	if (input.author_id !== undefined && !ws.admins.has(String(input.author_id))) {
		throw badRequest('author_id must be the id of an admin', 'parameter_invalid', 'author_id');
	}
	const wasPublished = article.state === 'published';
	const now = Math.max(ws.now(), article.updated_at);
	Object.assign(article, pickContent(input as Partial<ArticleContent>));
	if (input.parent_id !== undefined) article.parent_id = input.parent_id === null ? null : Number(input.parent_id);
	if (input.parent_type !== undefined) article.parent_type = input.parent_type;
	applyTranslations(article, input.translated_content, now);
	article.updated_at = now;
	ws.changes.record('article.updated', article.id, now, { state: article.state });
	if (!wasPublished && article.state === 'published') ws.changes.record('article.published', article.id, now);
	return article;
}

export function deleteArticle(ws: Workspace, id: string): void {
	requireArticle(ws, id);
	ws.articles.delete(id);
	ws.changes.record('article.deleted', id, ws.now());
}

/** POST /tags with {name} (create or find by name) or {id, name} (rename). */
export function createOrUpdateTag(ws: Workspace, name: string, id?: string): TagRecord {
	if (!name) throw badRequest('name is required', 'parameter_invalid', 'name');
	if (id !== undefined) {
		const tag = ws.tags.get(id);
		if (!tag) throw notFound('Tag Not Found');
		tag.name = name;
		return tag;
	}
	const existing = [...ws.tags.values()].find((t) => t.name === name);
	if (existing) return existing;
	const tag: TagRecord = { id: ws.nextNumericId('tag'), name, created_at: ws.now() };
	ws.tags.set(tag.id, tag);
	ws.changes.record('tag.created', tag.id, tag.created_at);
	return tag;
}

export function deleteTag(ws: Workspace, id: string): void {
	if (!ws.tags.has(id)) throw notFound('Tag Not Found');
	ws.tags.delete(id);
	// Detaching is O(N) over contacts; deleting tags is rare.
	for (const contact of ws.contacts.all()) {
		if (contact.tags.some((t) => t.tagId === id)) contact.tags = contact.tags.filter((t) => t.tagId !== id);
	}
	for (const conversation of ws.conversations.all()) conversation.tags = conversation.tags.filter((t) => t.tagId !== id);
	for (const company of ws.companies.all()) company.tagIds = company.tagIds.filter((t) => t !== id);
	ws.changes.record('tag.deleted', id, ws.now());
}
