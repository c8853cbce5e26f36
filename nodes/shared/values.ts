import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Conversions from what users type (or expressions produce) into what the API field takes.
 * Every failure names the parameter and the item, and happens before any request is sent.
 */

function fail(node: INode, parameter: string, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(node, `Parameter "${parameter}": ${message}`, { itemIndex, description });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_FIELDS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2}))?)?)?/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
/** A zone-less date or date-time, whole: hours and minutes go together. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
/** 9999-12-31T23:59:59Z, the last second an ISO date can name. */
const MAX_UNIX_SECONDS = 253402300799;
const DATE_HINT = 'Use an ISO 8601 date (such as 2025-01-01T00:00:00Z), Unix seconds, or a date from an expression.';
const SECONDS_HINT = 'Use Unix seconds (such as 1735689600), an ISO 8601 date (such as 2025-01-01T00:00:00Z), or a date from an expression.';

/** The longest piece of a user's value an error message repeats. */
export const MAX_QUOTED = 200;

/** A user's value as an error quotes it: at most 200 characters, however long the value. */
export function quote(value: unknown, max = MAX_QUOTED): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = String(value);
		}
	}
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether an ISO date names a real day and time: Date.parse turns 30 February into 2 March. */
function isRealDate(text: string): boolean {
	const m = ISO_FIELDS.exec(text);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	const upTo = (field: string | undefined, max: number) => field === undefined || Number(field) <= max;
	return days !== undefined && day >= 1 && day <= days && upTo(m[4], 23) && upTo(m[5], 59) && upTo(m[6], 59);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
	let f = zoneFormatters.get(timeZone);
	if (!f) {
		try {
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
		} catch {
			return undefined;
		}
		zoneFormatters.set(timeZone, f);
	}
	return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Europe/Dublin`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
	return typeof timeZone === 'string' && timeZone !== '' && zoneFormatter(timeZone) !== undefined;
}

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall clock in `timeZone` (a valid one, see isValidTimeZone) at the instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
	const w: Record<string, number> = {};
	for (const p of zoneFormatter(timeZone)!.formatToParts(new Date(ms))) if (p.type !== 'literal') w[p.type] = Number(p.value);
	return w as unknown as WallClock;
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`, in ms (0 for an unknown zone). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
	if (!zoneFormatter(timeZone)) return 0;
	const w = wallClockAt(ms, timeZone);
	const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Epoch ms of an ISO date-time as n8n means it: with a zone (`Z`, `+02:00`) it is that instant;
 * without one it is a wall-clock time in `timeZone`, the workflow's time zone (Settings → Time
 * zone), never the time zone of the machine n8n runs on. A date alone is that day's midnight there.
 * NaN when the text is not a real date. Shared by the action node and the trigger.
 */
export function parseDateInZone(text: string, timeZone: string | undefined): number {
	const trimmed = text.trim();
	if (!ISO_DATE.test(trimmed) || !isRealDate(trimmed)) return NaN;
	if (HAS_ZONE.test(trimmed)) return Date.parse(trimmed.replace(' ', 'T'));
	const m = WALL_TIME.exec(trimmed);
	if (!m) return NaN;
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + fraction;
	// Without a usable zone, a zone-less date is read as UTC: the same on every host.
	if (!timeZone || !zoneFormatter(timeZone)) return wall;
	// The offset at the wall time itself can differ from the offset at the instant (DST); a second pass
	// settles it. A wall time the clocks skip (2:30 when they jump from 2:00 to 3:00) has no instant
	// of its own and is read as the later one (3:30), as Luxon does.
	const first = wall - zoneOffsetMs(wall, timeZone);
	const offset = zoneOffsetMs(first, timeZone);
	const second = wall - offset;
	return zoneOffsetMs(second, timeZone) === offset ? second : Math.max(first, second);
}

/**
 * Unix seconds from an n8n date/time value (Luxon DateTime or Date), an ISO 8601 string, or Unix
 * seconds (number or digits). Values that only make sense as milliseconds are refused rather than
 * guessed, so a mistaken unit never silently lands decades away; so are impossible dates (30
 * February, hour 25) and moments before 1970 or after 9999, which no Intercom field takes.
 * An ISO string without a zone is read in `timeZone` (the workflow's), see parseDateInZone.
 */
export function toUnixSeconds(value: unknown, node: INode, parameter: string, itemIndex: number, timeZone?: string): number {
	let seconds: number;
	if (value && typeof value === 'object' && typeof (value as { toSeconds?: unknown }).toSeconds === 'function') {
		const luxon = value as { toSeconds: () => number; isValid?: boolean };
		seconds = luxon.isValid === false ? NaN : luxon.toSeconds();
	} else if (value && typeof value === 'object' && typeof (value as { getTime?: unknown }).getTime === 'function') {
		seconds = (value as Date).getTime() / 1000;
	} else if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		seconds = Number(value);
		if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_UNIX_SECONDS) {
			fail(node, parameter, itemIndex, `${quote(String(value).trim(), 60)} is not a Unix time in seconds`, SECONDS_HINT);
		}
	} else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		const ms = parseDateInZone(text, timeZone);
		if (Number.isNaN(ms)) fail(node, parameter, itemIndex, `"${quote(text, 60)}" is not a date`, DATE_HINT);
		seconds = ms / 1000;
	} else {
		return fail(node, parameter, itemIndex, 'a date is required');
	}
	if (!Number.isFinite(seconds)) fail(node, parameter, itemIndex, 'the date is invalid');
	if (seconds < 0) fail(node, parameter, itemIndex, 'the date is before 1970, which Intercom cannot store', DATE_HINT);
	if (seconds > MAX_UNIX_SECONDS) fail(node, parameter, itemIndex, 'the date is after the year 9999', DATE_HINT);
	return Math.floor(seconds);
}

/** What a value that is not text is, for an error: "an object", "NaN", "true". */
function describeNonText(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	if (value instanceof Date || (value && typeof (value as { toISO?: unknown }).toISO === 'function')) return 'a date object';
	if (value && typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

const TEXT_HINT =
	'This parameter takes text (a number is sent as text). Make the expression give text, e.g. {{ $json.name }}, ' +
	'{{ $json.list.join(", ") }}, {{ JSON.stringify($json.data) }} or {{ $json.date.toISO() }}.';

/**
 * A text parameter's value as the API gets it: text as given, a finite number as its digits,
 * null or undefined as "not given" (undefined). Anything else — an object, a list, NaN, ±Infinity,
 * a boolean, a date object — is refused naming the parameter and the item, so it can never reach
 * Intercom as JSON, `null`, "[object Object]", "a,b" or "NaN".
 */
export function toText(value: unknown, node: INode, parameter: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new NodeOperationError(node, `Parameter "${parameter}" [item ${itemIndex}]: ${describeNonText(value)} is not text`, {
		itemIndex,
		description: TEXT_HINT,
	});
}

/** Parses a JSON parameter (a string, or an object an expression already produced). */
export function parseJsonParameter(value: unknown, node: INode, parameter: string, itemIndex: number): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') fail(node, parameter, itemIndex, 'JSON is required');
	try {
		return JSON.parse(value);
	} catch (error) {
		return fail(node, parameter, itemIndex, 'invalid JSON', (error as Error).message);
	}
}

export function parseJsonObject(value: unknown, node: INode, parameter: string, itemIndex: number): IDataObject {
	const parsed = parseJsonParameter(value, node, parameter, itemIndex);
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		fail(node, parameter, itemIndex, 'a JSON object ({ … }) is required');
	}
	return parsed as IDataObject;
}

/** A non-empty string, trimmed. */
export function requireString(value: unknown, node: INode, parameter: string, itemIndex: number): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') fail(node, parameter, itemIndex, 'a value is required');
	return text;
}

/**
 * An integer, from a number or a string of digits. Only exact integers pass: beyond 2^53 a number
 * silently becomes a neighbouring one (a wrong ID), and "0x10" or "1e3" are not what anyone types
 * for an ID or a count.
 */
export function toInteger(value: unknown, node: INode, parameter: string, itemIndex: number): number {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) fail(node, parameter, itemIndex, 'a value is required');
	const n = typeof value === 'string' ? (/^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN) : value;
	if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
		const shown = typeof value === 'number' ? String(value) : typeof value === 'string' ? `"${quote(value, 58)}"` : quote(value, 60);
		fail(node, parameter, itemIndex, `${shown} is not a whole number`);
	}
	return n;
}

/** A list from a comma-separated string or an array; empty entries dropped. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((p) => String(p).trim()).filter((p) => p !== '');
}

export { fail as failParameter };
