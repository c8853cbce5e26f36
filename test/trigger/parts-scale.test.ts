/**
 * New Conversation Part at the scale issue 12 names: a window of 100,000 parts (2,000
 * conversations of 50) under a poll budget far smaller than the window, read out of order over
 * many polls. 100,000 pending events are more than half the room of `recent` (MAX_RECENT_IDS), so
 * the drain also goes through the room passes (count, then emit below a line), against the
 * sandbox, through n8n-core, while conversations read early and late get new parts. Every part
 * exactly once; each poll in (time, id) order; static data
 * bounded; afterwards an idle poll costs one request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_RECENT_IDS } from '../../nodes/IntercomTrigger/poll';
import { adminAuthor, appendPart } from '../../sandbox/store/conversation-ops';
import type { ConversationRecord } from '../../sandbox/store/types';
import { ids, inOrder, T0, TriggerHarness } from './harness';

let h: TriggerHarness;

afterEach(async () => {
	expect(h.sb.log.nonConformant()).toEqual([]);
	await h.close();
});

const CONVERSATIONS = 2_000;
const PARTS_EACH = 50;
const params: INodeParameters = { event: 'conversation_part.created', options: { maxEventsPerPoll: 10_000 } };
const partId = (item: IDataObject) => String((item.part as IDataObject).id);

it('drains a window of 100,000 parts over many polls, every part exactly once, through the room passes', async () => {
	h = await TriggerHarness.start({ seed: { contacts: 20, conversations: 0, articles: 0, companies: 0 } });
	await h.poll(params);
	h.advance(5);
	const ws = h.sb.workspace;
	const admin = [...ws.admins.keys()][0];
	const made: ConversationRecord[] = [];
	// Ten conversations a second, each given its 50 parts at once (the part times spread over the window).
	for (let second = 0; second < CONVERSATIONS / 10; second++) {
		for (const c of h.sb.activity.newConversations(10)) {
			while (c.parts.length < PARTS_EACH) appendPart(ws, c, { part_type: 'note', author: adminAuthor(ws, admin), body: `note ${c.parts.length}` });
			made.push(c);
		}
		h.advance(1);
	}
	const owedNow = () => made.flatMap((c) => c.parts.filter((p) => p.created_at >= T0).map((p) => `conversation_part.created:${p.id}:${p.created_at}`)).sort();
	expect(owedNow().length).toBeGreaterThanOrEqual(100_000);
	expect(owedNow().length).toBeGreaterThan(MAX_RECENT_IDS / 2);
	h.advance(30);
	// 0.1 s of the shared clock a request under a 30 s budget: some 180 requests a poll, a tenth of the window.
	h.slowRequests(0.1);
	let polls = 0;
	let maxState = 0;
	let passes = 0;
	for (;;) {
		const r = await h.poll(params, { pollBudgetMs: 30_000 });
		expect(r.error).toBeUndefined();
		expect(inOrder(r.items, partId)).toBe(true);
		polls++;
		const state = JSON.stringify(h.state);
		maxState = Math.max(maxState, state.length);
		const cursor = h.state.cursor as { pass?: object; resume?: { outOfOrder?: { pass?: object } } };
		if (cursor.pass !== undefined || cursor.resume?.outOfOrder?.pass !== undefined) passes++;
		if (h.settled) break;
		if (polls >= 300) throw new Error('not drained after 300 polls');
		// Meanwhile customers go on: a new part in a conversation from early in the window and one from late.
		if (polls <= 20) {
			for (const c of [made[(polls * 97) % made.length], made[made.length - 1 - polls * 13]]) appendPart(ws, c, { part_type: 'note', author: adminAuthor(ws, admin), body: `later ${polls}` });
		}
		h.advance(60);
	}
	const emitted = ids(h.emitted);
	expect(new Set(emitted).size).toBe(emitted.length);
	expect(emitted.sort()).toEqual(owedNow());
	expect(polls).toBeGreaterThan(10);
	// Past half the room, reads went through the passes that free it.
	expect(passes).toBeGreaterThan(0);
	// Numeric part ids pack to a few bytes each: 100,000 pending fit in well under a megabyte.
	expect(maxState).toBeLessThan(1024 * 1024);
	if (process.env.SCALE_REPORT) process.stdout.write(`parts-scale: ${polls} polls, ${passes} with a pass, static data at most ${maxState} bytes\n`);
	h.advance(60);
	const idle = await h.poll(params, { pollBudgetMs: 30_000 });
	expect(idle.items).toEqual([]);
	expect(idle.requests).toBe(1);
}, 900_000);
