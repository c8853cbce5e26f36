/**
 * Handlers for the Articles-tagged operations (page-numbered list, search by
 * phrase) and the help centers articles live in.
 */
import { notFound } from '../errors';
import { pageOfNumbered, parsePageNumber, parsePerPage } from '../pagination';
import { compareIds } from '../store/ordered-collection';
import * as content from '../store/content-ops';
import type { ArticleContent, ArticleRecord, HelpCenterRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import type { RouteTable } from './context';

function slug(text: string): string {
	return text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function helpCenterUrl(hc: HelpCenterRecord | undefined): string {
	return `https://intercom.help/${hc?.identifier ?? 'help'}`;
}

function articleUrl(ws: Workspace, a: ArticleRecord, locale: string, title: string): string {
	return `${helpCenterUrl(ws.helpCenters.get(String(a.help_center_id)))}/${locale}/articles/${a.id}-${slug(title)}`;
}

function contentFor(ws: Workspace, a: ArticleRecord, locale: string, c: ArticleContent) {
	return {
		type: 'article_content',
		title: c.title,
		description: c.description,
		body: c.body,
		author_id: c.author_id,
		state: c.state,
		created_at: c.created_at,
		updated_at: c.updated_at,
		url: articleUrl(ws, a, locale, c.title),
	};
}

export function presentArticleListItem(ws: Workspace, a: ArticleRecord) {
	const translated: Record<string, unknown> = { type: 'article_translated_content' };
	translated[a.default_locale] = contentFor(ws, a, a.default_locale, a);
	for (const [locale, c] of Object.entries(a.translations)) translated[locale] = contentFor(ws, a, locale, c);
	return {
		type: 'article',
		id: a.id,
		workspace_id: ws.idCode,
		title: a.title,
		description: a.description,
		body: a.body,
		author_id: a.author_id,
		state: a.state,
		created_at: a.created_at,
		updated_at: a.updated_at,
		url: a.state === 'published' ? articleUrl(ws, a, a.default_locale, a.title) : null,
		parent_id: a.parent_id,
		parent_ids: a.parent_id === null ? [] : [a.parent_id],
		parent_type: a.parent_type,
		default_locale: a.default_locale,
		translated_content: translated,
		tags: { type: 'tag.list', tags: [] },
	};
}

export function presentArticle(ws: Workspace, a: ArticleRecord) {
	const happy = a.reactions > 0 ? 60 : 0;
	return {
		...presentArticleListItem(ws, a),
		statistics: {
			type: 'article_statistics',
			views: a.views,
			conversions: Math.floor(a.views / 50),
			reactions: a.reactions,
			happy_reaction_percentage: happy,
			neutral_reaction_percentage: a.reactions > 0 ? 30 : 0,
			sad_reaction_percentage: a.reactions > 0 ? 10 : 0,
		},
	};
}

/** Articles newest-updated first (as Intercom lists them), ties by id. */
function sortedArticles(ws: Workspace): ArticleRecord[] {
	return [...ws.articles.values()].sort((a, b) => b.updated_at - a.updated_at || compareIds(b.id, a.id));
}

function matchesPhrase(a: ArticleRecord, phrase: string): boolean {
	const needle = phrase.toLowerCase();
	const texts = [a.title, a.description, a.body, ...Object.values(a.translations).flatMap((t) => [t.title, t.description, t.body])];
	return texts.some((t) => t.toLowerCase().includes(needle));
}

export function presentHelpCenter(ws: Workspace, hc: HelpCenterRecord) {
	return {
		type: 'help_center',
		id: hc.id,
		workspace_id: ws.idCode,
		created_at: hc.created_at,
		updated_at: hc.updated_at,
		identifier: hc.identifier,
		website_turned_on: hc.website_turned_on,
		display_name: hc.display_name,
		url: helpCenterUrl(hc),
		custom_domain: null,
	};
}

export const articleRoutes: RouteTable = {
	'GET /articles': ({ ws, query }) => {
		const page = pageOfNumbered(sortedArticles(ws), parsePageNumber(query.page), parsePerPage(query.per_page, 25));
		return { type: 'list', data: page.items.map((a) => presentArticleListItem(ws, a)), total_count: page.total, pages: page.pages };
	},
	'POST /articles': ({ ws, body }) => presentArticle(ws, content.createArticle(ws, body)),
	'GET /articles/{article_id}': ({ ws, params }) => presentArticle(ws, content.requireArticle(ws, params.article_id)),
	'PUT /articles/{article_id}': ({ ws, params, body }) => presentArticle(ws, content.updateArticle(ws, params.article_id, body)),
	'DELETE /articles/{article_id}': ({ ws, params }) => {
		content.deleteArticle(ws, params.article_id);
		return { id: params.article_id, object: 'article', deleted: true };
	},
	'GET /articles/search': ({ ws, query }) => {
		const phrase = query.phrase === undefined ? '' : String(query.phrase);
		const state = query.state === undefined ? 'all' : String(query.state);
		const helpCenterId = query.help_center_id;
		const found = sortedArticles(ws).filter(
			(a) =>
				(state === 'all' || a.state === state) &&
				(helpCenterId === undefined || a.help_center_id === Number(helpCenterId)) &&
				(phrase === '' || matchesPhrase(a, phrase)),
		);
		const highlights = query.highlight === true
			? found.map((a) => ({ article_id: a.id, highlighted_title: [{ type: 'plain', text: a.title }], highlighted_summary: [] }))
			: [];
		return {
			type: 'list',
			total_count: found.length,
			data: { articles: found.map((a) => presentArticle(ws, a)), highlights },
			pages: { type: 'pages', page: 1, per_page: Math.max(found.length, 10), total_pages: 1 },
		};
	},
	'GET /help_center/help_centers': ({ ws }) => ({ type: 'list', data: [...ws.helpCenters.values()].map((hc) => presentHelpCenter(ws, hc)) }),
	'GET /help_center/help_centers/{help_center_id}': ({ ws, params }) => {
		const hc = ws.helpCenters.get(params.help_center_id);
		if (!hc) throw notFound('Help Center Not Found');
		return presentHelpCenter(ws, hc);
	},
};

