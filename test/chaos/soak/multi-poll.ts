/**
 * Which of the trigger's multi-poll reads a poll continued, read from the static data the poll
 * started from (as n8n's database held it), with the node's own reading of its saved cursor:
 *
 * - `out of order`: a read handled out of order (out-of-order.ts) that an earlier poll stopped
 *   (New Conversation Part, Ticket State Changed, conversation closes, contacts on a busy day);
 * - `narrowed`: a window read whole that did not fit a poll, read in parts (`span`: New Ticket, the
 *   admin activity log, Conversation Closed);
 * - `article drain`: an article window walked and read in segments over several polls (article-walk.ts);
 * - `oldest first`: a contact or conversation read continued at its saved search position (reading.ts);
 *   on a day busy before a burst, contacts are read newest first out of order instead.
 *
 * No hook in the node: only what a poll leaves in static data for the next one.
 */
import type { IDataObject } from 'n8n-workflow';

import { planWindow, type Cursor, type WindowPlan } from '../../../nodes/IntercomTrigger/cursor';
import { parseCursor } from '../../../nodes/IntercomTrigger/cursor-state';
import { MAX_RECENT_IDS } from '../../../nodes/IntercomTrigger/poll';
import { DEFAULT_LATE_ARRIVAL_MINUTES } from '../../../nodes/IntercomTrigger/settings';
import type { LedgerEvent } from './ledger';

export const MULTI_POLL_PATHS = ['out of order', 'narrowed', 'article drain', 'oldest first'] as const;
export type MultiPollPath = (typeof MULTI_POLL_PATHS)[number];

/**
 * The paths each event kind has: a run with bursts must continue each of them at least once (a
 * list of paths: any one of them; contacts go oldest first, or out of order on a day that was
 * busy before the burst).
 */
export const EXPECTED_PATHS: Partial<Record<LedgerEvent, Array<MultiPollPath | MultiPollPath[]>>> = {
	'conversation_part.created': ['out of order'],
	'ticket.state_changed': ['out of order'],
	'conversation.closed': ['narrowed', 'out of order'],
	'ticket.created': ['narrowed'],
	'admin.activity_log.created': ['narrowed'],
	'article.created': ['article drain'],
	'article.updated': ['article drain'],
	'contact.created': [['oldest first', 'out of order']],
	'contact.updated': [['oldest first', 'out of order']],
	'conversation.created': ['oldest first'],
	'conversation.updated': ['oldest first'],
};

/** The trigger's saved cursor in a workflow's stored static data, read as the node reads it. */
export function savedCursor(stored: string, now: number, lateArrivalSeconds: number): Cursor | undefined {
	const state = (JSON.parse(stored) as IDataObject)['node:Trigger'] as IDataObject | undefined;
	if (!state?.cursor) return undefined;
	const parsed = parseCursor(state.cursor, { now, lateArrivalSeconds, maxRecent: MAX_RECENT_IDS });
	return parsed.ok ? parsed.cursor : undefined;
}

export function lateArrivalSeconds(parameters: IDataObject): number {
	const minutes = (parameters.options as IDataObject | undefined)?.lateArrivalMinutes;
	return 60 * (typeof minutes === 'number' ? minutes : DEFAULT_LATE_ARRIVAL_MINUTES);
}

/** What a poll starting from `cursor` at `now` reads: its plan, and the multi-poll reads it continues. */
export function continued(cursor: Cursor | undefined, now: number, lateArrival: number): { plan?: WindowPlan; paths: MultiPollPath[] } {
	if (!cursor) return { paths: [] };
	const plan = planWindow(cursor, now, lateArrival);
	const paths: MultiPollPath[] = [];
	const resume = cursor.resume;
	if (resume?.outOfOrder || cursor.pass) paths.push('out of order');
	else if (resume?.startingAfter?.startsWith('articles:')) paths.push('article drain');
	else if (resume) paths.push('oldest first');
	if (plan.to !== undefined) paths.push('narrowed');
	return { plan, paths };
}

/** Whether a cursor leaves a read for the next polls (a resume, a narrowed window, a pass). */
export function midRead(cursor: Cursor | undefined, now: number, lateArrival: number): boolean {
	return continued(cursor, now, lateArrival).paths.length > 0;
}

export interface MultiPollTally {
	/** Successful polls that continued each path. */
	continued: Record<MultiPollPath, number>;
	/** Of those, the polls whose static data had just been restored (restart, stale copy, crash) or whose previous poll failed. */
	afterTrouble: number;
}

export function emptyMultiPollTally(): MultiPollTally {
	return { continued: { 'out of order': 0, narrowed: 0, 'article drain': 0, 'oldest first': 0 }, afterTrouble: 0 };
}
