/**
 * Company Get Many with Return All reads through Intercom's scroll API: every company whatever the
 * count, one open scroll per workspace, and a scroll that expires a minute after its last use
 * (on the sandbox clock, moved by the test, never by waiting).
 */
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SCROLL_PAGE_SIZE, scrollCompanies } from '../../sandbox/store/company-ops';
import { credentialsFor, runNode } from '../helpers/n8n';

let sb: RunningSandbox;
const COMPANIES = SCROLL_PAGE_SIZE * 2 + 17;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, seed: { contacts: 20, companies: COMPANIES, conversations: 0, articles: 0 } });
	sb.clock.freezeAt(1767225600);
});
afterAll(async () => await sb?.close());
afterEach(() => sb.clock.advanceSeconds(120)); // whatever a test left open has expired

const returnAll = () =>
	runNode({ parameters: { resource: 'company', operation: 'getMany', returnAll: true }, credentials: credentialsFor(sb.baseUrl, sb.token) });

/** The scroll_param of each scroll request ('' opens a new scroll). */
function scrollRequests(): string[] {
	return sb.log
		.requests()
		.filter((r) => r.operation === 'GET /companies/scroll')
		.map((r) => String(r.query.scroll_param ?? ''));
}

describe('company Return All through the scroll API', () => {
	beforeEach(() => sb.log.clear());

	it('returns every company once, over several scroll pages, and leaves no scroll open', async () => {
		const result = await returnAll();
		expect(result.error).toBeUndefined();
		const ids = result.items.map((i) => String(i.json.id));
		expect(ids.sort()).toEqual(sb.workspace.companies.all().map((c) => c.id).sort());
		// Three full-or-partial pages, then the empty page that closes the scroll.
		expect(scrollRequests()).toHaveLength(4);
		expect(() => scrollCompanies(sb.workspace, undefined)).not.toThrow();
	});

	it('refuses clearly while another scroll is open, and works once it has expired', async () => {
		scrollCompanies(sb.workspace, undefined); // someone else's scroll, just opened
		const refused = await returnAll();
		expect(refused.error?.message).toBe('Another scroll over all companies is open in this Intercom workspace');
		expect(refused.error?.description).toContain('one company scroll per workspace');
		expect(scrollRequests()).toHaveLength(1);

		sb.clock.advanceSeconds(60);
		const later = await returnAll();
		expect(later.error).toBeUndefined();
		expect(later.items).toHaveLength(COMPANIES);
	});

	it('reopens a scroll that expired mid-walk and skips the companies already read', async () => {
		const scroll = sb.sandbox.routes['GET /companies/scroll'];
		let pages = 0;
		// After the first page, a minute passes before the next request (as after long rate-limit waits).
		sb.sandbox.routes['GET /companies/scroll'] = (ctx) => {
			if (pages++ === 1) sb.clock.advanceSeconds(61);
			return scroll(ctx);
		};
		try {
			const result = await returnAll();
			expect(result.error).toBeUndefined();
			const ids = result.items.map((i) => String(i.json.id));
			expect(new Set(ids).size).toBe(ids.length);
			expect(ids.sort()).toEqual(sb.workspace.companies.all().map((c) => c.id).sort());
			const paths = scrollRequests();
			// The second request found its scroll expired (404); the next one opened a new scroll.
			expect(paths[0]).toBe('');
			expect(paths[1]).not.toBe('');
			expect(paths[2]).toBe('');
		} finally {
			sb.sandbox.routes['GET /companies/scroll'] = scroll;
		}
	});

	it('sent only conformant requests', () => {
		expect(sb.log.nonConformant()).toEqual([]);
	});
});
