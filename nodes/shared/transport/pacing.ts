import type { IDataObject } from 'n8n-workflow';

/** What Intercom's `X-RateLimit-*` headers said on the latest response. */
export interface RateLimitSnapshot {
	limit: number;
	remaining: number;
	/** `X-RateLimit-Reset` is epoch seconds; kept here in milliseconds. */
	resetAtMs: number;
}

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

export function resetAtFromHeaders(headers: IDataObject | undefined): number | undefined {
	const reset = header(headers, 'x-ratelimit-reset');
	return reset === undefined ? undefined : reset * 1000;
}

/**
 * Spreads requests over what is left of the rate-limit window instead of bursting into a 429.
 *
 * The counters come from Intercom, so every worker and workflow sharing the workspace sees the
 * same `Remaining`: each one slows down as it falls, with no coordination between processes.
 * State lives only for one execution; the server's counters are the truth across executions.
 */
export class RateLimitPacer {
	private snapshot?: RateLimitSnapshot;

	/** Requests this client sent since the snapshot, so a burst of parallel calls is counted too. */
	private sentSinceSnapshot = 0;

	constructor(
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

	/** How long to wait before the next request, in ms; counts that request as sent. */
	reserve(now: number, random: () => number): number {
		const s = this.snapshot;
		if (!s || now >= s.resetAtMs) return 0;
		const remaining = s.remaining - this.sentSinceSnapshot;
		this.sentSinceSnapshot += 1;
		const untilReset = s.resetAtMs - now;
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
