import nock from 'nock';

import { clock } from '../../nodes/shared/transport/clock';

/**
 * Counts requests that reached no nock interceptor: with the network closed (jest setup), any such
 * request fails, and this proves "nothing was sent" rather than assuming it.
 */
export function unmatchedRequests(): { count: () => number; stop: () => void } {
	let count = 0;
	const listener = () => count++;
	nock.emitter.on('no match', listener);
	return { count: () => count, stop: () => nock.emitter.removeListener('no match', listener) };
}

/**
 * Replaces the transport's waits with a record of them: each wait moves a virtual clock forward
 * instead of blocking, so a test sees the waits the transport decides on, in no real time.
 * Jitter is fixed at `random` of its range.
 */
export function recordWaits(random = 0.5): { waits: number[]; restore: () => void } {
	const waits: number[] = [];
	let skipped = 0;
	const sleep = jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
		waits.push(ms);
		skipped += Math.max(0, ms);
	});
	const now = jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + skipped);
	const rand = jest.spyOn(clock, 'random').mockReturnValue(random);
	return {
		waits,
		restore: () => {
			sleep.mockRestore();
			now.mockRestore();
			rand.mockRestore();
		},
	};
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
