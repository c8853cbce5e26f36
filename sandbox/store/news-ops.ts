/**
 * Mutations for news items. A news item is shown on the newsfeeds it is assigned to once it is
 * live; an assignment's publish date is kept only for live items (Intercom ignores it on drafts)
 * and cannot be in the future.
 */
import { badRequest, notFound } from '../errors';
import type { NewsItemRecord } from './types';
import type { Workspace } from './workspace';

export interface NewsItemInput {
	title?: string;
	body?: string;
	sender_id?: number;
	state?: 'draft' | 'live';
	deliver_silently?: boolean;
	labels?: string[];
	reactions?: (string | null)[];
	newsfeed_assignments?: { newsfeed_id?: number; published_at?: number }[];
}

export function requireNewsItem(ws: Workspace, id: string): NewsItemRecord {
	const item = ws.newsItems.get(id);
	if (!item) throw notFound();
	return item;
}

function checkSender(ws: Workspace, senderId: unknown): number {
	if (senderId === undefined || !ws.admins.has(String(senderId))) {
		throw badRequest('sender_id must be the id of a teammate of the workspace', 'parameter_invalid', 'sender_id');
	}
	return Number(senderId);
}

function assignments(ws: Workspace, input: NewsItemInput['newsfeed_assignments'], previous: NewsItemRecord['newsfeed_assignments']) {
	const now = ws.now();
	const seen = new Set<number>();
	return (input ?? []).map((assignment) => {
		const feedId = Number(assignment.newsfeed_id);
		if (!ws.newsfeeds.has(String(feedId))) throw badRequest(`Newsfeed ${assignment.newsfeed_id} not found`, 'parameter_invalid', 'newsfeed_id');
		if (seen.has(feedId)) throw badRequest(`Newsfeed ${feedId} is assigned twice`, 'parameter_invalid', 'newsfeed_id');
		seen.add(feedId);
		if (assignment.published_at !== undefined && assignment.published_at > now) {
			throw badRequest('Publish dates cannot be in the future', 'parameter_invalid', 'published_at');
		}
		const kept = previous.find((p) => p.newsfeed_id === feedId)?.published_at ?? null;
		return { newsfeed_id: feedId, published_at: assignment.published_at ?? kept };
	});
}

/** A live item is published on each of its feeds: now, unless a (past) date was given or kept. */
function publish(item: NewsItemRecord, now: number): void {
	for (const assignment of item.newsfeed_assignments) {
		if (item.state === 'live') assignment.published_at ??= now;
		else assignment.published_at = null;
	}
}

export function createNewsItem(ws: Workspace, input: NewsItemInput): NewsItemRecord {
	if (typeof input.title !== 'string' || input.title.trim() === '') throw badRequest('title is required', 'parameter_not_found', 'title');
	const now = ws.now();
	const item: NewsItemRecord = {
		id: ws.nextNumericId('newsItem'),
		created_at: now,
		updated_at: now,
		title: input.title,
		body: input.body ?? '',
		sender_id: checkSender(ws, input.sender_id),
		state: input.state ?? 'draft',
		labels: input.labels ?? [],
		reactions: input.reactions ?? [null, null, null, null],
		deliver_silently: input.deliver_silently ?? false,
		cover_image_url: null,
		newsfeed_assignments: assignments(ws, input.newsfeed_assignments, []),
	};
	publish(item, now);
	ws.newsItems.set(item.id, item);
	return item;
}

export function updateNewsItem(ws: Workspace, id: string, input: NewsItemInput): NewsItemRecord {
	const item = requireNewsItem(ws, id);
	// Everything is checked before anything changes.
	const senderId = input.sender_id === undefined ? item.sender_id : checkSender(ws, input.sender_id);
	const feeds = input.newsfeed_assignments === undefined ? item.newsfeed_assignments : assignments(ws, input.newsfeed_assignments, item.newsfeed_assignments);
	item.sender_id = senderId;
	item.newsfeed_assignments = feeds;
	if (input.title !== undefined) item.title = input.title;
	if (input.body !== undefined) item.body = input.body;
	if (input.state !== undefined) item.state = input.state;
	if (input.deliver_silently !== undefined) item.deliver_silently = input.deliver_silently;
	if (input.labels !== undefined) item.labels = input.labels;
	if (input.reactions !== undefined) item.reactions = input.reactions;
	const now = Math.max(ws.now(), item.updated_at);
	publish(item, now);
	item.updated_at = now;
	return item;
}

export function deleteNewsItem(ws: Workspace, id: string): void {
	requireNewsItem(ws, id);
	ws.newsItems.delete(id);
}

/** The live items of one feed, most recently published first. */
export function liveItems(ws: Workspace, newsfeedId: string): NewsItemRecord[] {
	const feed = Number(newsfeedId);
	const publishedAt = (item: NewsItemRecord) => item.newsfeed_assignments.find((a) => a.newsfeed_id === feed)?.published_at ?? 0;
	return [...ws.newsItems.values()]
		.filter((item) => item.state === 'live' && item.newsfeed_assignments.some((a) => a.newsfeed_id === feed))
		.sort((a, b) => publishedAt(b) - publishedAt(a) || Number(b.id) - Number(a.id));
}
