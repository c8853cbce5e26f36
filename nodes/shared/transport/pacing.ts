import type { IDataObject } from 'n8n-workflow';

/** What Intercom's `X-RateLimit-*` headers said on the latest response. */
export interface RateLimitSnapshot {
	limit: number;
	remaining: number;
	/** `X-RateLimit-Reset` is epoch seconds in Intercom's clock; kept here in milliseconds. */
	resetAtMs: number;
}

/** Intercom's rate-limit window: the counters refill every 10 seconds. */
export const RATE_LIMIT_WINDOW_MS = 10_000;

function header(headers: IDataObject | undefined, name: string): number | undefined {
	if (!headers) return undefined;
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return raw === undefined || raw === null || raw === '' || !Number.isFinite(value) ? undefined : value;
}

export function readRateLimit(headers: IDataObject | undefined): RateLimitSnapshot | undefined {
	const limit = header(headers, 'x-ratelimit-limit');
	const remaining = header(headers, 'x-ratelimit-remaining');
	const reset = header(headers, 'x-ratelimit-reset');
	if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
	return { limit, remaining, resetAtMs: reset * 1000 };
}

/** `X-RateLimit-Reset` in milliseconds of Intercom's clock. */
export function resetAtFromHeaders(headers: IDataObject | undefined): number | undefined {
	const reset = header(headers, 'x-ratelimit-reset');
	return reset === undefined ? undefined : reset * 1000;
}

/**
 * Intercom's clock, estimated from the `Date` header of its answers, so a reset time (in Intercom's
 * clock) is compared with Intercom's "now", not with this machine's: a server clock minutes ahead
 * or behind neither stalls pacing nor disables it.
 *
 * `Date` has whole seconds and is stamped somewhere between sending and receiving, so one answer
 * says the offset (server minus local) lies in [Date − received, Date + 1 s − sent]. Answers narrow
 * that range; one that contradicts it (a clock that jumped) starts it again. The estimate is its
 * lower end: Intercom's time is taken as early as it can be, so a reset is never thought nearer than
 * it is (pacing may wait a little longer, never sends into a 429).
 */
export class ServerClock {
	private low?: number;
	private high?: number;

	observe(headers: IDataObject | undefined, sentAt: number, receivedAt: number): void {
		const raw = headers?.date ?? headers?.Date;
		const date = Date.parse(String(Array.isArray(raw) ? raw[0] : (raw ?? '')));
		if (!Number.isFinite(date)) return;
		const low = date - receivedAt;
		const high = date + 1000 - sentAt;
		if (this.low === undefined || this.high === undefined || low > this.high || high < this.low) {
			this.low = low;
			this.high = high;
			return;
		}
		this.low = Math.max(this.low, low);
		this.high = Math.min(this.high, high);
	}

	/** Server minus local, in ms (0 until an answer carried a `Date`). */
	get offsetMs(): number {
		return this.low ?? 0;
	}

	/** A time in Intercom's clock, as this machine's clock reads it. */
	toLocal(serverMs: number): number {
		return serverMs - this.offsetMs;
	}

	toServer(localMs: number): number {
		return localMs + this.offsetMs;
	}
}

/**
 * Spreads requests over what is left of the rate-limit window instead of bursting into a 429.
 *
 * The counters come from Intercom, so every worker and workflow sharing the workspace sees the
 * same `Remaining`: each one slows down as it falls, with no coordination between processes.
 * State lives only for one execution; the server's counters are the truth across executions.
 * A wait is never longer than one window (plus jitter): a reset that claims to be further away
 * (a day ahead) is checked by sending, and only a 429's own reset can make a request wait longer.
 */
export class RateLimitPacer {
	private snapshot?: RateLimitSnapshot;

	/** Requests this client sent since the snapshot, so a burst of parallel calls is counted too. */
	private sentSinceSnapshot = 0;

	constructor(
		readonly serverClock = new ServerClock(),
		/** Pace once fewer than this share of the window's budget is left. */
		private readonly lowShare = 0.5,
	) {}

	observe(headers: IDataObject | undefined): void {
		const snapshot = readRateLimit(headers);
		if (snapshot) {
			this.snapshot = snapshot;
			this.sentSinceSnapshot = 0;
		}
	}

	/** How long to wait before the next request, in ms (at most one window plus 100 ms); counts that request as sent. */
	reserve(now: number, random: () => number): number {
		const s = this.snapshot;
		const serverNow = this.serverClock.toServer(now);
		if (!s || serverNow >= s.resetAtMs) return 0;
		const remaining = s.remaining - this.sentSinceSnapshot;
		this.sentSinceSnapshot += 1;
		const untilReset = Math.min(s.resetAtMs - serverNow, RATE_LIMIT_WINDOW_MS);
		if (remaining <= 0) {
			// Nothing left in this window: start right after it, staggered so parallel clients do not collide.
			return untilReset + Math.floor(random() * 100);
		}
		if (remaining > s.limit * this.lowShare) return 0;
		// Even spacing over the rest of the window keeps the rate just under what is left.
		return Math.floor(untilReset / remaining);
	}

	get last(): RateLimitSnapshot | undefined {
		return this.snapshot;
	}
}
