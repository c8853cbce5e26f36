import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Intercom signs each notification with `X-Hub-Signature: sha1=<40 hex digits>`, an HMAC-SHA1 of
 * the request body exactly as sent, keyed by the app's client secret. The check runs over the raw
 * bytes (never over re-serialised JSON, which would differ in spacing, key order or escapes) and
 * compares in constant time, so a forger learns nothing from how long a rejection takes.
 */
export type SignatureVerdict =
	| { valid: true }
	| { valid: false; reason: 'missing-header' | 'malformed-header' | 'mismatch' | 'no-raw-body' };

export const SIGNATURE_HEADER = 'x-hub-signature';

const SIGNATURE_PATTERN = /^sha1=([0-9a-fA-F]{40})$/;

/** The header value Intercom would send for this body and secret. */
export function signIntercomBody(rawBody: Buffer | string, secret: string): string {
	return `sha1=${createHmac('sha1', secret).update(rawBody).digest('hex')}`;
}

export function verifyIntercomSignature(
	rawBody: Buffer | undefined,
	header: string | string[] | undefined,
	secret: string,
): SignatureVerdict {
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'no-raw-body' };
	// A repeated header is not something Intercom sends: refuse rather than pick one.
	const value = Array.isArray(header) ? (header.length === 1 ? header[0] : '\u0000') : header;
	if (value === undefined || value.trim() === '') return { valid: false, reason: 'missing-header' };
	const match = SIGNATURE_PATTERN.exec(value.trim());
	if (!match) return { valid: false, reason: 'malformed-header' };
	const expected = createHmac('sha1', secret).update(rawBody).digest();
	const given = Buffer.from(match[1], 'hex');
	return timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** How a rejection reads in n8n's log (never with the body or the signature itself). */
export function describeRejection(reason: Exclude<SignatureVerdict, { valid: true }>['reason']): string {
	switch (reason) {
		case 'missing-header':
			return 'no X-Hub-Signature header';
		case 'malformed-header':
			return 'an X-Hub-Signature header that is not sha1=<40 hex digits>';
		case 'mismatch':
			return 'an X-Hub-Signature that does not match the body and the client secret';
		case 'no-raw-body':
			return 'no raw body to verify (not a JSON POST)';
	}
}
