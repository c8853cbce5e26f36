/**
 * The soak's world: a sandbox on a frozen clock that only moves when the soak (or a wait the
 * transport decides on) moves it, and the faults it throws at every request.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/transport/clock';
import { SandboxClock, startSandbox, type Fault, type RunningSandbox } from '../../../sandbox';
import { Prng } from '../../../sandbox/prng';
import { credentialsFor } from '../../helpers/n8n';

/** 2025-03-10T12:00:00Z, as the trigger tests start. */
export const T0 = 1_741_608_000;
/** New contacts reach search this long after they are created, as Intercom documents. */
export const SEARCH_DELAY_SECONDS = 90;

/** Per-request chances, each fault tried in turn (the sandbox's seeded random faults). */
const RANDOM_FAULTS: Array<[Fault, number]> = [
	[{ type: 'status', status: 429 }, 0.01],
	[{ type: 'status', status: 500 }, 0.008],
	[{ type: 'status', status: 502 }, 0.008],
	[{ type: 'status', status: 503 }, 0.008],
	[{ type: 'reset' }, 0.01],
	[{ type: 'truncate' }, 0.008],
	[{ type: 'truncate', prematureClose: true }, 0.004],
	[{ type: 'html', status: 502 }, 0.004],
	[{ type: 'html', status: 200 }, 0.004],
	[{ type: 'empty' }, 0.004],
	[{ type: 'latency', ms: 15 }, 0.02],
	[{ type: 'hang' }, 0.0004],
];

export interface World {
	sb: RunningSandbox;
	rng: Prng;
	/** Faults served, by kind ("429", "reset", "truncate"…), and answers slowed on the shared clock. */
	served: Record<string, number>;
	extra: { bursts: number; burst429s: number; slowAnswers: number };
	/** Scripts a run of 429s for the next requests, as a workspace-wide burst would. */
	burst(): void;
	/**
	 * From now on each API request takes this many seconds of the shared clock (0: none), as over
	 * a slow link: a workflow polling with a small poll budget then reads a few pages a poll.
	 */
	slowLink(seconds: number): void;
	/** The credential every workflow uses: a hung request costs real time until the timeout, so it is short. */
	credentials(): Record<string, ICredentialDataDecryptedObject>;
	/** Faults on or off (off for the final drain). */
	chaos(on: boolean): void;
	advance(seconds: number): void;
	now(): number;
	close(): Promise<void>;
}

export async function startWorld(seed: number): Promise<World> {
	const rng = new Prng(seed);
	const sandboxClock = new SandboxClock();
	sandboxClock.freezeAt(T0);
	const sb = await startSandbox({
		port: 0,
		clock: sandboxClock,
		seed: { seed, contacts: 80, conversations: 40, articles: 12, companies: 3, tickets: 6, endAt: T0 - 3600 },
		searchDelaySeconds: SEARCH_DELAY_SECONDS,
		faultSeed: seed,
	});
	sb.activity.seed(seed);

	// One clock for both sides: the transport's waits move the sandbox's time instead of passing.
	const saved = { ...clock };
	clock.now = () => sb.clock.now();
	clock.sleep = async (ms: number) => {
		if (ms > 0) sb.clock.advanceSeconds(ms / 1000);
	};
	clock.random = () => rng.next();

	const extra = { bursts: 0, burst429s: 0, slowAnswers: 0 };
	const served: Record<string, number> = {};
	const next = sb.faults.next.bind(sb.faults);
	let slow = false;
	let linkSeconds = 0;
	sb.faults.next = (method: string, path: string) => {
		if (linkSeconds > 0) sb.clock.advanceSeconds(linkSeconds);
		// A slow answer: the shared clock moves while the request is in flight.
		if (slow && rng.chance(0.02)) {
			extra.slowAnswers++;
			sb.clock.advanceSeconds(rng.int(2, 30));
		}
		const fault = next(method, path);
		if (fault) {
			const kind = fault.type === 'status' ? String(fault.status) : fault.type === 'truncate' && fault.prematureClose ? 'closed mid-body' : fault.type === 'html' ? `html ${fault.status ?? 502}` : fault.type;
			served[kind] = (served[kind] ?? 0) + 1;
		}
		return fault;
	};

	const world: World = {
		sb,
		rng,
		served,
		extra,
		burst() {
			const count = rng.int(2, 8);
			extra.bursts++;
			extra.burst429s += count;
			sb.faults.inject({ fault: { type: 'status', status: 429 }, count });
		},
		slowLink(seconds: number) {
			linkSeconds = seconds;
		},
		chaos(on: boolean) {
			sb.faults.clear();
			slow = on;
			if (on) for (const [fault, probability] of RANDOM_FAULTS) sb.faults.addRandom({ fault, probability });
		},
		credentials: () => credentialsFor(sb.baseUrl, sb.token, { timeoutSeconds: 0.3 }),
		advance: (seconds) => sb.clock.advanceSeconds(seconds),
		now: () => sb.clock.nowSeconds(),
		async close() {
			Object.assign(clock, saved);
			await sb.close();
		},
	};
	return world;
}
