/**
 * Calendar days in the workspace's time zone. Intercom's contact search compares dates by calendar
 * day in that zone (`updated_at > t` means "from the start of the day after t's day"), so the
 * trigger asks for whole days and filters to the second itself.
 */
import { isValidTimeZone, wallClockAt, zoneOffsetMs } from '../shared/values';

// The zone arithmetic is shared with the action node's dates (nodes/shared/values.ts).
export { isValidTimeZone };

function offsetAt(epochSeconds: number, timeZone: string): number {
	return zoneOffsetMs(epochSeconds * 1000, timeZone) / 1000;
}

/** Unix seconds of the start of the calendar day that contains `epochSeconds`, in `timeZone`. */
export function startOfDay(epochSeconds: number, timeZone: string): number {
	const w = wallClockAt(epochSeconds * 1000, timeZone);
	const midnightAsUtc = Date.UTC(w.year, w.month - 1, w.day) / 1000;
	// The offset at midnight can differ from the offset now (DST); a second pass settles it.
	const guess = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
	return midnightAsUtc - offsetAt(guess, timeZone);
}

/**
 * The value for a contact-search `>` filter that matches every contact at or after `from`: a time
 * in the day before `from`'s day. An hour before midnight stays in that day even where a DST
 * change moves midnight by an hour. Without a known zone, the UTC midnight two days back covers
 * every zone on Earth (offsets span 26 hours). Either way the extra records are filtered out
 * client-side.
 */
export function contactSearchFloor(from: number, timeZone: string | undefined): number {
	if (timeZone && isValidTimeZone(timeZone)) return startOfDay(from, timeZone) - 3600;
	// At a UTC midnight, so the floor stays the same all day and a busy day is recognised (streams/contacts.ts).
	return Math.floor(from / 86_400) * 86_400 - 2 * 86_400;
}

