/**
 * One poll: read the window the cursor asks for, choose what to emit, and only then move the cursor.
 *
 * Every request of a poll happens before the static data is touched, so any error (a 429 storm,
 * a 5xx, a reset connection, a timeout) leaves the cursor where it was and the next poll reads the
 * same window again: what was missed is emitted then, once.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { IntercomClient } from '../shared/transport/client';
import { clock } from '../shared/transport/clock';
import { emittedTest, initialCursor, parseCursor, selectEvents, windowStart, type Cursor } from './cursor';
import type { ReadLimits, TriggerEvent } from './reading';
import { readSettings, type EventName, type TriggerSettings } from './settings';
import { activityLogStream, awayChanges, awaySample, awayStatesOf, listAdmins, type AwaySince, type AwayStates } from './streams/admins';
import { articleStream } from './streams/articles';
import { companyStream } from './streams/companies';
import { contactStream } from './streams/contacts';
import { conversationPartStream, conversationStream } from './streams/conversations';
import type { PollStream, StreamContext } from './streams/types';
import { isValidTimeZone } from './timezone';

export const STATE_VERSION = 1;
/** Ids of events emitted within the late-arrival window that the cursor keeps (see cursor.ts). */
export const MAX_RECENT_IDS = 2_000;
/** Stop fetching once this share of n8n's poll budget is spent; the rest covers emitting and saving. */
const FETCH_SHARE = 0.6;
/** Retries of one request may wait at most this share of the budget. */
const RETRY_SHARE = 0.2;
const DAY = 86_400;

const STREAMS: Record<Exclude<EventName, 'admin.away_mode_changed'>, PollStream> = {
	'contact.created': contactStream('contact.created'),
	'contact.updated': contactStream('contact.updated'),
	'conversation.created': conversationStream('conversation.created'),
	'conversation.updated': conversationStream('conversation.updated'),
	'conversation.closed': conversationStream('conversation.closed'),
	'conversation_part.created': conversationPartStream,
	'article.created': articleStream('article.created'),
	'article.updated': articleStream('article.updated'),
	'admin.activity_log.created': activityLogStream,
	'company.created': companyStream,
};

/** What the trigger keeps in the node's static data. */
interface TriggerState {
	version: number;
	/** The event the cursor belongs to: choosing another event starts afresh. */
	event: EventName;
	cursor?: Cursor;
	away?: AwayStates;
	/** When each admin's kept away state was first seen: the id of the change that leaves it. */
	awaySince?: AwaySince;
	/** The workspace's time zone, from GET /me, checked once a day. */
	timezone?: { name: string | null; checkedAt: number };
}

function readState(staticData: IDataObject, event: EventName): Partial<TriggerState> {
	const timezone = staticData.timezone as TriggerState['timezone'];
	const sameStream = staticData.version === STATE_VERSION && staticData.event === event;
	return {
		timezone: timezone && typeof timezone.checkedAt === 'number' ? timezone : undefined,
		cursor: sameStream ? parseCursor(staticData.cursor) : undefined,
		away: sameStream && staticData.away && typeof staticData.away === 'object' ? (staticData.away as AwayStates) : undefined,
		awaySince: sameStream && staticData.awaySince && typeof staticData.awaySince === 'object' ? (staticData.awaySince as AwaySince) : undefined,
	};
}

/** Replaces the static data's content in place (n8n tracks changes on that object). */
function writeState(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, JSON.parse(JSON.stringify(state)) as IDataObject);
}

function toItem(e: TriggerEvent): INodeExecutionData {
	return {
		json: {
			event: e.event,
			event_id: e.eventId ?? `${e.event}:${e.key.id}:${e.key.ts}`,
			occurred_at: e.key.ts,
			occurred_at_iso: new Date(e.key.ts * 1000).toISOString(),
			...e.data,
		},
	};
}

function output(events: TriggerEvent[]): INodeExecutionData[][] | null {
	return events.length > 0 ? [events.map(toItem)] : null;
}

/** n8n 2.40 gives each poll a time budget; older versions have none (and no such method). */
function pollBudget(ctx: IPollFunctions): { outOfTime: (share?: number) => boolean; budgetMs?: number } {
	const getBudget = (ctx as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs;
	const budgetMs = typeof getBudget === 'function' ? getBudget.call(ctx) : undefined;
	if (typeof budgetMs !== 'number' || !Number.isFinite(budgetMs) || budgetMs <= 0) return { outOfTime: () => false };
	const started = clock.now();
	const fetchMs = budgetMs * FETCH_SHARE;
	return { outOfTime: (share = 1) => clock.now() - started >= fetchMs * share, budgetMs };
}

export async function pollIntercom(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const manual = this.getMode() === 'manual';
	const budget = pollBudget(this);
	const client = await IntercomClient.create(this, {
		policy: budget.budgetMs === undefined ? {} : { maxTotalWaitMs: Math.min(120_000, Math.floor(budget.budgetMs * RETRY_SHARE)) },
	});
	const staticData = this.getWorkflowStaticData('node');
	const state = readState(staticData, settings.event);
	// Taken before the first request: records dated up to here, minus the late-arrival window, are visible.
	const now = Math.floor(clock.now() / 1000);

	if (settings.event === 'admin.away_mode_changed') return await pollAway.call(this, client, settings, state, now, manual);

	const stream = STREAMS[settings.event];
	let timezone = state.timezone;
	const cursor = state.cursor ?? initialCursor(settings.startAt ?? now);
	const isEmitted = emittedTest(cursor);
	const limits: ReadLimits = {
		from: windowStart(cursor),
		cap: settings.maxEventsPerPoll,
		isNew: (key) => !isEmitted(key),
		outOfTime: budget.outOfTime,
	};
	const ctx: StreamContext = {
		client,
		node: this.getNode(),
		settings,
		limits,
		now,
		workspaceTimeZone: async () => {
			if (!timezone || now - timezone.checkedAt >= DAY || timezone.checkedAt > now) {
				const me = await client.request<IDataObject>({ method: 'GET', path: '/me' });
				const name = (me.app as IDataObject | undefined)?.timezone;
				timezone = { name: isValidTimeZone(name) ? name : null, checkedAt: now };
			}
			return timezone.name ?? undefined;
		},
	};

	// "Fetch Test Event": the latest matching event, the cursor untouched.
	if (manual) return output(await stream.sample(ctx));

	const read = await stream.read(ctx);
	const selection = selectEvents(cursor, read.events, {
		// A record of the current second may still be written after this read: never count it as seen.
		visibleThrough: now - 1 - settings.lateArrivalSeconds,
		readThrough: read.readThrough,
		cap: settings.maxEventsPerPoll,
		maxRecent: MAX_RECENT_IDS,
	});
	if (read.cutByBudget && selection.emit.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not read Intercom's changes since ${new Date(limits.from * 1000).toISOString()} within this poll's time budget`,
			{
				description:
					'Nothing was emitted and the cursor did not move; the next poll tries again. Poll more often so that fewer changes pile up between polls, or raise n8n\'s poll time budget.',
			},
		);
	}
	const events = stream.finish ? await stream.finish(selection.emit, ctx) : selection.emit;

	// Every request of this poll succeeded: only now does the cursor move.
	writeState(staticData, {
		version: STATE_VERSION,
		event: settings.event,
		cursor: selection.next,
		timezone,
	});
	return output(events);
}

async function pollAway(
	this: IPollFunctions,
	client: IntercomClient,
	settings: TriggerSettings,
	state: Partial<TriggerState>,
	now: number,
	manual: boolean,
): Promise<INodeExecutionData[][] | null> {
	const admins = await listAdmins(client);
	if (manual) return output(awaySample(admins, now).slice(0, 1));
	const previous = state.away;
	const states = awayStatesOf(admins);
	if (!previous) {
		// First activation: remember everyone's state; report changes from the next poll on.
		const awaySince = Object.fromEntries(Object.keys(states).map((id) => [id, now]));
		writeState(this.getWorkflowStaticData('node'), { version: STATE_VERSION, event: settings.event, away: states, awaySince, timezone: state.timezone });
		return null;
	}
	// A state kept by a version without `awaySince` counts as seen at 0: its next change still gets one stable id.
	const since: AwaySince = state.awaySince ?? {};
	const changes = awayChanges(previous, admins, now, since).slice(0, settings.maxEventsPerPoll);
	const reported = new Set(changes.map((e) => e.key.id));
	const next: AwayStates = {};
	const nextSince: AwaySince = {};
	for (const [id, away] of Object.entries(states)) {
		// A change beyond the cap keeps its old state, so the next poll reports it.
		const keep = previous[id] !== undefined && !reported.has(id);
		next[id] = keep ? previous[id] : away;
		nextSince[id] = keep ? (since[id] ?? 0) : now;
	}
	writeState(this.getWorkflowStaticData('node'), { version: STATE_VERSION, event: settings.event, away: next, awaySince: nextSince, timezone: state.timezone });
	return output(changes);
}
