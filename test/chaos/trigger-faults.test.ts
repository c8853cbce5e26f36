/**
 * An answer that is not Intercom's JSON never reads as "nothing new": a poll that gets one (an
 * empty body, a proxy's page with status 200, a body cut off) either retries into the real answer
 * or fails with its cursor where it was. Events older than the late-arrival window are the ones at
 * stake: once the cursor's settled line passes them, nothing would bring them back.
 */
import type { Fault } from '../../sandbox';
import { contactId, ids, inOrder, T0, TriggerHarness } from '../trigger/harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const params = { event: 'contact.created' };

function owed(): string[] {
	return h.sb.workspace.changes
		.list({ kinds: ['contact.created'] })
		.filter((e) => e.at >= T0)
		.map((e) => `contact.created:${e.id}:${e.at}`)
		.sort();
}

async function backlogOlderThanTheWindow(count: number): Promise<void> {
	h = await TriggerHarness.start();
	await h.poll(params);
	h.advance(5);
	for (let made = 0; made < count; made += 25) {
		h.sb.activity.newContacts(Math.min(25, count - made));
		h.advance(1);
	}
	h.advance(20 * 60);
}

const BAD_ANSWERS: Array<[string, Fault]> = [
	['an empty body', { type: 'empty' }],
	["a proxy's page with status 200", { type: 'html', status: 200 }],
	['a body cut off mid-JSON', { type: 'truncate' }],
];

describe.each(BAD_ANSWERS)('%s', (_name, fault) => {
	it('on every attempt: the poll fails, the cursor stays, the next poll emits everything once', async () => {
		await backlogOlderThanTheWindow(300);
		const before = h.stored;
		h.sb.faults.inject({ method: 'POST', path: '/contacts/search', fault, count: 6 });
		const failed = await h.poll(params);
		expect(failed.error?.message).toMatch(/^Intercom's answer to POST \/contacts\/search was not valid JSON$/);
		expect(failed.items).toEqual([]);
		expect(h.stored).toBe(before);
		const { items } = await h.poll(params);
		expect(items).toHaveLength(300);
		expect(ids(h.emitted).sort()).toEqual(owed());
		expect(inOrder(h.emitted, contactId)).toBe(true);
	});

	it('on the second page once: retried, and the poll emits everything', async () => {
		await backlogOlderThanTheWindow(300);
		const searches = () => h.sb.log.requests().filter((r) => r.path === '/contacts/search').length;
		const first = searches();
		const faults = h.sb.faults;
		const next = faults.next.bind(faults);
		jest.spyOn(faults, 'next').mockImplementation((method: string, path: string) =>
			path === '/contacts/search' && searches() === first + 1 ? fault : next(method, path),
		);
		const { items, error } = await h.poll(params);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(300);
		expect(ids(h.emitted).sort()).toEqual(owed());
	});
});
