/**
 * What the benchmark's parent (which runs the sandbox) asks its client processes to do, and what
 * they answer. Each client runs in its own process, so its time and memory are its own.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

export interface Target {
	baseUrl: string;
	token: string;
}

/** Who walks the contact list. */
export type ListClient = 'fetch' | 'node' | 'http';

/** How a job of single-contact GETs treats the rate limit. */
export type GetsVariant = 'paced' | 'unpaced' | 'plain';

export type Command =
	| { kind: 'returnAll'; target: Target; client: ListClient; maxItems?: number }
	| { kind: 'gets'; target: Target; variant: GetsVariant; ids: string[] }
	| {
			kind: 'poll';
			target: Target;
			parameters: INodeParameters;
			offsetMs: number;
			resetState?: boolean;
			/** Poll with the trigger of an earlier commit, extracted into this directory (bench/trigger-bursts.ts), instead of the current one. */
			legacyDir?: string;
	  }
	| { kind: 'exit' };

export interface Memory {
	/** Peak heap in use during the run, over the heap in use after a GC before it, in bytes. */
	heapPeakDelta: number;
	/** Peak resident set size during the run, over the RSS before it, in bytes. */
	rssPeakDelta: number;
}

export interface ReturnAllResult extends Memory {
	kind: 'returnAll';
	ms: number;
	/** CPU time (user + system) the client process spent during the run, in ms. */
	cpuMs: number;
	/** TCP connections the client opened during the run. */
	connections: number;
	items: number;
	/** n8n's own per-node execution times (engine clients only). */
	nodeTimes?: Record<string, number>;
}

export interface GetsResult {
	kind: 'gets';
	/** Process-clock start of the job, epoch ms, so two processes can be put on one line. */
	startedAt: number;
	endedAt: number;
	ms: number;
	ok: number;
	failures: number;
	/** First failure message, if any. */
	firstFailure?: string;
}

export interface PollResult {
	kind: 'poll';
	ms: number;
	events: number;
	error?: string;
	/** Requests the trigger's client sent, retries included. */
	clientRequests: number;
	state: IDataObject;
}

export type Result = ReturnAllResult | GetsResult | PollResult;

export type Reply = { ok: true; result: Result } | { ok: false; error: string };
