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

/**
 * Unix seconds from an n8n date/time value (Luxon DateTime or Date), an ISO 8601 string, or Unix
 * seconds (number or digits). Values that only make sense as milliseconds are refused rather than
 * guessed, so a mistaken unit never silently lands decades away.
 */
export function toUnixSeconds(value: unknown, node: INode, parameter: string, itemIndex: number): number {
	if (value && typeof value === 'object') {
		const maybe = value as { toSeconds?: () => number; getTime?: () => number; isValid?: boolean };
		if (typeof maybe.toSeconds === 'function') {
			if (maybe.isValid === false) fail(node, parameter, itemIndex, 'the date is invalid');
			return Math.floor(maybe.toSeconds());
		}
		if (typeof maybe.getTime === 'function') {
			const ms = maybe.getTime();
			if (Number.isNaN(ms)) fail(node, parameter, itemIndex, 'the date is invalid');
			return Math.floor(ms / 1000);
		}
	}
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		const seconds = Number(value);
		if (!Number.isFinite(seconds) || seconds < 0 || seconds > 253402300799) {
			fail(
				node,
				parameter,
				itemIndex,
				`${String(value).trim()} is not a Unix time in seconds`,
				'Use Unix seconds (such as 1735689600), an ISO 8601 date (such as 2025-01-01T00:00:00Z), or a date from an expression.',
			);
		}
		return Math.floor(seconds);
	}
	if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		const ms = ISO_DATE.test(text) ? Date.parse(text.replace(' ', 'T')) : NaN;
		if (Number.isNaN(ms)) {
			fail(
				node,
				parameter,
				itemIndex,
				`"${text.slice(0, 60)}" is not a date`,
				'Use an ISO 8601 date (such as 2025-01-01T00:00:00Z), Unix seconds, or a date from an expression.',
			);
		}
		return Math.floor(ms / 1000);
	}
	return fail(node, parameter, itemIndex, 'a date is required');
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

/** An integer, from a number or a string of digits. */
export function toInteger(value: unknown, node: INode, parameter: string, itemIndex: number): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	if (typeof n !== 'number' || !Number.isInteger(n)) fail(node, parameter, itemIndex, `${JSON.stringify(value)} is not a whole number`);
	return n;
}

/** A list from a comma-separated string or an array; empty entries dropped. */
export function toList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((p) => String(p).trim()).filter((p) => p !== '');
}

export { fail as failParameter };
