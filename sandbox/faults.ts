/**
 * Fault injection, scripted ("the next N requests matching X get fault F")
 * or by seeded probability. Faults are decided before authentication, the
 * way a flaky network or load balancer would hit a client.
 */
import { Prng } from './prng';

export type Fault =
	/** An Intercom-style JSON error with this status (429 uses rate_limit_exceeded). */
	| { type: 'status'; status: number }
	/** Destroy the socket without answering (ECONNRESET / "socket hang up"). */
	| { type: 'reset' }
	/** Answer normally, after a delay. */
	| { type: 'latency'; ms: number }
	/**
	 * Answer with the first half of the real JSON body. By default the body is
	 * chunked, so the response ends "cleanly" with invalid JSON; with
	 * `prematureClose` a full Content-Length is announced and the socket dies early.
	 */
	| { type: 'truncate'; prematureClose?: boolean }
	/** An HTML error page (as a proxy would send), default status 502. */
	| { type: 'html'; status?: number }
	/** Status (default 200) with an empty body. */
	| { type: 'empty'; status?: number }
	/** Never answer; the socket stays open until the client gives up or the sandbox closes. */
	| { type: 'hang' };

export interface FaultMatch {
	/** HTTP method, any if omitted. */
	method?: string;
	/** Exact path, a glob with `*` (e.g. `/contacts*`), or a RegExp. Any if omitted. */
	path?: string | RegExp;
}

export interface ScriptedFault extends FaultMatch {
	fault: Fault;
	/** How many matching requests get the fault (default 1). */
	count?: number;
}

export interface RandomFault extends FaultMatch {
	fault: Fault;
	/** Chance per matching request, 0..1. */
	probability: number;
}

function globToRegExp(glob: string): RegExp {
	const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`);
}

function matches(rule: FaultMatch, method: string, path: string): boolean {
	if (rule.method && rule.method.toUpperCase() !== method) return false;
	if (rule.path === undefined) return true;
	if (rule.path instanceof RegExp) return rule.path.test(path);
	return rule.path.includes('*') ? globToRegExp(rule.path).test(path) : rule.path === path;
}

export class FaultInjector {
	enabled = true;
	private queue: (ScriptedFault & { remaining: number })[] = [];
	private random: RandomFault[] = [];
	private prng = new Prng(42);
	/** How many faults were injected, by type. */
	readonly injected: Record<string, number> = {};

	/** Queues a fault for the next `count` requests matching method/path. */
	inject(rule: ScriptedFault): void {
		this.queue.push({ ...rule, remaining: rule.count ?? 1 });
	}

	/** Adds a fault that hits matching requests with a (seeded) probability. */
	addRandom(rule: RandomFault): void {
		this.random.push(rule);
	}

	/** Re-seeds the PRNG used by probabilistic faults. */
	seed(seed: number): void {
		this.prng = new Prng(seed);
	}

	clear(): void {
		this.queue = [];
		this.random = [];
	}

	pending(): { scripted: (ScriptedFault & { remaining: number })[]; random: RandomFault[] } {
		return { scripted: this.queue.map((q) => ({ ...q })), random: [...this.random] };
	}

	/** The fault for this request, if any (consumes one scripted use). */
	next(method: string, path: string): Fault | undefined {
		if (!this.enabled) return undefined;
		const index = this.queue.findIndex((rule) => matches(rule, method, path));
		if (index >= 0) {
			const rule = this.queue[index];
			if (--rule.remaining <= 0) this.queue.splice(index, 1);
			return this.count(rule.fault);
		}
		for (const rule of this.random) {
			if (matches(rule, method, path) && this.prng.chance(rule.probability)) return this.count(rule.fault);
		}
		return undefined;
	}

	private count(fault: Fault): Fault {
		this.injected[fault.type] = (this.injected[fault.type] ?? 0) + 1;
		return fault;
	}
}
