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
		// race-safe contact Create or Update (find, then create or update, adopting a 409's contact),
		// and contact Update's Clear Fields (one option sending several keys as null, refusing a key
		// both set and cleared: a word the vocabulary could take over).
		// Data events: a submitted event defaults to "now" and caps metadata keys over its two
		// parameters, and the event list follows `pages.next` URLs, which no other list uses.
		// Tickets: creating (now or in the background) and updating check the attributes and state
		// against the ticket type as the workspace defines it, which takes a read first; ticket reply
		// is the conversation's reply; ticket search is the filter builder.
		// IP allowlist update reads the allowlist first: Add and Remove change the list Intercom has
		// (its PUT replaces the whole list), and the lock-out guard compares it with the new one.
		// Add to this list only with a reason.
		expect(hooked.sort()).toEqual([
			'article:search',
			'company:getMany',
			'contact:createOrUpdate',
			'contact:search',
			'contact:update',
			'conversation:reply',
			'conversation:search',
			'dataEvent:create',
			'dataEvent:getMany',
			'ipAllowlist:update',
			'ticket:create',
			'ticket:createInBackground',
			'ticket:reply',
			'ticket:search',
			'ticket:update',
		]);
	});

});
