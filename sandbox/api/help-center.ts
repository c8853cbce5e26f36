/**
 * Handlers for Help Center collections (the help centers themselves are served with the articles,
 * articles.ts). Collections list most recently updated first, by page number.
 */
import { pageOfNumbered, parsePageNumber, parsePerPage } from '../pagination';
import * as helpCenter from '../store/help-center-ops';
import type { CollectionRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import type { RouteTable } from './context';

/** Intercom's page size for collections when per_page is not given (its example answers 20). */
const DEFAULT_PER_PAGE = 20;

function slug(text: string): string {
	return text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function collectionUrl(ws: Workspace, c: CollectionRecord, locale: string, name: string): string {
	const identifier = ws.helpCenters.get(String(c.help_center_id))?.identifier ?? 'help';
	return `https://intercom.help/${identifier}/${locale}/collections/${c.id}-${slug(name)}`;
}

export function presentCollection(ws: Workspace, c: CollectionRecord) {
	const presented: Record<string, unknown> = {
		id: c.id,
		workspace_id: ws.idCode,
		name: c.name,
		url: collectionUrl(ws, c, helpCenter.DEFAULT_LOCALE, c.name),
		order: c.order,
		created_at: c.created_at,
		updated_at: c.updated_at,
		description: c.description,
		icon: c.icon,
		parent_id: c.parent_id,
		help_center_id: c.help_center_id,
	};
	// Intercom adds the locales only for multilingual help centers.
	const locales = Object.entries(c.translations);
	if (locales.length > 0) {
		const translated: Record<string, unknown> = { type: 'group_translated_content' };
		translated[helpCenter.DEFAULT_LOCALE] = { type: 'group_content', name: c.name, description: c.description ?? '' };
		for (const [locale, content] of locales) {
			translated[locale] = { type: 'group_content', name: content.name ?? c.name, description: content.description ?? '' };
		}
		presented.default_locale = helpCenter.DEFAULT_LOCALE;
		presented.translated_content = translated;
	}
	return presented;
}

function sortedCollections(ws: Workspace): CollectionRecord[] {
	return [...ws.collections.values()].sort((a, b) => b.updated_at - a.updated_at || Number(b.id) - Number(a.id));
}

export const helpCenterRoutes: RouteTable = {
	'GET /help_center/collections': ({ ws, query }) => {
		const page = pageOfNumbered(sortedCollections(ws), parsePageNumber(query.page), parsePerPage(query.per_page, DEFAULT_PER_PAGE));
		return { type: 'list', data: page.items.map((c) => presentCollection(ws, c)), total_count: page.total, pages: page.pages };
	},
	'POST /help_center/collections': ({ ws, body }) => presentCollection(ws, helpCenter.createCollection(ws, body ?? {})),
	'GET /help_center/collections/{collection_id}': ({ ws, params }) => presentCollection(ws, helpCenter.requireCollection(ws, params.collection_id)),
	'PUT /help_center/collections/{collection_id}': ({ ws, params, body }) =>
		presentCollection(ws, helpCenter.updateCollection(ws, params.collection_id, body ?? {})),
	'DELETE /help_center/collections/{collection_id}': ({ ws, params }) => {
		helpCenter.deleteCollection(ws, params.collection_id);
		return { id: params.collection_id, object: 'collection', deleted: true };
	},
};
