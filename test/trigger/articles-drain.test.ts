/**
 * Article windows too large for one poll drain over several polls (GET /articles: numbered pages,
 * newest first, no date filter; see nodes/IntercomTrigger/streams/article-walk.ts). Articles are
 * updated, created and deleted between the pages the trigger reads, inside and between polls:
 * pages shift both ways, and nothing is lost or repeated.
 */
import type { IDataObject } from 'n8n-workflow';

import { createArticle, deleteArticle, updateArticle } from '../../sandbox/store/content-ops';
import { ids, inOrder, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 0, conversations: 0, articles: 0, companies: 0 };
const articleId = (item: IDataObject) => String((item.article as IDataObject).id);

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function lcg(seed: number): () => number {
	let x = seed;
	return () => {
		x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
		return x / 2_147_483_648;
	};
}

let serial = 0;
function newArticle(): string {
	const author = Number([...h.sb.workspace.admins.keys()][0]);
	return createArticle(h.sb.workspace, { title: `Article ${++serial}`, author_id: author, state: 'published' }).id;
}

/** Each API request takes a second of the shared clock; every `every`th one, `act` runs first. */
function onRequests(every: number, act: () => void): { stop: () => void } {
	const faults = h.sb.faults;
	const next = faults.next.bind(faults);
	let n = 0;
	let active = true;
	jest.spyOn(faults, 'next').mockImplementation((method: string, path: string) => {
		h.advance(1);
		if (active && ++n % every === 0) act();
		return next(method, path);
	});
	return { stop: () => (active = false) };
}

/** Where each page of GET /articles the trigger asked for starts in the list. */
function pagesAsked(from: number): number[] {
	return h.sb.log.requests().slice(from).filter((r) => r.path === '/articles').map((r) => (Number(r.query.page) - 1) * Number(r.query.per_page));
}

describe('an article window larger than one poll drains over several polls', () => {
	it.each([
		['Article Updated', 'article.updated'],
		['New Article', 'article.created'],
	] as const)('%s: 3,000 articles, with updates, deletions and creations between pages, each event once', async (_name, event) => {
		h = await TriggerHarness.start({ seed: SEED });
		// Some history before the activation, which is never emitted.
		const history = new Set<string>();
		for (let i = 0; i < 400; i++) history.add(newArticle());
		h.advance(60);
		const params = { event, options: { maxEventsPerPoll: 100 } };
		await h.poll(params);
		h.advance(5);
		for (let second = 0; second < 600; second++) {
			for (let i = 0; i < 5; i++) newArticle();
			h.advance(1);
		}
		h.advance(900);
		const random = lcg(event.length);
		const alive = () => [...h.sb.workspace.articles.keys()];
		const pick = () => {
			const all = alive();
			return all[Math.floor(random() * all.length)];
		};
		const deleted = new Set<string>();
		// Between pages: an update (the article moves to page 1), two deletions (every later one moves
		// up a place: more deletions than creations, so the list shrinks), a creation (every one moves
		// down a place).
		let step = 0;
		const changes = onRequests(2, () => {
			const kind = step++ % 4;
			if (kind === 0) updateArticle(h.sb.workspace, pick(), { title: `Edited ${step}` });
			else if (kind < 3) {
				const id = pick();
				deleteArticle(h.sb.workspace, id);
				deleted.add(id);
			} else newArticle();
		});

		const before = h.sb.log.requests().length;
		let polls = 0;
		let stepsBack = 0;
		for (; polls < 120; polls++) {
			const mark = h.sb.log.requests().length;
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			// 60% of 5 s at a second a request: three requests a poll.
			expect(r.requests).toBeLessThanOrEqual(3);
			const pages = pagesAsked(mark);
			// A page starting further in front than the last one: the list shrank, and the walk checked.
			for (let i = 1; i < pages.length; i++) if (pages[i] <= pages[i - 1]) stepsBack++;
			h.advance(60);
			if (polls > 10 && r.items.length === 0 && !(h.state.cursor as IDataObject).resume) break;
		}
		changes.stop();
		expect(polls).toBeGreaterThan(20);
		// Deletions between pages were caught: the walk stepped back instead of trusting the page.
		expect(stepsBack).toBeGreaterThan(0);
		const requests = h.sb.log.requests().length - before;

		// Quiet again: what the last changes left is emitted, the window settles, and an idle poll is one request.
		for (let i = 0; i < 30; i++) {
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			expect(r.error).toBeUndefined();
			h.advance(60);
			if (r.items.length === 0 && !(h.state.cursor as IDataObject).resume) break;
		}
		h.advance(1_200);
		await h.poll(params, { pollBudgetMs: 5_000 });
		h.advance(60);
		const idle = await h.poll(params, { pollBudgetMs: 5_000 });
		expect(idle.items).toEqual([]);
		expect(idle.requests).toBe(1);

		const emitted = ids(h.emitted);
		expect(new Set(emitted).size).toBe(emitted.length);
		const articles = [...h.sb.workspace.articles.values()];
		const activation = articles.filter((a) => !history.has(a.id));
		if (event === 'article.updated') {
			// Every article changed since the activation is emitted at its last update; the order holds throughout.
			const owed = activation.map((a) => `article.updated:${a.id}:${a.updated_at}`);
			expect(emitted).toEqual(expect.arrayContaining(owed));
			expect(inOrder(h.emitted, articleId)).toBe(true);
		} else {
			// Every article created since the activation, once; a deleted one at most once; none from before.
			const owed = activation.map((a) => `article.created:${a.id}:${a.created_at}`);
			expect(emitted).toEqual(expect.arrayContaining(owed));
			expect(h.emitted.every((i) => !history.has(articleId(i)))).toBe(true);
			expect(h.emitted.filter((i) => !deleted.has(articleId(i)))).toHaveLength(owed.length);
		}
		// About two reads of the window (the walk back, then the segments), plus a page or two a poll.
		expect(requests).toBeLessThanOrEqual(2 * Math.ceil(3_400 / 150) + 2 * polls);
	}, 300_000);
});

// Found by the chaos soak (`npm run soak -- --changes 3000 --bursts 5 --seed 5`): under a poll's time
// for two pages, a drain whose next segment starts at a position that articles created since pushed
// deeper (or that deletions made stale) walked the same pages every poll, failing each for good.
describe('a drain under way when a burst of new articles arrives', () => {
	it.each([
		['Article Updated', 'article.updated'],
		['New Article', 'article.created'],
	] as const)('%s: still drains, each event once', async (_name, event) => {
		h = await TriggerHarness.start({ seed: SEED });
		const params = { event };
		await h.poll(params);
		h.advance(5);
		for (let second = 0; second < 300; second++) {
			for (let i = 0; i < 5; i++) newArticle();
			h.advance(1);
		}
		h.advance(900);
		// 60% of 5 s at two seconds a request: two requests a poll.
		h.slowRequests(2);
		const poll = async () => {
			const r = await h.poll(params, { pollBudgetMs: 5_000 });
			h.advance(60);
			return r;
		};
		for (let i = 0; i < 12; i++) expect((await poll()).error).toBeUndefined();
		// The drain is under way; 600 new articles go to the front of the list.
		expect((h.state.cursor as IDataObject).resume).toBeDefined();
		for (let second = 0; second < 15; second++) {
			for (let i = 0; i < 40; i++) newArticle();
			h.advance(1);
		}
		const errors: string[] = [];
		for (let i = 0; i < 150; i++) {
			const r = await poll();
			if (r.error) errors.push(r.error.message);
			if (r.items.length === 0 && !(h.state.cursor as IDataObject).resume && i > 5) break;
		}
		expect(errors).toEqual([]);
		const articles = [...h.sb.workspace.articles.values()];
		const owed = articles.map((a) => (event === 'article.updated' ? `article.updated:${a.id}:${a.updated_at}` : `article.created:${a.id}:${a.created_at}`));
		const emitted = ids(h.emitted);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...owed].sort());
	}, 300_000);
});
