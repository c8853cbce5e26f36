/**
 * Mutations for Help Center collections. A collection is in one help center; a nested collection
 * (a section) is in its parent's, so moving a collection moves its whole subtree there.
 */
import { badRequest, notFound } from '../errors';
import type { CollectionRecord, HelpCenterRecord } from './types';
import type { Workspace } from './workspace';

/** The workspace's default locale: a collection's top-level name and description are this one's. */
export const DEFAULT_LOCALE = 'en';

type GroupContent = { name?: string; description?: string };

export interface CollectionInput {
	name?: string;
	description?: string;
	parent_id?: string | null;
	help_center_id?: number | null;
	translated_content?: Record<string, GroupContent | string | null> | null;
}

export function requireCollection(ws: Workspace, id: string): CollectionRecord {
	const collection = ws.collections.get(id);
	if (!collection) throw notFound();
	return collection;
}

function requireHelpCenter(ws: Workspace, id: number | null | undefined): HelpCenterRecord {
	if (id === undefined || id === null) {
		const first = ws.helpCenters.values().next().value;
		if (!first) throw badRequest('The workspace has no Help Center', 'parameter_invalid', 'help_center_id');
		return first;
	}
	const helpCenter = ws.helpCenters.get(String(id));
	if (!helpCenter) throw badRequest(`Help Center ${id} not found`, 'parameter_invalid', 'help_center_id');
	return helpCenter;
}

function requireParent(ws: Workspace, id: string): CollectionRecord {
	const parent = ws.collections.get(String(id));
	if (!parent) throw badRequest(`Parent collection ${id} not found`, 'parameter_invalid', 'parent_id');
	return parent;
}

/** The collection and every collection nested in it, at any depth. */
export function subtree(ws: Workspace, id: string): CollectionRecord[] {
	const found: CollectionRecord[] = [];
	const queue = [id];
	while (queue.length > 0) {
		const current = queue.shift() as string;
		const record = ws.collections.get(current);
		if (!record) continue;
		found.push(record);
		for (const child of ws.collections.values()) if (child.parent_id === current) queue.push(child.id);
	}
	return found;
}

function nextOrder(ws: Workspace, parentId: string | null, helpCenterId: number): number {
	const siblings = [...ws.collections.values()].filter((c) => c.parent_id === parentId && c.help_center_id === helpCenterId);
	return siblings.reduce((max, c) => Math.max(max, c.order), 0) + 1;
}

function applyTranslations(collection: CollectionRecord, content: CollectionInput['translated_content']): void {
	for (const [locale, value] of Object.entries(content ?? {})) {
		if (locale === 'type' || !value || typeof value !== 'object') continue;
		if (locale === DEFAULT_LOCALE) {
			if (value.name !== undefined) collection.name = value.name;
			if (value.description !== undefined) collection.description = value.description;
			continue;
		}
		const existing = collection.translations[locale] ?? {};
		collection.translations[locale] = {
			...existing,
			...(value.name !== undefined ? { name: value.name } : {}),
			...(value.description !== undefined ? { description: value.description } : {}),
		};
	}
}

export function createCollection(ws: Workspace, input: CollectionInput): CollectionRecord {
	if (typeof input.name !== 'string' || input.name.trim() === '') {
		throw badRequest('Name is a required parameter.', 'parameter_not_found', 'name');
	}
	const parent = input.parent_id === undefined || input.parent_id === null ? null : requireParent(ws, input.parent_id);
	const helpCenter = parent ? requireHelpCenter(ws, parent.help_center_id) : requireHelpCenter(ws, input.help_center_id);
	if (parent && input.help_center_id !== undefined && input.help_center_id !== null && Number(input.help_center_id) !== parent.help_center_id) {
		throw badRequest('A nested collection is in its parent collection\'s Help Center', 'parameter_invalid', 'help_center_id');
	}
	const now = ws.now();
	const collection: CollectionRecord = {
		id: ws.nextNumericId('collection'),
		created_at: now,
		updated_at: now,
		name: input.name,
		description: input.description ?? '',
		icon: 'book-bookmark',
		order: nextOrder(ws, parent?.id ?? null, Number(helpCenter.id)),
		parent_id: parent?.id ?? null,
		help_center_id: Number(helpCenter.id),
		translations: {},
	};
	applyTranslations(collection, input.translated_content);
	ws.collections.set(collection.id, collection);
	return collection;
}

export function updateCollection(ws: Workspace, id: string, input: CollectionInput): CollectionRecord {
	const collection = requireCollection(ws, id);
	if (input.name !== undefined) collection.name = input.name;
	if (input.description !== undefined) collection.description = input.description;
	if (input.parent_id !== undefined) {
		if (input.parent_id === null) {
			collection.parent_id = null;
		} else {
			const parent = requireParent(ws, input.parent_id);
			if (subtree(ws, collection.id).some((c) => c.id === parent.id)) {
				throw badRequest('A collection cannot be nested in itself or in a collection nested in it', 'parameter_invalid', 'parent_id');
			}
			collection.parent_id = parent.id;
			for (const moved of subtree(ws, collection.id)) moved.help_center_id = parent.help_center_id;
		}
	}
	applyTranslations(collection, input.translated_content);
	collection.updated_at = Math.max(ws.now(), collection.updated_at);
	return collection;
}

/** Deletes the collection and the collections nested in it; their articles no longer have a parent. */
export function deleteCollection(ws: Workspace, id: string): void {
	requireCollection(ws, id);
	const removed = new Set(subtree(ws, id).map((c) => c.id));
	for (const removedId of removed) ws.collections.delete(removedId);
	for (const article of ws.articles.values()) {
		if (article.parent_id !== null && removed.has(String(article.parent_id))) {
			article.parent_id = null;
			article.parent_type = null;
		}
	}
}
