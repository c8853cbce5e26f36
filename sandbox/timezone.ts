/**
 * Calendar-day boundaries in an IANA time zone, for contact search (Intercom
 * matches contact dates by calendar day in the workspace's zone). Computed
 * per query, never per record, so searching 100k contacts stays cheap.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Throws RangeError for an unknown zone. */
export function assertTimeZone(timeZone: string): void {
	formatter(timeZone);
}

function wallClock(epochSeconds: number, timeZone: string) {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Offset (seconds) of the zone from UTC at an instant. */
function offsetAt(epochSeconds: number, timeZone: string): number {
	const w = wallClock(epochSeconds, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000 - epochSeconds;
}

/** Epoch seconds of local midnight of the given local calendar date. */
function localMidnight(year: number, month: number, day: number, timeZone: string): number {
	const asUtc = Date.UTC(year, month - 1, day) / 1000;
	// Two passes settle DST transitions (the offset at midnight may differ from the guess's).
	let guess = asUtc - offsetAt(asUtc, timeZone);
	guess = asUtc - offsetAt(guess, timeZone);
	return guess;
}

/** Start (epoch seconds) of the local calendar day containing `epochSeconds`. */
export function dayStart(epochSeconds: number, timeZone: string): number {
	const w = wallClock(epochSeconds, timeZone);
	return localMidnight(w.year, w.month, w.day, timeZone);
}

/** Start of the local calendar day after the one containing `epochSeconds`. */
export function nextDayStart(epochSeconds: number, timeZone: string): number {
	const w = wallClock(epochSeconds, timeZone);
	const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
	return localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
}
