import { operations } from '../../nodes/Intercom/actions/registry';

/**
 * Operations are data run by one executor. A `build` or `run` hook is for what is truly special;
 * when hooks creep up, the executor's vocabulary (actions/types.ts) is missing a word.
 */
describe('operations are data', () => {
	const hooked = operations.filter((d) => d.build || d.run).map((d) => `${d.resource}:${d.value}`);

	it('under a quarter of the operations need a build or run hook', () => {
		expect(hooked.length / operations.length).toBeLessThan(0.25);
	});

	it('the operations with hooks are the known special ones', () => {
		// The search filter builder (contacts, conversations), replies in four shapes, article search
		// with its highlights and page walk, company Return All through the scroll API, and the
		// race-safe contact Create or Update (find, then create or update, adopting a 409's contact).
		// Add to this list only with a reason.
		expect(hooked.sort()).toEqual([
			'article:search',
			'company:getMany',
			'contact:createOrUpdate',
			'contact:search',
			'conversation:reply',
			'conversation:search',
		]);
	});

});
