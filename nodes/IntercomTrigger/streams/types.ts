import type { INode } from 'n8n-workflow';

import type { IntercomClient } from '../../shared/transport/client';
import type { ReadLimits, TriggerEvent, WindowRead } from '../reading';
import type { TriggerSettings } from '../settings';

export interface StreamContext {
	client: IntercomClient;
	node: INode;
	settings: TriggerSettings;
	limits: ReadLimits;
	/** The poll's start, Unix seconds. */
	now: number;
	/** The workspace's IANA time zone (cached in static data; GET /me at most once a day). */
	workspaceTimeZone: () => Promise<string | undefined>;
	/**
	 * Kept in static data for the next polls: the contact-search day (its search floor) whose first
	 * page, oldest first, was seen to lie before the window, so that day is not tried again for a
	 * window starting there (a cost hint only; see streams/contacts.ts).
	 */
	busyDay?: number;
}

/** An event source read through a time window and the cursor. */
export interface PollStream {
	/** Every record of the window `ctx.limits.from` onwards (or up to `readThrough`). */
	read(ctx: StreamContext): Promise<WindowRead>;
	/** The most recent matching event(s), for the editor's "Fetch Test Event"; one or two requests. */
	sample(ctx: StreamContext): Promise<TriggerEvent[]>;
	/**
	 * The stream reads its window whole (in no useful order) and honours `limits.to`: a window too
	 * large for one poll's time budget is then narrowed until it fits, and read in parts.
	 */
	boundedWindows?: boolean;
	/** Completes the events chosen for emission (for example with full conversations). */
	finish?(events: TriggerEvent[], ctx: StreamContext): Promise<TriggerEvent[]>;
}
