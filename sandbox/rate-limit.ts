/**
 * Intercom's rate limiting: a per-workspace budget per fixed window
 * (Intercom spreads its per-minute limit over 10-second windows). Every
 * authenticated answer carries X-RateLimit-Limit / -Remaining / -Reset
 * (Reset = epoch seconds when the current window ends); once the budget is
 * spent, requests get 429 `rate_limit_exceeded` until the window rolls over.
 * Counting is per workspace, so two clients with the same workspace share it.
 */
export interface RateLimitSettings {
	/** Requests allowed per window per workspace. */
	limit: number;
	windowSeconds: number;
	enabled: boolean;
}

export interface RateLimitDecision {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Epoch seconds at which the window resets. */
	reset: number;
}

export class RateLimiter {
	settings: RateLimitSettings;
	private readonly windows = new Map<string, { start: number; used: number }>();

	constructor(settings: Partial<RateLimitSettings> = {}) {
		this.settings = { limit: 1000, windowSeconds: 10, enabled: true, ...settings };
	}

	configure(settings: Partial<RateLimitSettings>): void {
		this.settings = { ...this.settings, ...settings };
		this.windows.clear();
	}

	/** Spends one request of the workspace's budget (if any is left). */
	take(workspaceId: string, nowMs: number): RateLimitDecision {
		const { limit, windowSeconds, enabled } = this.settings;
		const nowSeconds = Math.floor(nowMs / 1000);
		const start = nowSeconds - (nowSeconds % windowSeconds);
		let window = this.windows.get(workspaceId);
		if (!window || window.start !== start) {
			window = { start, used: 0 };
			this.windows.set(workspaceId, window);
		}
		const reset = start + windowSeconds;
		if (!enabled) return { allowed: true, limit, remaining: limit, reset };
		if (window.used >= limit) return { allowed: false, limit, remaining: 0, reset };
		window.used++;
		return { allowed: true, limit, remaining: limit - window.used, reset };
	}

	/** Current state without spending. */
	peek(workspaceId: string, nowMs: number): RateLimitDecision {
		const { limit, windowSeconds } = this.settings;
		const nowSeconds = Math.floor(nowMs / 1000);
		const start = nowSeconds - (nowSeconds % windowSeconds);
		const window = this.windows.get(workspaceId);
		const used = window && window.start === start ? window.used : 0;
		return { allowed: used < limit, limit, remaining: Math.max(0, limit - used), reset: start + windowSeconds };
	}

	reset(): void {
		this.windows.clear();
	}
}
