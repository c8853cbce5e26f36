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
/** 9999-12-31T23:59:59Z, the last second an ISO date can name. */
const MAX_UNIX_SECONDS = 253402300799;
const DATE_HINT = 'Use an ISO 8601 date (such as 2025-01-01T00:00:00Z), Unix seconds, or a date from an expression.';
const SECONDS_HINT = 'Use Unix seconds (such as 1735689600), an ISO 8601 date (such as 2025-01-01T00:00:00Z), or a date from an expression.';

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

/**
 * Unix seconds from an n8n date/time value (Luxon DateTime or Date), an ISO 8601 string, or Unix
 * seconds (number or digits). Values that only make sense as milliseconds are refused rather than
 * guessed, so a mistaken unit never silently lands decades away; so are impossible dates (30
 * February, hour 25) and moments before 1970 or after 9999, which no Intercom field takes.
 */
export function toUnixSeconds(value: unknown, node: INode, parameter: string, itemIndex: number): number {
	let seconds: number;
	if (value && typeof value === 'object' && typeof (value as { toSeconds?: unknown }).toSeconds === 'function') {
		const luxon = value as { toSeconds: () => number; isValid?: boolean };
		seconds = luxon.isValid === false ? NaN : luxon.toSeconds();
	} else if (value && typeof value === 'object' && typeof (value as { getTime?: unknown }).getTime === 'function') {
		seconds = (value as Date).getTime() / 1000;
	} else if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		seconds = Number(value);
		if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_UNIX_SECONDS) {
			fail(node, parameter, itemIndex, `${String(value).trim().slice(0, 60)} is not a Unix time in seconds`, SECONDS_HINT);
		}
	} else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		const ms = ISO_DATE.test(text) && isRealDate(text) ? Date.parse(text.replace(' ', 'T')) : NaN;
		if (Number.isNaN(ms)) fail(node, parameter, itemIndex, `"${text.slice(0, 60)}" is not a date`, DATE_HINT);
		seconds = ms / 1000;
	} else {
		return fail(node, parameter, itemIndex, 'a date is required');
	}
	if (!Number.isFinite(seconds)) fail(node, parameter, itemIndex, 'the date is invalid');
	if (seconds < 0) fail(node, parameter, itemIndex, 'the date is before 1970, which Intercom cannot store', DATE_HINT);
	if (seconds > MAX_UNIX_SECONDS) fail(node, parameter, itemIndex, 'the date is after the year 9999', DATE_HINT);
	return Math.floor(seconds);
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
	const n = typeof value === 'string' ? (/^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN) : value;
	if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
		const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)).slice(0, 60);
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
