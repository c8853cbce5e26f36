/**
 * The soak's reading of which multi-poll read a poll continues (test/chaos/soak/multi-poll.ts): the
 * soak fails a run with bursts that continued none of an event kind's, so a reading that saw none
 * where there is one (or one where there is none) would hide a coverage loss.
 */
import type { Cursor } from '../../nodes/IntercomTrigger/cursor';
import { serializeCursor } from '../../nodes/IntercomTrigger/cursor-state';
import { continued, midRead, savedCursor } from './soak/multi-poll';

const NOW = 1_741_608_000;
const LATE = 600;
const base: Cursor = { version: 2, watermark: { ts: NOW - 100, id: '' }, settled: NOW - 101, recent: {}, readTop: NOW - 101 };
/** As n8n's database holds a workflow's static data. */
const stored = (cursor: Cursor) => JSON.stringify({ 'node:Trigger': { version: 2, event: 'ticket.created', cursor: serializeCursor(cursor) } });
const pathsOf = (cursor: Cursor) => continued(savedCursor(stored(cursor), NOW, LATE), NOW, LATE).paths;

describe('which multi-poll read a saved cursor continues', () => {
	it('none for a cursor at rest, or no cursor at all', () => {
		expect(pathsOf(base)).toEqual([]);
		expect(midRead(savedCursor(stored(base), NOW, LATE), NOW, LATE)).toBe(false);
		expect(continued(savedCursor('{}', NOW, LATE), NOW, LATE).paths).toEqual([]);
		// A span that no longer narrows the window (it reaches now) is at rest too.
		expect(pathsOf({ ...base, span: 1_000 })).toEqual([]);
	});

	it('a read out of order, an article drain and an oldest-first read, by their resume positions', () => {
		const resume = { from: NOW - 100, full: true, startedAt: NOW - 50 };
		expect(pathsOf({ ...base, resume: { ...resume, startingAfter: 'abc', outOfOrder: { handled: ['1:2'] } } })).toEqual(['out of order']);
		expect(pathsOf({ ...base, pass: { below: NOW - 90 } })).toEqual(['out of order']);
		expect(pathsOf({ ...base, resume: { ...resume, startingAfter: 'articles:{"lower":1}' } })).toEqual(['article drain']);
		expect(pathsOf({ ...base, resume: { ...resume, startingAfter: 'WzE3NDE2MjUwODgsIjUwMDE1MSIsMl0=' } })).toEqual(['oldest first']);
		expect(midRead(savedCursor(stored({ ...base, resume: { ...resume, startingAfter: 'x' } }), NOW, LATE), NOW, LATE)).toBe(true);
	});

	it('a narrowed window, alone or with a second of it read out of order', () => {
		expect(pathsOf({ ...base, span: 10 })).toEqual(['narrowed']);
		const second = { from: NOW - 100, to: NOW - 99, full: true, startedAt: NOW - 50, startingAfter: 'abc', outOfOrder: { handled: [] } };
		expect(pathsOf({ ...base, span: 1, resume: second })).toEqual(['out of order', 'narrowed']);
	});
});
