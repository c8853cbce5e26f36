/**
 * Admin events: entries of the activity log (a dated list, read through the cursor), and changes
 * of an admin's away mode (GET /admins carries no date: the trigger keeps each admin's last seen
 * state and reports the difference).
 */
import type { IDataObject } from 'n8n-workflow';

import type { IntercomClient } from '../../shared/transport/client';
import { compareKeys } from '../cursor';
import { eventKey, readAll, readNewest, type RecordSource, type TriggerEvent } from '../reading';
import type { PollStream, StreamContext } from './types';

const THIRTY_DAYS = 30 * 86_400;

/**
 * Entries created at or after `after + 1` (and before `before`, when given). The API documents
 * only "the start date" and "the end date": asking from a second earlier is right whether the
 * start is inclusive or not (the cursor drops what was emitted), and an entry at `before` that
 * comes back (an inclusive end) lies past the read's `readThrough`, left for the next part.
 */
function activitySource(after: number, now: number, before?: number): RecordSource {
	const query: IDataObject = { created_at_after: String(Math.max(0, after)) };
	if (before !== undefined) query.created_at_before = String(before);
	return {
		request: { method: 'GET', path: '/admins/activity_logs', query },
		pagination: 'cursor',
		itemsPath: 'activity_logs',
		timeOf: (record) => Number(record.created_at),
		eventsOf: (record): TriggerEvent[] => [
			{ ...eventKey(record, 'admin.activity_log.created', String(record.id), 'created_at', now, []), event: 'admin.activity_log.created', data: { activity_log: record } },
		],
	};
}

export const activityLogStream: PollStream = {
	async read(ctx: StreamContext) {
		return await readAll(ctx.client, activitySource(ctx.limits.from - 1, ctx.now, ctx.limits.to), ctx.limits);
	},
	// The log documents no order: a window too large for one poll is narrowed and read in parts.
	boundedWindows: true,
	async sample(ctx: StreamContext) {
		const records = activitySource(ctx.now - THIRTY_DAYS, ctx.now);
		const events = (await readNewest(ctx.client, records, 150)).flatMap(records.eventsOf);
		const latest = events.sort((a, b) => compareKeys(b.key, a.key))[0];
		return latest ? [latest] : [];
	},
};

/** Each admin's away mode, by admin id, as last seen. */
export type AwayStates = Record<string, boolean>;

/**
 * When each admin's kept state was first seen (Unix seconds). The change that leaves a state is
 * identified by it: a copy of the static data restored from before a report reports the same
 * change under the same event_id, so it can be de-duplicated like every other event.
 */
export type AwaySince = Record<string, number>;

export async function listAdmins(client: IntercomClient): Promise<IDataObject[]> {
	const body = await client.request<IDataObject>({ method: 'GET', path: '/admins' });
	return Array.isArray(body.admins) ? (body.admins as IDataObject[]) : [];
}

export function awayStatesOf(admins: IDataObject[]): AwayStates {
	const states: AwayStates = {};
	for (const admin of admins) states[String(admin.id)] = admin.away_mode_enabled === true;
	return states;
}

function awayEvent(admin: IDataObject, previous: boolean | undefined, now: number, since?: number): TriggerEvent {
	const away = admin.away_mode_enabled === true;
	const id = String(admin.id);
	return {
		key: { ts: now, id },
		event: 'admin.away_mode_changed',
		data: { admin, away_mode_enabled: away, previous_away_mode_enabled: previous ?? null },
		eventId: since === undefined ? undefined : `admin.away_mode_changed:${id}:${since}`,
	};
}

/**
 * The changes since the states last seen. An admin seen for the first time has no previous state:
 * it is recorded, not reported (as at the first activation, when every admin is new).
 */
export function awayChanges(previous: AwayStates, admins: IDataObject[], now: number, since: AwaySince = {}): TriggerEvent[] {
	return admins
		.filter((admin) => {
			const before = previous[String(admin.id)];
			return before !== undefined && before !== (admin.away_mode_enabled === true);
		})
		.map((admin) => awayEvent(admin, previous[String(admin.id)], now, since[String(admin.id)] ?? 0));
}

/** For the editor's test event: the admins away now, or else the first admin, as if just changed. */
export function awaySample(admins: IDataObject[], now: number): TriggerEvent[] {
	const away = admins.filter((a) => a.away_mode_enabled === true);
	return (away.length > 0 ? away : admins.slice(0, 1)).map((admin) => awayEvent(admin, admin.away_mode_enabled !== true, now));
}
