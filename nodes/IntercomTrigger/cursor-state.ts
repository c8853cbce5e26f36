/**
 * The cursor as static data: written compactly, read back strictly, and never thrown away in
 * silence. A cursor that is partly readable is recovered from what is readable (the watermark's
 * time is enough: reading again from there loses nothing, it can only repeat events already
 * emitted, under their stable event_id); one that cannot be read at all, or that is dated in the
 * future, fails the poll with an error that says what is wrong and how to start afresh.
 */
import { CURSOR_VERSION, compareIds, initialCursor, type Cursor, type EventKey, type OutOfOrderPass, type OutOfOrderProgress, type Resume } from './cursor';

/** How the first cursor format (version 1, without `readTop`) is recognised and carried over. */
const LEGACY_VERSION = 1;
const DIGITS = /^\d+$/;
/** Ids of one second, stored as one string: sorted, each as the length it shares with the one before (base 36) and the rest. */
const SEPARATOR = ',';

export const START_AFRESH =
	'To start afresh, rename this trigger node (n8n keeps a node\'s saved state under its name): the renamed node starts from its activation, or from Start From.';

export type ParsedCursor =
	| { ok: true; cursor: Cursor; recovered?: string }
	| { ok: false; problem: string };

function isInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

const HEX = /^(?:[0-9a-f]{2})+$/;
/** Lower-case hex ids (Intercom's 24-character contact ids) travel as base64url: 16 characters instead of 24. */
const MARK_HEX = '~';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function hexToB64(hex: string): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const c of hex) {
		value = ((value << 4) | parseInt(c, 16)) & 0xfff;
		bits += 4;
		if (bits >= 6) {
			bits -= 6;
			out += B64[(value >> bits) & 63];
		}
	}
	// The length of the hex (even) says how many bits the last character carries.
	if (bits > 0) out += B64[(value << (6 - bits)) & 63];
	return out;
}

function b64ToHex(text: string, hexLength: number): string | undefined {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const c of text) {
		const v = B64.indexOf(c);
		if (v < 0) return undefined;
		value = ((value << 6) | v) & 0xffff;
		bits += 6;
		while (bits >= 4 && out.length < hexLength) {
			bits -= 4;
			out += ((value >> bits) & 15).toString(16);
		}
	}
	return out.length === hexLength ? out : undefined;
}

function packIds(ids: string[]): string | string[] {
	if (ids.some((id) => id.includes(SEPARATOR) || id === '')) return [...ids];
	// Ids of one length in lower-case hex: base64url, marked with their hex length.
	const length = ids[0].length;
	if (ids.every((id) => id.length === length && HEX.test(id))) return `${MARK_HEX}${length}${SEPARATOR}${frontCode(ids.map(hexToB64).sort())}`;
	return frontCode([...ids].sort(compareIds));
}

function frontCode(sorted: string[]): string {
	let previous = '';
	const parts: string[] = [];
	for (const id of sorted) {
		let shared = 0;
		while (shared < 35 && shared < id.length && shared < previous.length && id[shared] === previous[shared]) shared++;
		// One base-36 digit for the shared length, then the rest: sorted numeric ids take a few bytes each.
		parts.push(shared.toString(36) + id.slice(shared));
		previous = id;
	}
	return parts.join(SEPARATOR);
}

function unpackIds(packed: unknown): string[] | undefined {
	if (Array.isArray(packed)) return packed.every((id) => typeof id === 'string') ? [...(packed as string[])] : undefined;
	if (typeof packed !== 'string' || packed === '') return undefined;
	if (packed.startsWith(MARK_HEX)) {
		const [head, ...rest] = packed.split(SEPARATOR);
		const length = Number(head.slice(1));
		const encoded = Number.isInteger(length) && length > 0 ? frontDecode(rest) : undefined;
		if (!encoded) return undefined;
		const ids = encoded.map((e) => b64ToHex(e, length));
		return ids.every((id): id is string => id !== undefined) ? ids : undefined;
	}
	return frontDecode(packed.split(SEPARATOR));
}

function frontDecode(parts: string[]): string[] | undefined {
	if (parts.length === 0) return undefined;
	const ids: string[] = [];
	let previous = '';
	for (const part of parts) {
		const shared = parseInt(part[0] ?? '', 36);
		if (!Number.isInteger(shared) || shared > previous.length) return undefined;
		previous = previous.slice(0, shared) + part.slice(1);
		ids.push(previous);
	}
	return ids;
}

/** The cursor as it is stored in static data. */
export function serializeCursor(cursor: Cursor): Record<string, unknown> {
	const recent: Record<string, string | string[]> = {};
	for (const [ts, ids] of Object.entries(cursor.recent)) if (ids.length > 0) recent[ts] = packIds(ids);
	const span = cursor.span === undefined ? {} : { span: cursor.span };
	const resume = cursor.resume ? { resume: JSON.parse(JSON.stringify(cursor.resume)) as Resume } : {};
	const pass = cursor.pass ? { pass: JSON.parse(JSON.stringify(cursor.pass)) as OutOfOrderPass } : {};
	return { version: CURSOR_VERSION, watermark: { ...cursor.watermark }, settled: cursor.settled, readTop: cursor.readTop, recent, ...span, ...resume, ...pass };
}

export interface ParseLimits {
	/** The poll's start, Unix seconds. */
	now: number;
	/** The allowed difference between clocks (the late-arrival window). */
	lateArrivalSeconds: number;
	/** The most ids `recent` may hold. */
	maxRecent: number;
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * Reads a cursor back from static data. `raw` is whatever was stored under `cursor` by a poll of
 * the same event (a state of another event never gets here: the trigger starts afresh then).
 */
export function parseCursor(raw: unknown, limits: ParseLimits): ParsedCursor {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, problem: `the saved position is ${raw === undefined ? 'missing' : `not an object (${JSON.stringify(raw)?.slice(0, 40)})`}` };
	}
	const c = raw as Record<string, unknown>;
	if (c.version !== CURSOR_VERSION && c.version !== LEGACY_VERSION) {
		return { ok: false, problem: `the saved position has a format this version of the node does not know (${JSON.stringify(c.version)?.slice(0, 20)}); it was probably written by a newer version` };
	}
	const wm = c.watermark as Partial<EventKey> | undefined;
	if (!wm || typeof wm !== 'object' || !isInteger(wm.ts) || wm.ts < 0) {
		return { ok: false, problem: 'the saved position has no readable time (watermark.ts)' };
	}
	const problems: string[] = [];
	const watermark: EventKey = { ts: wm.ts, id: typeof wm.id === 'string' ? wm.id : '' };
	if (typeof wm.id !== 'string') problems.push('watermark.id is not text');
	let settled = isInteger(c.settled) ? c.settled : undefined;
	if (settled === undefined) problems.push('settled is not a whole number');

	const latest = Math.max(watermark.ts, settled ?? -Infinity, isInteger(c.readTop) ? c.readTop : -Infinity);
	if (latest > limits.now + limits.lateArrivalSeconds) {
		return {
			ok: false,
			problem: `the saved position is dated ${iso(latest)}, later than now (${iso(limits.now)}) by more than the late-arrival window: the clock of the n8n host was probably wrong when it was saved, and changes until then would be skipped`,
		};
	}

	let recent: Record<string, string[]> | undefined = {};
	let count = 0;
	if (!c.recent || typeof c.recent !== 'object' || Array.isArray(c.recent)) recent = undefined;
	else {
		for (const [ts, packed] of Object.entries(c.recent as Record<string, unknown>)) {
			const ids = DIGITS.test(ts) ? unpackIds(packed) : undefined;
			if (!ids) {
				recent = undefined;
				break;
			}
			count += ids.length;
			recent[ts] = ids;
		}
	}
	if (!recent) problems.push('the ids of recent events are unreadable');
	else if (count > limits.maxRecent) {
		problems.push(`it holds ${count} recent ids, more than the ${limits.maxRecent} this node keeps`);
		recent = undefined;
	}

	if (problems.length > 0) {
		// What is unreadable can only say which events were already emitted: read again from below it,
		// so nothing is lost (the events read again are emitted again, under the same event_id).
		const start = settled === undefined ? watermark.ts - 2 * limits.lateArrivalSeconds - 60 : Math.min(settled + 1, watermark.ts);
		settled = settled ?? start - 1;
		const cursor = recent ? { ...initialCursor(start), recent: Object.fromEntries(Object.entries(recent).filter(([ts]) => Number(ts) >= start)) } : initialCursor(start);
		return {
			ok: true,
			cursor,
			recovered: `The saved position was partly unreadable (${problems.join('; ')}); reading again from ${iso(start)}: nothing is lost, events since then may come again under the same event_id.`,
		};
	}
	const readTop = isInteger(c.readTop) ? Math.max(c.readTop, settled!) : Math.max(settled!, watermark.ts);
	const span = isInteger(c.span) && c.span > 0 ? { span: c.span } : {};
	const resume = readResume(c.resume, limits.now + limits.lateArrivalSeconds);
	// An unreadable pass only makes the next read handled out of order an ordinary one (nothing is lost).
	const pass = readPass(c.pass);
	return { ok: true, cursor: { version: CURSOR_VERSION, watermark, settled: settled!, recent: recent!, readTop, ...span, ...(resume ? { resume } : {}), ...(pass ? { pass } : {}) } };
}

/**
 * A read to continue, if the saved one is whole and sensible; otherwise none, and the next poll
 * reads its window from the start (which repeats nothing: the cursor says what was handled).
 */
function readResume(raw: unknown, latest: number): Resume | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const r = raw as Record<string, unknown>;
	if (!isInteger(r.from) || !isInteger(r.startedAt) || typeof r.full !== 'boolean') return undefined;
	if (r.from > latest || r.startedAt > latest) return undefined;
	const outOfOrder = readOutOfOrder(r.outOfOrder);
	if (r.outOfOrder !== undefined && !outOfOrder) return undefined;
	// Only a read handled out of order may go on at the query's first page (with the records it handled there).
	const position = typeof r.startingAfter === 'string' && r.startingAfter !== '' ? r.startingAfter : undefined;
	if (position === undefined && (r.startingAfter !== undefined || !outOfOrder)) return undefined;
	if (r.to !== undefined && (!isInteger(r.to) || r.to <= r.from)) return undefined;
	return {
		from: r.from,
		...(r.to === undefined ? {} : { to: r.to as number }),
		full: r.full,
		...(position === undefined ? {} : { startingAfter: position }),
		startedAt: r.startedAt,
		...(outOfOrder ? { outOfOrder } : {}),
	};
}

/** The records of a page a read handled out of order already handled: at most a page of them. */
const MAX_HANDLED_MARKS = 150;

function readOutOfOrder(raw: unknown): OutOfOrderProgress | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const o = raw as Record<string, unknown>;
	if (!Array.isArray(o.handled) || o.handled.length > MAX_HANDLED_MARKS || !o.handled.every((m) => typeof m === 'string')) return undefined;
	if (o.leftMin !== undefined && !isInteger(o.leftMin)) return undefined;
	const pass = readPass(o.pass);
	if (o.pass !== undefined && !pass) return undefined;
	return { handled: [...(o.handled as string[])], ...(o.leftMin === undefined ? {} : { leftMin: o.leftMin as number }), ...(pass ? { pass } : {}) };
}

function readPass(raw: unknown): OutOfOrderPass | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const p = raw as Record<string, unknown>;
	if (isInteger(p.below)) return { below: p.below };
	const list = (v: unknown) => Array.isArray(v) && v.length <= 64 && v.every(isInteger);
	if (list(p.thresholds) && list(p.counts) && (p.thresholds as number[]).length > 0) {
		return { thresholds: [...(p.thresholds as number[])], counts: [...(p.counts as number[])] };
	}
	return undefined;
}
