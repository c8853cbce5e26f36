/**
 * Calendar days in the workspace's time zone. Intercom's contact search compares dates by calendar
 * day in that zone (`updated_at > t` means "from the start of the day after t's day"), so the
 * trigger asks for whole days and filters to the second itself.
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

export function isValidTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone === '') return false;
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

function wallClock(epochSeconds: number, timeZone: string) {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(epochSeconds * 1000))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

function offsetAt(epochSeconds: number, timeZone: string): number {
	const w = wallClock(epochSeconds, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / 1000 - epochSeconds;
}

/** Unix seconds of the start of the calendar day that contains `epochSeconds`, in `timeZone`. */
export function startOfDay(epochSeconds: number, timeZone: string): number {
	const w = wallClock(epochSeconds, timeZone);
	const midnightAsUtc = Date.UTC(w.year, w.month - 1, w.day) / 1000;
	// The offset at midnight can differ from the offset now (DST); a second pass settles it.
	const guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
	return midnightAsUtc - offsetAt(guess, timeZone);
}

/**
 * The value for a contact-search `>` filter that matches every contact at or after `from`: a time
 * in the day before `from`'s day. An hour before midnight stays in that day even where a DST
 * change moves midnight by an hour. Without a known zone, two days back covers every zone on
 * Earth (offsets span 26 hours). Either way the extra records are filtered out client-side.
 */
export function contactSearchFloor(from: number, timeZone: string | undefined): number {
	if (timeZone && isValidTimeZone(timeZone)) return startOfDay(from, timeZone) - 3600;
	return from - 2 * 86_400;
}

/**
 * Unix seconds of a wall-clock time in `timeZone`, given as the Unix seconds that wall clock would
 * be in UTC. A time that a DST change skips or repeats resolves to the offset before the change.
 */
export function fromWallClock(wallAsUtc: number, timeZone: string): number {
	const guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
	return wallAsUtc - offsetAt(guess, timeZone);
}
