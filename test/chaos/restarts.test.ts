/**
 * A copy of the static data restored from before a report (a crash between emitting and saving,
 * a database restored from a backup) repeats what was emitted since, under the same event_ids, so
 * a workflow can drop the repeats. Admin away status has no time of its own to build the id from.
 */
import type { IDataObject } from 'n8n-workflow';

import { ids, TriggerHarness } from '../trigger/harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

async function setAway(adminId: string, away: boolean): Promise<void> {
	const response = await fetch(`${h.sb.baseUrl}/admins/${adminId}/away`, {
		method: 'PUT',
		headers: { Authorization: `Bearer ${h.sb.token}`, 'Intercom-Version': '2.14', 'Content-Type': 'application/json' },
		body: JSON.stringify({ away_mode_enabled: away, away_mode_reassign: false }),
	});
	expect(response.status).toBe(200);
}

describe('Admin Away Status Changed', () => {
	const params = { event: 'admin.away_mode_changed' };

	it('a stale copy reports the changes made since under the same event_ids; a change undone since is not reported', async () => {
		h = await TriggerHarness.start({ seed: { contacts: 0, conversations: 0, articles: 0, companies: 0 } });
		const [a, b, c] = [...h.sb.workspace.admins.values()].filter((admin) => !admin.away_mode_enabled).map((admin) => admin.id);
		await h.poll(params);
		const snapshot = h.stored;
		h.advance(60);
		await setAway(a, true);
		await setAway(b, true);
		await setAway(c, true);
		const first = await h.poll(params);
		expect(first.items.map((i) => String((i.admin as IDataObject).id)).sort()).toEqual([a, b, c].sort());
		h.advance(60);
		await setAway(c, false); // undone: from the snapshot's point of view, c never changed
		await h.poll(params);

		h.stored = snapshot;
		h.advance(60);
		const replay = await h.poll(params);
		expect(replay.items.map((i) => String((i.admin as IDataObject).id)).sort()).toEqual([a, b].sort());
		const firstIds = new Map(first.items.map((i) => [String((i.admin as IDataObject).id), String(i.event_id)]));
		expect(ids(replay.items).sort()).toEqual([firstIds.get(a), firstIds.get(b)].sort());

		h.advance(60);
		await setAway(a, false);
		const next = await h.poll(params);
		expect(next.items).toHaveLength(1);
		expect(ids(h.emitted).filter((id) => id === ids(next.items)[0])).toHaveLength(1);
	});
});
