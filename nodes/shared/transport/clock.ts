import { sleep } from 'n8n-workflow';

/**
 * Time as the transport sees it. One object, so tests can observe and skip the waits that
 * pacing and retries decide on (jest.spyOn(clock, 'sleep')) without patching timers globally,
 * and can fire a request's deadline themselves (jest.spyOn(clock, 'deadline')).
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => {
		if (ms > 0) await sleep(ms);
	},
	/** Uniform in [0, 1); a seam so tests can make jitter deterministic. */
	random: (): number => Math.random(),
	/** A signal that aborts `ms` from now: the deadline of one attempt, headers and body together. */
	deadline: (ms: number): AbortSignal => AbortSignal.timeout(Math.max(1, Math.ceil(ms))),
};
