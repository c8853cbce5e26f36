/**
 * New Company against the sandbox: each company created since the activation is emitted exactly
 * once, wherever it sits in the list, including one created in the same second as a poll; edits to
 * older companies are not new companies; and what the quiet cases cost, in exact request counts.
 */
import type { IDataObject } from 'n8n-workflow';

import { createOrUpdateCompany, updateCompany } from '../../sandbox/store/company-ops';
import { ids, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const SEED = { contacts: 10, conversations: 0, articles: 0, companies: 30 };
const params = { event: 'company.created' };
const companyId = (item: IDataObject) => String((item.company as IDataObject).id);

function newCompanies(count: number, prefix: string): string[] {
	return Array.from({ length: count }, (_, i) => createOrUpdateCompany(h.sb.workspace, { company_id: `${prefix}-${i}`, name: `${prefix} ${i}` }).id);
}

describe('New Company', () => {
	it('emits each company created since the activation once, not the seeded ones nor edits', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		expect((await h.poll(params)).items).toEqual([]);
		h.advance(10);
		const fresh = newCompanies(3, 'fresh');
		updateCompany(h.sb.workspace, h.sb.workspace.companies.all()[0].id, { name: 'Renamed' });
		h.advance(10);
		const { items } = await h.poll(params);
		expect(items.map(companyId)).toEqual(fresh);
		expect(items[0]).toMatchObject({ event: 'company.created', company: { type: 'company', company_id: 'fresh-0' } });
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('finds a company created in the same second as the last poll, and reads every page', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		const sameSecond = newCompanies(1, 'same-second'); // the clock has not moved since the poll
		h.advance(5);
		const many = newCompanies(170, 'bulk');
		h.advance(5);
		const { items, requests } = await h.poll(params);
		expect(items.map(companyId)).toEqual([...sameSecond, ...many]);
		// 30 seeded + 171 new companies: two pages of 150.
		expect(requests).toBe(2);
		expect(new Set(ids(h.emitted)).size).toBe(171);
		h.advance(60);
		expect((await h.poll(params)).items).toEqual([]);
	});

	it('costs one request when idle, and at most two for the editor\'s test event (the newest company)', async () => {
		h = await TriggerHarness.start({ seed: SEED });
		await h.poll(params);
		h.advance(60);
		expect((await h.poll(params)).requests).toBe(1);
		const [newest] = newCompanies(1, 'newest');
		h.advance(1);
		const sample = await h.poll(params, { mode: 'manual' });
		expect(sample.items.map(companyId)).toEqual([newest]);
		expect(sample.requests).toBe(2);
	});
});
