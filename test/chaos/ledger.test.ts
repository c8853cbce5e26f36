/**
 * The soak's judge judged: on made-up change logs and polls, it finds a lost event, a repeat, an
 * invented event and an order broken, and it allows exactly the repeats a restored copy explains.
 */
import type { ChangeEntry } from '../../sandbox';
import { deletionsOf, judge, judgeAway, versionsOf, type PollRecord } from './soak/ledger';

let seq = 0;
const change = (kind: string, id: string, at: number, detail?: Record<string, unknown>): ChangeEntry =>
	({ seq: ++seq, kind, id, at, ...(detail ? { detail } : {}) }) as ChangeEntry;
const poll = (at: number, seqAt: number, emitted: string[], ok = true, complete = true): PollRecord => ({ at, seq: seqAt, ok, complete, emitted });

describe('records that only appear (New Contact)', () => {
	const log = [change('contact.created', 'a', 100), change('contact.created', 'b', 101), change('contact.created', 'c', 102)];
	const versions = versionsOf('contact.created', log);
	const [a, b, c] = ['a:100', 'b:101', 'c:102'].map((k) => `contact.created:${k}`);

	it('passes when each is emitted once, in order', () => {
		// Polls name the change log's sequence they could see; these three are the first entries.
		expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
		const v = judge('contact.created', versions, 100, [poll(101, 2, [a, b]), poll(103, 3, [c])], []);
		expect(v).toMatchObject({ owed: 3, delivered: 3, lost: [], repeated: [], allowedRepeats: 0, phantoms: [], outOfOrder: 0 });
	});

	it('finds a lost one, a repeated one, an invented one and a poll out of order', () => {
		const v = judge('contact.created', versions, 100, [poll(101, 2, [b, a]), poll(103, 3, [a, 'contact.created:z:103'])], []);
		expect(v.lost).toEqual([c]);
		expect(v.repeated).toEqual([a]);
		expect(v.phantoms).toEqual(['contact.created:z:103']);
		expect(v.outOfOrder).toBe(1);
	});

	it('a failed poll emits nothing that counts', () => {
		expect(judge('contact.created', versions, 100, [poll(103, 3, [a, b, c], false)], []).lost).toEqual([a, b, c]);
	});

	it('after a stale copy: repeats of what was emitted since the copy are allowed, and must come', () => {
		const polls = [poll(101, 1, [a]), poll(102, 2, [b]), poll(103, 3, [c]), poll(104, 3, [b, c])];
		const restored = [{ beforePoll: 3, snapshotBeforePoll: 1 }];
		expect(judge('contact.created', versions, 100, polls, restored)).toMatchObject({ lost: [], repeated: [], allowedRepeats: 2 });
		// The copy had seen a: a repeat of it is a defect. Not repeating c: c is lost to that cursor.
		const wrong = [poll(101, 1, [a]), poll(102, 2, [b]), poll(103, 3, [c]), poll(104, 3, [a, b])];
		const verdict = judge('contact.created', versions, 100, wrong, restored);
		expect(verdict.repeated).toEqual([a]);
		expect(verdict.lost).toEqual([c]);
	});
});

describe('states that are overwritten (Contact Updated)', () => {
	const log = [change('contact.created', 'a', 100), change('contact.updated', 'a', 105), change('contact.updated', 'a', 110)];
	const versions = versionsOf('contact.updated', log);
	const [v105, v110] = [105, 110].map((t) => `contact.updated:a:${t}`);
	const [s100, s105, s110] = log.map((e) => e.seq);

	it('a version replaced before any complete poll saw it is not owed; the last one is', () => {
		const v = judge('contact.updated', versions, 100, [poll(104, s100, [], false), poll(111, s110, [v110])], []);
		expect(v).toMatchObject({ owed: 1, lost: [] });
	});

	it('a version current at a complete poll is owed', () => {
		const v = judge('contact.updated', versions, 100, [poll(106, s105, []), poll(111, s110, [v110])], []);
		expect(v.lost).toEqual([v105]);
		expect(v.owed).toBe(2);
	});

	it('one current at a poll that hit its cap is not owed (the next poll sees a later one)', () => {
		const v = judge('contact.updated', versions, 100, [poll(106, s105, [], true, false), poll(111, s110, [v110])], []);
		expect(v.lost).toEqual([]);
	});

	it('a version not yet visible to search at the poll is not owed by it', () => {
		const v = judge('contact.updated', versions, 100, [poll(106, s105, []), poll(111, s110, [v110])], [], 90);
		expect(v.lost).toEqual([]);
	});
});

describe('parts', () => {
	it('owes the parts the trigger reports, by part id, not opens or snoozes', () => {
		const log = [
			change('conversation.part.created', '9', 100, { part_id: 'p1', part_type: 'comment', author_type: 'user' }),
			change('conversation.part.created', '9', 101, { part_id: 'p2', part_type: 'open', author_type: 'admin' }),
			change('conversation.part.created', '9', 102, { part_id: 'p3', part_type: 'close', author_type: 'admin' }),
		];
		expect(versionsOf('conversation_part.created', log).map((v) => v.eventId)).toEqual(['conversation_part.created:p1:100', 'conversation_part.created:p3:102']);
	});
});

describe('deleted objects', () => {
	it('owe only what a complete poll found before the deletion: states and records alike', () => {
		const log = [
			change('article.created', 'x', 100),
			change('article.updated', 'x', 105),
			change('article.deleted', 'x', 108),
			change('conversation.part.created', '9', 100, { part_id: 'p1', part_type: 'comment', author_type: 'user' }),
			change('conversation.part.created', '9', 104, { part_id: 'p2', part_type: 'comment', author_type: 'user' }),
			change('conversation.deleted', '9', 106),
		];
		const [created, , deleted, p1, p2, gone] = log.map((e) => e.seq);
		expect(deletionsOf('article.updated', log)).toEqual(new Map([['x', deleted]]));
		expect(deletionsOf('conversation_part.created', log)).toEqual(new Map([['9', gone]]));
		// The article: its first state was found by a complete poll, its second replaced by the deletion before any.
		const articles = versionsOf('article.updated', log);
		const first = judge('article.updated', articles, 100, [poll(101, created, []), poll(109, deleted, [])], [], 0, deletionsOf('article.updated', log));
		expect(first).toMatchObject({ owed: 1, lost: ['article.updated:x:100'] });
		const none = judge('article.updated', articles, 100, [poll(109, deleted, [])], [], 0, deletionsOf('article.updated', log));
		expect(none).toMatchObject({ owed: 0, lost: [] });
		// The parts: the first was there at a complete poll, the second only at one that stopped early.
		const parts = versionsOf('conversation_part.created', log);
		const polls = [poll(102, p1, []), poll(105, p2, [], true, false), poll(107, gone, [])];
		const v = judge('conversation_part.created', parts, 100, polls, [], 0, deletionsOf('conversation_part.created', log));
		expect(v).toMatchObject({ owed: 1, lost: ['conversation_part.created:p1:100'] });
	});
});

describe('admin away status', () => {
	const log = [
		change('admin.away_changed', '1', 100, { away_mode_enabled: true }),
		change('admin.away_changed', '2', 100, { away_mode_enabled: true }),
		change('admin.away_changed', '2', 101, { away_mode_enabled: false }),
	];
	const initial = { '1': false, '2': false };
	const last = seq;
	const afterFirst = last - 2;

	it('owes the admins whose state differs from the one kept; a change undone in between is invisible', () => {
		const v = judgeAway(initial, log, [{ seq: last, ok: true, reports: [{ eventId: 'e1', admin: '1', away: true }] }], []);
		expect(v).toMatchObject({ owed: 1, delivered: 1, lost: [], repeated: [] });
	});

	it('finds a missed and a repeated report', () => {
		const polls = [
			{ seq: afterFirst, ok: true, reports: [] },
			{ seq: last, ok: true, reports: [{ eventId: 'e1', admin: '1', away: true }] },
			{ seq: last, ok: true, reports: [{ eventId: 'e2', admin: '1', away: true }] },
		];
		const v = judgeAway(initial, log, polls, []);
		expect(v.lost).toEqual(['1:true']);
		// Once a poll succeeded, the trigger keeps the state it saw: reporting it later is a repeat.
		expect(v.repeated).toEqual(['e1', 'e2']);
	});

	it("after a stale copy, a repeat is allowed only under the first report's event_id", () => {
		const polls = [
			{ seq: 0, ok: true, reports: [] },
			{ seq: last, ok: true, reports: [{ eventId: 'e1', admin: '1', away: true }] },
			{ seq: last, ok: true, reports: [{ eventId: 'e1-again', admin: '1', away: true }] },
		];
		const v = judgeAway(initial, log, polls, [{ beforePoll: 2, snapshotBeforePoll: 1 }]);
		expect(v).toMatchObject({ lost: [], repeated: [], allowedRepeats: 1, notDeduplicable: 1 });
		polls[2].reports[0].eventId = 'e1';
		expect(judgeAway(initial, log, polls, [{ beforePoll: 2, snapshotBeforePoll: 1 }]).notDeduplicable).toBe(0);
	});
});
