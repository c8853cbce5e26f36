/**
 * The sandbox's notion of "now". Every timestamp the store writes comes from
 * here, so tests can freeze, set or shift time without touching the system
 * clock (and the control API can set an offset for out-of-process clients).
 */
export class SandboxClock {
	private offsetMs = 0;
	private frozenAtMs: number | undefined;

	constructor(private readonly source: () => number = Date.now) {}

	/** Milliseconds since the Unix epoch. */
	now(): number {
		return (this.frozenAtMs ?? this.source()) + this.offsetMs;
	}

	/** Whole Unix seconds, as Intercom timestamps are. */
	nowSeconds(): number {
		return Math.floor(this.now() / 1000);
	}

	/** Shifts time by an offset relative to the underlying source. */
	setOffsetSeconds(seconds: number): void {
		this.offsetMs = seconds * 1000;
	}

	offsetSeconds(): number {
		return this.offsetMs / 1000;
	}

	/** Freezes time at an absolute Unix second (until `unfreeze`). */
	freezeAt(epochSeconds: number): void {
		this.frozenAtMs = epochSeconds * 1000;
		this.offsetMs = 0;
	}

	unfreeze(): void {
		this.frozenAtMs = undefined;
	}

	/** Moves time forward; works frozen or not. */
	advanceSeconds(seconds: number): void {
		if (this.frozenAtMs !== undefined) this.frozenAtMs += seconds * 1000;
		else this.offsetMs += seconds * 1000;
	}
}
