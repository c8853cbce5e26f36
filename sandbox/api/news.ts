/**
 * Handlers for the News-tagged operations: news items and the newsfeeds they are published on.
 * The spec declares no paging parameters for these lists, so each answers every item as one page.
 */
import { notFound } from '../errors';
import * as news from '../store/news-ops';
import type { NewsfeedRecord, NewsItemRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import type { RouteTable } from './context';

export function presentNewsItem(ws: Workspace, item: NewsItemRecord) {
	return {
		id: item.id,
		type: 'news-item',
		workspace_id: ws.idCode,
		title: item.title,
		body: item.body,
		sender_id: item.sender_id,
		state: item.state,
		labels: item.labels,
		cover_image_url: item.cover_image_url,
		reactions: item.reactions,
		deliver_silently: item.deliver_silently,
		created_at: item.created_at,
		updated_at: item.updated_at,
		newsfeed_assignments: item.newsfeed_assignments.map((a) =>
			a.published_at === null ? { newsfeed_id: a.newsfeed_id } : { newsfeed_id: a.newsfeed_id, published_at: a.published_at },
		),
	};
}

function presentNewsfeed(feed: NewsfeedRecord) {
	return { id: feed.id, type: 'newsfeed', name: feed.name, created_at: feed.created_at, updated_at: feed.updated_at };
}

/** One page holding everything, shaped as Intercom's paginated_response (`perPage`: its page size). */
function onePage(data: unknown[], perPage: number) {
	return {
		type: 'list',
		pages: { type: 'pages', page: 1, per_page: Math.max(perPage, data.length), total_pages: data.length > 0 ? 1 : 0 },
		data,
		total_count: data.length,
	};
}

function requireNewsfeed(ws: Workspace, id: string): NewsfeedRecord {
	const feed = ws.newsfeeds.get(id);
	if (!feed) throw notFound();
	return feed;
}

export const newsRoutes: RouteTable = {
	'GET /news/news_items': ({ ws }) => {
		const items = [...ws.newsItems.values()].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id));
		return onePage(items.map((item) => presentNewsItem(ws, item)), 10);
	},
	'POST /news/news_items': ({ ws, body }) => presentNewsItem(ws, news.createNewsItem(ws, body ?? {})),
	'GET /news/news_items/{news_item_id}': ({ ws, params }) => presentNewsItem(ws, news.requireNewsItem(ws, params.news_item_id)),
	'PUT /news/news_items/{news_item_id}': ({ ws, params, body }) => presentNewsItem(ws, news.updateNewsItem(ws, params.news_item_id, body ?? {})),
	'DELETE /news/news_items/{news_item_id}': ({ ws, params }) => {
		news.deleteNewsItem(ws, params.news_item_id);
		return { id: params.news_item_id, object: 'news-item', deleted: true };
	},
	'GET /news/newsfeeds': ({ ws }) => onePage([...ws.newsfeeds.values()].map(presentNewsfeed), 10),
	'GET /news/newsfeeds/{newsfeed_id}': ({ ws, params }) => presentNewsfeed(requireNewsfeed(ws, params.newsfeed_id)),
	'GET /news/newsfeeds/{newsfeed_id}/items': ({ ws, params }) => {
		requireNewsfeed(ws, params.newsfeed_id);
		return onePage(news.liveItems(ws, params.newsfeed_id).map((item) => presentNewsItem(ws, item)), 20);
	},
};
