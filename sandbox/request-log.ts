/**
 * Log of every API request the sandbox answered (control requests under
 * /__sandbox/ are not logged). Each entry carries the conformance verdict so
 * a test can assert that a client sent zero non-conformant requests.
 * Also counts duplicate POSTs (same method + path + body) for chaos tests.
 */

import { recordInLedger } from './conformance-ledger';

export interface ConformanceVerdict {
	conformant: boolean;
	problems: string[];
}

export interface LoggedRequest {
	seq: number;
	/** Unix milliseconds (sandbox clock) when the request arrived. */
	at: number;
	kind: 'api' | 'oauth';
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	intercomVersion: string | null;
	body: unknown;
	/** Workspace id_code the token resolved to, if any. */
	workspace: string | null;
	/** The spec operation matched, e.g. `GET /contacts/{contact_id}`. */
	operation: string | null;
	status: number;
	/** Name of the fault injected instead of a normal answer, if any. */
	fault: string | null;
	verdict: ConformanceVerdict;
	/** Response-schema problems (only when settings.validateResponses is on). */
	responseProblems?: string[];
	durationMs: number;
}

export interface DuplicatePost {
	method: string;
	path: string;
	body: string;
	count: number;
}

export class RequestLog {
	private entries: LoggedRequest[] = [];
	/** Kept apart so trimming a long benchmark's log never hides a non-conformant request. */
	private rejected: LoggedRequest[] = [];
	private seq = 0;
	private readonly postCounts = new Map<string, DuplicatePost>();

	/**
	 * @param maxEntries the log keeps the most recent entries only (a long
	 * benchmark would otherwise grow it without bound); the first
	 * `maxEntries` non-conformant requests are always kept.
	 */
	constructor(readonly maxEntries = 200_000) {}

	add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
		const full = { ...entry, seq: ++this.seq };
		recordInLedger(full);
		this.entries.push(full);
		if (!full.verdict.conformant && this.rejected.length < this.maxEntries) this.rejected.push(full);
		if (this.entries.length > this.maxEntries) this.entries.splice(0, Math.ceil(this.maxEntries / 10));
		if (entry.method === 'POST' && entry.kind === 'api') {
			const body = entry.body === undefined ? '' : JSON.stringify(entry.body);
			const key = `${entry.method} ${entry.path} ${body}`;
			const existing = this.postCounts.get(key);
			if (existing) existing.count++;
			else this.postCounts.set(key, { method: entry.method, path: entry.path, body, count: 1 });
		}
		return full;
	}

	/** Every logged request, oldest first. */
	requests(): LoggedRequest[] {
		return [...this.entries];
	}

	/** Requests whose verdict is not conformant (including ones trimmed from `requests()`). */
	nonConformant(): LoggedRequest[] {
		return this.rejected.filter((e) => !e.verdict.conformant);
	}

	/** POSTs seen more than once with identical method, path and body. */
	duplicatePosts(): DuplicatePost[] {
		return [...this.postCounts.values()].filter((d) => d.count > 1).map((d) => ({ ...d }));
	}

	clear(): void {
		this.entries = [];
		this.rejected = [];
		this.postCounts.clear();
	}

	get size(): number {
		return this.entries.length;
	}
}
