/**
 * The article walk's page arithmetic and its saved state (the drains themselves are tested against
 * the sandbox in articles-drain.test.ts).
 */
import { decodeDrain, encodeDrain, pageFrom } from '../../nodes/IntercomTrigger/streams/article-walk';

describe('the walk over numbered pages', () => {
	it('asks for a page that starts at or in front of a position, never behind it, and never more than a page in front', () => {
		const wrong: string[] = [];
		for (let offset = 0; offset <= 20_000; offset++) {
			for (const back of [0, 30, 400]) {
				const target = Math.max(0, offset - back);
				const { page, perPage, start } = pageFrom(offset - back, 5);
				const fine = start === (page - 1) * perPage && perPage >= 1 && perPage <= 150 && start <= target && target - start < 150;
				if (!fine) wrong.push(`${offset - back}: page ${page} of ${perPage}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('a saved drain reads back as it was, and anything else reads as none (the window is then read from page 1)', () => {
		const drain = { lower: 1_741_608_000, reached: true, bottom: 2_980, seg: 3, marks: [{ offset: 150, ts: 1_741_608_635, id: '91', count: 3_400 }] };
		expect(decodeDrain(encodeDrain(drain))).toEqual(drain);
		for (const bad of [undefined, '', 'WzEsMl0=', 'articles:', 'articles:{', 'articles:[1,2,3,4,5]', 'articles:[1,1,0,0,[]]', 'articles:[1,1,0,1,[[0,1,"1",1]]]', 'articles:[1,1,0,1,[[1,1,1,1]]]']) {
			expect(decodeDrain(bad)).toBeUndefined();
		}
	});
});
