/** `linked` pages: the next page exactly as each answer links it (nextLinkedQuery). */
import { nextLinkedQuery } from '../../nodes/shared/transport/pagination';

describe('nextLinkedQuery', () => {
	it('takes only the query of a pages.next URL, whatever host it names', () => {
		expect(nextLinkedQuery({ pages: { next: 'https://elsewhere.example.com/steal?page=2&per_page=50' } }, {})).toEqual({ page: '2', per_page: '50' });
	});

	it('sends back a cursor answered in pages.next.starting_after', () => {
		expect(nextLinkedQuery({ pages: { next: { per_page: 10, starting_after: 'WzE3MF0=' } } }, {})).toEqual({ starting_after: 'WzE3MF0=' });
	});

	it('asks for the next page number with the page size answered while pages remain', () => {
		expect(nextLinkedQuery({ pages: { page: 1, per_page: 25, total_pages: 2 } }, {})).toEqual({ page: 2, per_page: 25 });
		expect(nextLinkedQuery({ pages: { page: 2, per_page: 25, total_pages: 2 } }, { page: 2, per_page: 25 })).toBeUndefined();
		expect(nextLinkedQuery({ pages: { page: 1, total_pages: 3 } }, {})).toEqual({ page: 2 });
	});

	it('stops on the last page, on no pages at all, and on a link back to the page just read', () => {
		expect(nextLinkedQuery({ pages: { page: 1, per_page: 50, total_pages: 1, next: null } }, {})).toBeUndefined();
		expect(nextLinkedQuery({}, {})).toBeUndefined();
		expect(nextLinkedQuery({ pages: { next: '/ai/external_pages?page=2&per_page=50' } }, { page: '2', per_page: '50' })).toBeUndefined();
		expect(nextLinkedQuery({ pages: { next: 'https://api.intercom.io/ai/external_pages' } }, {})).toBeUndefined();
	});
});
