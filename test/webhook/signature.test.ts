/**
 * The signature check on its own: HMAC-SHA1 over the raw bytes, keyed by the client secret,
 * `X-Hub-Signature: sha1=<hex>`, compared in constant time.
 */
import { createHmac } from 'node:crypto';

import { signIntercomBody, verifyIntercomSignature } from '../../nodes/IntercomWebhookTrigger/signature';

const SECRET = 'app-client-secret-0123';
const body = Buffer.from(
	JSON.stringify({ type: 'notification_event', id: 'notif_1', topic: 'contact.user.created', app_id: 'abc', data: { item: { type: 'contact', id: '1' } } }),
);
// Computed independently of the module under test.
const header = `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`;

describe('Intercom webhook signature', () => {
	it('accepts the signature Intercom computes for the body and the secret', () => {
		expect(verifyIntercomSignature(body, header, SECRET)).toEqual({ valid: true });
		expect(signIntercomBody(body, SECRET)).toBe(header);
		// Hex digits in either case, as some senders upper-case them.
		expect(verifyIntercomSignature(body, header.toUpperCase().replace('SHA1=', 'sha1='), SECRET)).toEqual({ valid: true });
	});

	it('refuses a signature made with another secret', () => {
		expect(verifyIntercomSignature(body, signIntercomBody(body, 'another-secret'), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('refuses a body changed by one byte, anywhere', () => {
		for (const at of [0, Math.floor(body.length / 2), body.length - 1]) {
			const changed = Buffer.from(body);
			changed[at] = changed[at] ^ 0x01;
			expect(verifyIntercomSignature(changed, header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		}
		// One byte more or less.
		expect(verifyIntercomSignature(Buffer.concat([body, Buffer.from(' ')]), header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifyIntercomSignature(body.subarray(0, body.length - 1), header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('checks the raw bytes, not the JSON they parse to', () => {
		// Same JSON value, different spacing: a check over re-serialised JSON would accept it.
		const respaced = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
		expect(verifyIntercomSignature(respaced, header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('refuses a missing header', () => {
		expect(verifyIntercomSignature(body, undefined, SECRET)).toEqual({ valid: false, reason: 'missing-header' });
		expect(verifyIntercomSignature(body, '', SECRET)).toEqual({ valid: false, reason: 'missing-header' });
		expect(verifyIntercomSignature(body, '   ', SECRET)).toEqual({ valid: false, reason: 'missing-header' });
	});

	it.each([
		['no sha1= prefix', header.slice(5)],
		['another algorithm', header.replace('sha1=', 'sha256=')],
		['39 hex digits', header.slice(0, -1)],
		['41 hex digits', `${header}0`],
		['not hex', `sha1=${'z'.repeat(40)}`],
		['two values', `${header},${header}`],
		['a sha256 digest', `sha1=${createHmac('sha256', SECRET).update(body).digest('hex')}`],
	])('refuses a malformed header: %s', (_what, value) => {
		expect(verifyIntercomSignature(body, value, SECRET)).toEqual({ valid: false, reason: 'malformed-header' });
	});

	it('refuses a header sent twice, even when both copies are right', () => {
		expect(verifyIntercomSignature(body, [header, header], SECRET)).toEqual({ valid: false, reason: 'malformed-header' });
		expect(verifyIntercomSignature(body, [header], SECRET)).toEqual({ valid: true });
	});

	it('refuses when there is no raw body to check', () => {
		expect(verifyIntercomSignature(undefined, header, SECRET)).toEqual({ valid: false, reason: 'no-raw-body' });
	});

	it('checks a body over 1 MB the same way', () => {
		const big = Buffer.from(
			JSON.stringify({ type: 'notification_event', id: 'notif_big', topic: 'conversation.user.replied', data: { item: { type: 'conversation', body: 'x'.repeat(1_200_000) } } }),
		);
		expect(big.length).toBeGreaterThan(1024 * 1024);
		const bigHeader = `sha1=${createHmac('sha1', SECRET).update(big).digest('hex')}`;
		expect(verifyIntercomSignature(big, bigHeader, SECRET)).toEqual({ valid: true });
		const changed = Buffer.from(big);
		changed[1_000_000] = changed[1_000_000] ^ 0x02;
		expect(verifyIntercomSignature(changed, bigHeader, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});
});
