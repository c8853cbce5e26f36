/**
 * Article events, from GET /articles: a page-numbered list with no date filter, which Intercom
 * documents as sorted by `updated_at`, newest first. The read stops at the first page that reaches
 * back past the window's start (checking that order, never trusting it); an article created since
 * then was also updated since then, so "new article" is read from the same pages. A window too
 * large for one poll drains over several (article-walk.ts).
 */
import { compareKeys } from '../cursor';
import { eventKey, readNewest, type RecordSource, type TriggerEvent } from '../reading';
import { readArticles } from './article-walk';
import type { PollStream, StreamContext } from './types';

type ArticleEvent = 'article.created' | 'article.updated';

function source(event: ArticleEvent, onlyPublished: boolean, now: number): RecordSource {
	const field = event === 'article.created' ? 'created_at' : 'updated_at';
	return {
		request: { method: 'GET', path: '/articles' },
		pagination: 'page',
		itemsPath: 'data',
		timeOf: (record) => Number(record.updated_at),
		eventsOf: (record): TriggerEvent[] => {
			// A draft read under "Only Published" moves the cursor like any article read.
			const silent = onlyPublished && record.state !== 'published' ? { silent: true } : {};
			return [{ ...eventKey(record, event, String(record.id), field, now), event, data: { article: record }, ...silent }];
		},
	};
}

export function articleStream(event: ArticleEvent): PollStream {
	return {
		async read(ctx: StreamContext) {
			return await readArticles(ctx, source(event, ctx.settings.onlyPublished, ctx.now), event === 'article.updated');
		},
		async sample(ctx: StreamContext) {
			const records = source(event, ctx.settings.onlyPublished, ctx.now);
			const events = (await readNewest(ctx.client, records, 25)).flatMap(records.eventsOf).filter((e) => !e.silent);
			const latest = events.sort((a, b) => compareKeys(b.key, a.key))[0];
			return latest ? [latest] : [];
		},
	};
}
