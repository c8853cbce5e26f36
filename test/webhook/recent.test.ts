/**
 * The remembered notification ids: bounded in count and in age, first-seen times kept.
 */
import type { IDataObject } from 'n8n-workflow';

import { RECENT_KEY, RECENT_MAX_AGE_SECONDS, RECENT_MAX_COUNT, rememberIds, wasDeliveredRecently } from '../../nodes/IntercomWebhookTrigger/recent';

describe('recently delivered notification ids', () => {
	it('remembers ids with the time first seen', () => {
		const data: IDataObject = {};
		rememberIds(data, ['a', 'b'], 1000);
		rememberIds(data, ['b', 'c'], 1500);
		expect(data[RECENT_KEY]).toEqual({ a: 1000, b: 1000, c: 1500 });
		expect(wasDeliveredRecently(data, 'b')).toBe(true);
		expect(wasDeliveredRecently(data, 'd')).toBe(false);
	});

	it('forgets ids older than the age limit', () => {
		const data: IDataObject = {};
		rememberIds(data, ['old'], 0);
		rememberIds(data, ['new'], RECENT_MAX_AGE_SECONDS);
		expect(Object.keys(data[RECENT_KEY] as object)).toEqual(['old', 'new']);
		rememberIds(data, [], RECENT_MAX_AGE_SECONDS + 1);
		expect(Object.keys(data[RECENT_KEY] as object)).toEqual(['new']);
	});

	it('keeps at most the newest RECENT_MAX_COUNT ids', () => {
		const data: IDataObject = {};
		const ids = Array.from({ length: RECENT_MAX_COUNT + 50 }, (_, i) => `n${i}`);
		ids.forEach((id, i) => rememberIds(data, [id], 10_000 + i));
		const kept = Object.keys(data[RECENT_KEY] as object);
		expect(kept).toHaveLength(RECENT_MAX_COUNT);
		expect(kept[0]).toBe('n50');
		expect(wasDeliveredRecently(data, 'n49')).toBe(false);
		expect(wasDeliveredRecently(data, `n${RECENT_MAX_COUNT + 49}`)).toBe(true);
	});

	it('starts over from static data it cannot read, rather than failing', () => {
		for (const broken of ['text', ['a'], null, 7]) {
			const data: IDataObject = { [RECENT_KEY]: broken as never };
			expect(wasDeliveredRecently(data, 'a')).toBe(false);
			rememberIds(data, ['a'], 5);
			expect(data[RECENT_KEY]).toEqual({ a: 5 });
		}
	});
});
