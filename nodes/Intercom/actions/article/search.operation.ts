import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getPath, itemsOf } from '../../../shared/transport/pagination';
import { buildRequest } from '../executor';
import { helpCenterField } from '../fields';
import type { OperationDefinition } from '../types';
import { nextSearchPage } from './paging';

/** Puts each article's highlight (sent in a separate, parallel list) on the article itself. */
function withHighlights(articles: IDataObject[], body: IDataObject): IDataObject[] {
	const found = getPath(body, 'data.highlights');
	if (!Array.isArray(found) || found.length === 0) return articles;
	const byArticle = new Map((found as IDataObject[]).map(({ article_id, ...rest }) => [String(article_id), rest]));
	return articles.map((article) => {
		const highlight = byArticle.get(String(article.id));
		return highlight ? { ...article, highlight } : article;
	});
}

export const search: OperationDefinition = {
	resource: 'article',
	value: 'search',
	name: 'Search',
	action: 'Search articles',
	description: 'Find Help Center articles containing a phrase, optionally by state and Help Center, with highlighted matches',
	method: 'GET',
	path: '/articles/search',
	fields: [
		{
			in: 'query',
			key: 'phrase',
			// Blank: every article.
			convert: 'text',
			property: {
				displayName: 'Phrase',
				name: 'phrase',
				type: 'string',
				default: '',
				placeholder: 'reset password',
				description: 'Words to look for in the articles; leave empty to match every article (filtered by the options below)',
			},
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				helpCenterField('query'),
				{
					in: 'query',
					key: 'highlight',
					convert: 'boolean',
					property: {
						displayName: 'Highlight',
						name: 'highlight',
						type: 'boolean',
						default: true,
						description: 'Whether to add each article\'s matching title and text, split into highlighted and plain parts, as "highlight"',
					},
				},
				{
					in: 'query',
					key: 'state',
					property: {
						displayName: 'State',
						name: 'state',
						type: 'options',
						options: [
							{ name: 'All', value: 'all' },
							{ name: 'Draft', value: 'draft' },
							{ name: 'Published', value: 'published' },
						],
						default: 'published',
						description: 'Which articles to search: published ones, drafts, or all',
					},
				},
			],
		},
	],
	// Adds Return All / Limit; `run` walks the pages the search answers (see paging.ts).
	list: { pagination: 'page', itemsPath: 'data.articles' },
	run: async (ctx) => {
		const request = await buildRequest(search, ctx);
		const limit = ctx.param<boolean>('returnAll', false) ? Infinity : ctx.param<number>('limit', 50);
		const found: IDataObject[] = [];
		const seen = new Set<string>();
		let paging: IDataObject | undefined = {};
		let page = 1;
		while (paging && found.length < limit) {
			const body: IDataObject = await ctx.client.request<IDataObject>({ ...request, query: { ...request.query, ...paging } });
			const items = itemsOf(body, 'data.articles');
			// Intercom's article search has been seen to answer every page with the first (its page
			// parameters ignored): a page of nothing new is that, said rather than output twice.
			const fresh = withHighlights(items, body).filter((a) => !seen.has(String(a.id)));
			if (page > 1 && items.length > 0 && fresh.length === 0) {
				throw new NodeOperationError(ctx.client.node, `Intercom answered page ${page} of the article search with the articles of an earlier page`, {
					itemIndex: ctx.itemIndex,
					description: `Its search did not page here, so only the first ${found.length} articles can be read. Narrow the search (Phrase, State) so that it fits one page, or use Article → Get Many.`,
				});
			}
			for (const article of fresh) seen.add(String(article.id));
			found.push(...fresh.slice(0, limit - found.length));
			paging = items.length > 0 ? nextSearchPage(body, page) : undefined;
			page++;
		}
		return found;
	},
};
