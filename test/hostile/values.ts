/**
 * Hostile values, fed to a parameter through an expression over the item (`{{ $json.v }}`), so
 * they reach the node as a computed value would: n8n checks nothing of it before the node runs.
 * A few values JSON cannot carry (NaN, an invalid Date or Luxon DateTime) are made by the
 * expression itself, chosen by `special`.
 */
import type { IDataObject } from 'n8n-workflow';

export interface HostileValue {
	label: string;
	/** The item's `v`; what the parameter evaluates to (unless `special`). */
	v?: unknown;
	special?: 'NaN' | 'Infinity' | '-Infinity' | 'invalidDate' | 'invalidLuxon';
}

/** The parameter value that reads a hostile value from the item. */
export const FROM_ITEM =
	'={{ $json.special === "NaN" ? NaN : $json.special === "Infinity" ? Infinity : $json.special === "-Infinity" ? -Infinity : ' +
	'$json.special === "invalidDate" ? new Date("not a date") : ' +
	'$json.special === "invalidLuxon" ? DateTime.fromISO("not a date") : $json.v }}';

export function asItem(value: HostileValue): IDataObject {
	return { label: value.label, v: value.v as IDataObject[string], special: value.special ?? null };
}

/** What the parameter evaluates to, as the node receives it (for the expected path). */
export function evaluated(value: HostileValue): unknown {
	if (value.special === 'NaN') return NaN;
	if (value.special === 'Infinity') return Infinity;
	if (value.special === '-Infinity') return -Infinity;
	return value.v;
}

export const KB_100 = 'a'.repeat(100 * 1024);

/** For every parameter, whatever its type. */
export const GENERIC: HostileValue[] = [
	{ label: 'empty', v: '' },
	{ label: 'whitespace', v: ' \t\n ' },
	{ label: '../', v: '../admins' },
	{ label: '..', v: '..' },
	{ label: '.', v: '.' },
	{ label: 'climbing path', v: '1/../../me' },
	{ label: '%2F', v: '%2F' },
	{ label: 'encoded climb', v: '%2E%2E%2Fadmins' },
	{ label: '?', v: 'x?y=1' },
	{ label: '#', v: 'a#b' },
	{ label: '&=', v: 'a&per_page=1' },
	{ label: '100 KB', v: KB_100 },
	{ label: 'unicode', v: 'Zoë 🚀 測試 עברית' },
	{ label: 'control characters', v: 'a\u0001b\u001fc\u007f' },
	{ label: 'NUL', v: 'a\u0000b' },
	{ label: 'CRLF', v: 'x\r\nX-Injected: 1' },
	{ label: '__proto__', v: '__proto__' },
	{ label: 'braces', v: '{{ $json }}' },
	{ label: 'number as string', v: '12345' },
	{ label: 'number', v: 42 },
	{ label: 'negative number', v: -1 },
	{ label: 'zero', v: 0 },
	{ label: 'fraction', v: 1.5 },
	{ label: 'huge number', v: 1e308 },
	{ label: 'NaN', special: 'NaN' },
	{ label: 'Infinity', special: 'Infinity' },
	{ label: 'boolean', v: true },
	{ label: 'null', v: null },
	{ label: 'object', v: { a: 1 } },
	{ label: 'array', v: ['a', 'b'] },
];

export const FOR_NUMBERS: HostileValue[] = [
	{ label: 'string as number', v: 'twelve' },
	{ label: 'exponent string', v: '1e309' },
	{ label: 'hex string', v: '0x10' },
	{ label: 'padded digits', v: ' 7 ' },
	{ label: '20 digits', v: '12345678901234567891' },
];

/** Not an exact integer: refused wherever the API takes an integer (an ID, a count). */
export const NOT_INTEGERS: HostileValue[] = [
	{ label: 'huge number', v: 1e308 },
	{ label: '20 digits', v: '12345678901234567891' },
	{ label: 'hex string', v: '0x10' },
	{ label: 'exponent string', v: '1e3' },
	{ label: 'fraction', v: 1.5 },
	{ label: 'NaN', special: 'NaN' },
];

export const FOR_JSON: HostileValue[] = [
	{ label: 'cut-off JSON', v: '{"a":' },
	{ label: 'unquoted keys', v: '{a:1}' },
	{ label: 'unclosed array', v: '[1,2' },
	{ label: 'JSON string', v: '"text"' },
	{ label: 'JSON null', v: 'null' },
	{ label: 'JSON array', v: '[]' },
	{ label: 'prototype key', v: '{"__proto__":{"polluted":true}}' },
	{ label: 'deep JSON', v: `${'['.repeat(5000)}${']'.repeat(5000)}` },
];

export const FOR_DATES: HostileValue[] = [
	{ label: '30 February', v: '2025-02-30' },
	{ label: 'month 13', v: '2025-13-01T00:00:00Z' },
	{ label: 'hour 25', v: '2025-01-01T25:61:00Z' },
	{ label: 'year zero', v: '0000-00-00' },
	{ label: 'milliseconds', v: '1735689600000' },
	{ label: 'far future seconds', v: 99_999_999_999_999 },
	{ label: 'negative seconds', v: '-1' },
	{ label: 'words', v: 'yesterday' },
	{ label: 'invalid Date', special: 'invalidDate' },
	{ label: 'invalid Luxon DateTime', special: 'invalidLuxon' },
];

export function valuesFor(type: string): HostileValue[] {
	if (type === 'json') return [...GENERIC, ...FOR_JSON];
	if (type === 'dateTime') return [...GENERIC, ...FOR_DATES];
	if (type === 'number') return [...GENERIC, ...FOR_NUMBERS];
	return [...GENERIC, ...FOR_NUMBERS.slice(0, 1)];
}

/** What a text parameter must refuse, naming itself and the item: none of it is text. */
export const NOT_TEXT: HostileValue[] = [
	{ label: 'object', v: { a: 1 } },
	{ label: 'nested object', v: { name: { first: 'Ada' } } },
	{ label: 'array', v: ['a', 'b'] },
	{ label: 'empty array', v: [] },
	{ label: 'NaN', special: 'NaN' },
	{ label: 'Infinity', special: 'Infinity' },
	{ label: '-Infinity', special: '-Infinity' },
	{ label: 'boolean true', v: true },
	{ label: 'boolean false', v: false },
];

/** Numbers a text parameter takes, sent as their digits. */
export const NUMBERS_AS_TEXT: HostileValue[] = [
	{ label: 'integer', v: 42 },
	{ label: 'fraction', v: 1.5 },
];
