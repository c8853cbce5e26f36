/**
 * One poll: read the window the cursor asks for, choose what to emit, and only then move the cursor.
 *
 * Every request of a poll happens before the static data is touched, so any error (a 429 storm,
 * a 5xx, a reset connection, a timeout) leaves the cursor where it was and the next poll reads the
 * same window again: what was missed is emitted then, once.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { IntercomClient } from '../shared/transport/client';
import { clock } from '../shared/transport/clock';
import { compareKeys, emittedTest, initialCursor, planWindow, selectEvents, type Cursor, type EventKey, type Resume, type WindowPlan } from './cursor';
import { parseCursor, serializeCursor, START_AFRESH } from './cursor-state';
import { selectOutOfOrder } from './out-of-order';
import type { ReadLimits, TriggerEvent, WindowRead } from './reading';
import { readSettings, type EventName, type TriggerSettings } from './settings';
import { activityLogStream, awayChanges, awaySample, awayStatesOf, listAdmins, type AwaySince, type AwayStates } from './streams/admins';
import { articleStream } from './streams/articles';
import { companyStream } from './streams/companies';
import { contactStream } from './streams/contacts';
import { conversationPartStream, conversationStream } from './streams/conversations';
import { ticketStream } from './streams/tickets';
import type { PollStream, StreamContext } from './streams/types';
import { isValidTimeZone } from './timezone';

export const STATE_VERSION = 2;
/** The state versions this node reads (1: the first cursor format, carried over as it is). */
const READABLE_STATE_VERSIONS = [1, STATE_VERSION];
/**
 * Ids of events emitted above the settled line that the cursor keeps (see cursor.ts): a burst of
 * this many is emitted at once; beyond it, emission waits until time settles them. Stored packed
 * (cursor-state.ts): under 64 KB up to 2,000 ids, a few bytes to about 25 (random 24-character
 * contact ids) per id above.
 */
export const MAX_RECENT_IDS = 100_000;
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
	'ticket.created': ticketStream('ticket.created'),
	'ticket.state_changed': ticketStream('ticket.state_changed'),
	'company.created': companyStream,
};

/** What the trigger keeps in the node's static data. */
interface TriggerState {
	version: number;
	/** The event the cursor belongs to: choosing another event starts afresh. */
	event: EventName;
	cursor?: Record<string, unknown>;
	away?: AwayStates;
	/** When each admin's kept away state was first seen: the id of the change that leaves it. */
	awaySince?: AwaySince;
	/** The workspace's time zone, from GET /me, checked once a day. */
	timezone?: { name: string | null; checkedAt: number };
	/** The last time a partly unreadable cursor was recovered, and how (kept for whoever looks). */
	recovered?: { at: string; message: string };
	/** A cost hint of the contact events (StreamContext.busyDay). */
	busyDay?: number;
}

interface ReadState {
	timezone?: TriggerState['timezone'];
	/** The saved cursor, as stored, when it belongs to this event. */
	cursor?: unknown;
	/** Whether a state of this event exists (then its cursor must be readable). */
	sameEvent: boolean;
	/** No state at all (not even another event's). */
	empty: boolean;
	away?: AwayStates;
	awaySince?: AwaySince;
	recovered?: TriggerState['recovered'];
	busyDay?: number;
}

function readState(staticData: IDataObject, event: EventName): ReadState {
	const timezone = staticData.timezone as TriggerState['timezone'];
	// A state of another event (or none) starts afresh, as documented; one of this event is read strictly.
	const sameEvent = staticData.event === event;
	const known = READABLE_STATE_VERSIONS.includes(staticData.version as number);
	return {
		timezone: timezone && typeof timezone === 'object' && typeof timezone.checkedAt === 'number' ? timezone : undefined,
		sameEvent,
		empty: staticData.event === undefined && staticData.cursor === undefined && staticData.away === undefined,
		cursor: sameEvent ? (known ? staticData.cursor : { version: staticData.version }) : undefined,
		away: sameEvent && staticData.away && typeof staticData.away === 'object' ? (staticData.away as AwayStates) : undefined,
		awaySince: sameEvent && staticData.awaySince && typeof staticData.awaySince === 'object' ? (staticData.awaySince as AwaySince) : undefined,
		recovered: sameEvent ? (staticData.recovered as TriggerState['recovered']) : undefined,
		busyDay: sameEvent && typeof staticData.busyDay === 'number' ? staticData.busyDay : undefined,
	};
}

/**
 * n8n 1.x saves a workflow's static data only when its id has at most 16 characters (the ids n8n
 * makes; `isWorkflowIdValid`): a workflow imported under a longer id of its own keeps no position.
 */
const STATIC_DATA_ID_MAX_1X = 16;

function idTooLongForStaticData(ctx: IPollFunctions): string {
	const id = String(ctx.getWorkflow().id ?? '');
	if (id.length <= STATIC_DATA_ID_MAX_1X) return '';
	return ` This workflow's id has ${id.length} characters: n8n 1.x saves no static data for a workflow whose id is longer than ${STATIC_DATA_ID_MAX_1X}, so this trigger keeps no position across restarts there. Import the workflow under a shorter id (or from the editor, which gives it one).`;
}

/** The cursor to read from: saved, recovered, or new; never a silent reset. */
function cursorFor(ctx: IPollFunctions, state: ReadState, settings: TriggerSettings, now: number): { cursor: Cursor; recovered?: TriggerState['recovered'] } {
	if (!state.sameEvent) {
		const start = settings.startAt ?? now;
		// n8n starting up re-activates the workflows that were active, whose first poll saved a position:
		// none at all here means it was lost, or the workflow was made active outside the editor. Said, not hidden.
		if (!state.empty || ctx.getActivationMode?.() !== 'init') return { cursor: initialCursor(start) };
		const message = `No saved position was found when n8n started. Reading from ${new Date(start * 1000).toISOString()} (${settings.startAt === undefined ? 'now' : 'Start From'}). If this trigger polled before n8n stopped, its position was lost and changes made while n8n was down are not emitted: to emit them, set Start From to when n8n stopped and rename this trigger node (n8n keeps a node's state under its name).${idTooLongForStaticData(ctx)}`;
		ctx.logger?.warn(`Intercom Trigger "${ctx.getNode().name}": ${message}`);
		return { cursor: initialCursor(start), recovered: { at: new Date(now * 1000).toISOString(), message } };
	}
	const parsed = parseCursor(state.cursor, { now, lateArrivalSeconds: settings.lateArrivalSeconds, maxRecent: MAX_RECENT_IDS });
	if (!parsed.ok) {
		throw new NodeOperationError(ctx.getNode(), `The trigger's saved position cannot be used: ${parsed.problem}`, {
			description: `Nothing was read and nothing was changed. ${START_AFRESH}`,
		});
	}
	if (!parsed.recovered) return { cursor: parsed.cursor, recovered: state.recovered };
	ctx.logger?.warn(`Intercom Trigger "${ctx.getNode().name}": ${parsed.recovered}`);
	return { cursor: parsed.cursor, recovered: { at: new Date(now * 1000).toISOString(), message: parsed.recovered } };
}

/** Replaces the static data's content in place (n8n tracks changes on that object). */
function writeState(staticData: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, JSON.parse(JSON.stringify(state)) as IDataObject);
}

/**
 * Reads the poll's window. A saved search position Intercom no longer accepts (a 400 or 422 on it)
 * is dropped, and the window is read from its start instead: that repeats nothing (the cursor says
 * what was handled), it only reads again what the position would have skipped.
 */
async function readWindow(stream: PollStream, ctx: StreamContext, plan: WindowPlan, warn: (message: string) => void): Promise<WindowRead> {
	// Any other failure stays the transport's own error (and fails the poll before the cursor moves).
	return await stream.read(ctx).catch(async (error: unknown) => {
		const refused = error instanceof NodeApiError && (error.httpCode === '400' || error.httpCode === '422');
		if (!plan.resume || !refused) return await Promise.reject(error);
		warn(
			`Intercom refused the saved search position (HTTP ${String((error as NodeApiError).httpCode)}); reading the window from ${new Date(plan.from * 1000).toISOString()} again instead. Nothing is lost or repeated.`,
		);
		delete plan.resume;
		ctx.limits.startingAfter = undefined;
		ctx.limits.handledRecords = undefined;
		return await stream.read(ctx);
	});
}

/**
 * Where the next poll continues a read that stopped before its end: at the page holding the first
 * record this poll did not handle, or after the last page when it handled all it read. None when
 * the read was complete, could not say where it stopped, or would start over from its first page anyway.
 */
function resumeAfter(read: WindowRead, firstLeft: EventKey | undefined, plan: WindowPlan, now: number): Resume | undefined {
	if (!read.positions) return undefined;
	let startingAfter: string | undefined = read.positions.next;
	if (firstLeft) {
		const page = [...read.positions.pages].reverse().find((p) => compareKeys(p.firstKey, firstLeft) <= 0) ?? read.positions.pages[0];
		startingAfter = page?.startingAfter;
	}
	if (startingAfter === undefined) return undefined;
	return { from: plan.from, full: plan.full, startingAfter, startedAt: plan.resume?.startedAt ?? now };
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
	const { cursor, recovered } = manual ? { cursor: initialCursor(now), recovered: undefined } : cursorFor(this, state, settings, now);
	const isEmitted = emittedTest(cursor);
	const plan = planWindow(cursor, now, settings.lateArrivalSeconds);
	// A read handled out of order that only counts (out-of-order.ts) emits nothing: no cap stops it.
	const pass = plan.resume ? plan.resume.outOfOrder?.pass : cursor.pass;
	const limits: ReadLimits = {
		from: plan.from,
		to: stream.boundedWindows ? plan.to : undefined,
		cap: pass && 'thresholds' in pass ? Number.MAX_SAFE_INTEGER : settings.maxEventsPerPoll,
		isNew: (key) => !isEmitted(key),
		outOfTime: budget.outOfTime,
		startingAfter: plan.resume?.startingAfter,
		handledRecords: plan.resume?.outOfOrder?.handled,
	};
	const ctx: StreamContext = {
		client,
		node: this.getNode(),
		settings,
		limits,
		now,
		busyDay: state.busyDay,
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
	if (manual) return output((await stream.sample(ctx)).filter((e) => !e.silent));

	const read = await readWindow(stream, ctx, plan, (message) => this.logger?.warn(`Intercom Trigger "${this.getNode().name}": ${message}`));
	// Every request of this poll succeeded once this is called: only then does the cursor move.
	const saveCursor = (next: Cursor) =>
		writeState(staticData, {
			version: STATE_VERSION,
			event: settings.event,
			cursor: serializeCursor(next),
			timezone,
			...(recovered ? { recovered } : {}),
			...(ctx.busyDay === undefined ? {} : { busyDay: ctx.busyDay }),
		});
	// Only a full read may settle: a forward one did not look below the watermark again. A record of
	// the current second may still be written after this read: never count it as seen.
	// A full read continued over several polls sees only what its first poll could.
	const visibleThrough = plan.full ? (plan.resume?.startedAt ?? now) - 1 - settings.lateArrivalSeconds : cursor.settled;
	// A window read whole that does not fit is narrowed first (below); a single second of it, one
	// with no order to narrow in, or one that fits but holds more than one poll emits (the read
	// stopped at the cap, not the budget), is handled out of order over the next polls.
	const width = (limits.to ?? now) - limits.from;
	if (read.outOfOrder && (plan.resume?.outOfOrder || !stream.boundedWindows || width <= 1 || !read.cutByBudget)) {
		const chosen = selectOutOfOrder(cursor, read.outOfOrder, plan, {
			now,
			visibleThrough,
			readThrough: limits.to === undefined ? Infinity : limits.to - 1,
			cap: settings.maxEventsPerPoll,
			maxRecent: MAX_RECENT_IDS,
			readTop: read.readTop,
		});
		// A narrowed window read to its end: the next poll may take a wider one.
		const span = limits.to === undefined ? undefined : chosen.complete ? (cursor.span ?? 1) * 2 : cursor.span;
		const events = stream.finish ? await stream.finish(chosen.emit, ctx) : chosen.emit;
		saveCursor({ ...chosen.next, ...(span === undefined ? {} : { span }) });
		return output(events);
	}
	const selection = selectEvents(cursor, read.events, {
		now,
		visibleThrough,
		readThrough: read.readThrough,
		readThroughKey: read.readThroughKey,
		cap: settings.maxEventsPerPoll,
		maxRecent: MAX_RECENT_IDS,
		readTop: read.readTop,
	});
	const resume = resumeAfter(read, selection.firstLeft, plan, now);
	// A read continued at a later search position made progress too (a settling read of one busy second, say).
	const progressed =
		compareKeys(selection.next.watermark, cursor.watermark) > 0 ||
		selection.next.settled > cursor.settled ||
		(resume !== undefined && resume.startingAfter !== plan.resume?.startingAfter);
	if (read.cutByBudget && !progressed) {
		if (!stream.boundedWindows || width <= 1) {
			throw new NodeOperationError(
				this.getNode(),
				`Could not read Intercom's changes since ${new Date(limits.from * 1000).toISOString()} within this poll's time budget`,
				{
					description:
						'Nothing was emitted and the cursor did not move; the next poll tries again. Poll more often so that fewer changes pile up between polls, or raise n8n\'s poll time budget.',
				},
			);
		}
		// A window read whole that does not fit: the next poll reads half of it (and so on until a part fits).
		saveCursor({ ...cursor, span: Math.floor(width / 2) });
		return null;
	}
	// A narrowed window read in full: the next poll may take a wider one; a complete read of the rest drops the narrowing.
	const span = limits.to === undefined ? undefined : read.cutByBudget ? cursor.span : (cursor.span ?? 1) * 2;
	const events = stream.finish ? await stream.finish(selection.emit, ctx) : selection.emit;
	saveCursor({ ...selection.next, ...(span === undefined ? {} : { span }), ...(resume ? { resume } : {}) });
	return output(events);
}

async function pollAway(
	this: IPollFunctions,
	client: IntercomClient,
	settings: TriggerSettings,
	state: ReadState,
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
