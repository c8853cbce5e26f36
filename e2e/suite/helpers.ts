/**
 * Small helpers of the e2e suite: waiting (shared with the queue scenario), n8n's log on failure, the sandbox's request log.
 */
import type { RunningSandbox, LoggedRequest } from '../../sandbox';
import type { N8nInstance } from '../runtime/n8n';
export { waitFor } from '../runtime/processes';

/**
 * Runs one step of a test; on failure the error carries the tail of n8n's log, so that CI output
 * shows what n8n said at the time.
 */
export async function withN8nLog<T>(n8n: N8nInstance | undefined, step: string, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const tail = n8n ? n8n.logTail(80) : '(n8n not created)';
		const wrapped = new Error(`${step}: ${message}\n----- n8n log (last 80 lines: ${n8n?.logFile ?? '-'}) -----\n${tail}\n----- end of n8n log -----`);
		if (error instanceof Error) wrapped.stack = `${wrapped.message}\n${error.stack ?? ''}`;
		throw wrapped;
	}
}

/** API requests (not OAuth page / token requests) the sandbox answered after `fromSeq`. */
export function apiRequests(sb: RunningSandbox, fromSeq = 0): LoggedRequest[] {
	return sb.log.requests().filter((r) => r.kind === 'api' && r.seq > fromSeq);
}

export function lastSeq(sb: RunningSandbox): number {
	const all = sb.log.requests();
	return all.length ? all[all.length - 1].seq : 0;
}

/** Every API request conformant to the 2.14 spec and carrying `Intercom-Version: 2.14`; else a readable list. */
export function requestProblems(requests: LoggedRequest[]): string[] {
	const problems: string[] = [];
	for (const r of requests) {
		const where = `#${r.seq} ${r.method} ${r.path}`;
		if (r.intercomVersion !== '2.14') problems.push(`${where}: Intercom-Version is ${JSON.stringify(r.intercomVersion)}`);
		if (!r.verdict.conformant) problems.push(`${where}: ${r.verdict.problems.join('; ')}`);
		if (r.status >= 400 && r.fault === null) problems.push(`${where}: answered ${r.status}`);
	}
	return problems;
}

export function describeRequests(requests: LoggedRequest[]): string {
	return requests.map((r) => `#${r.seq} ${r.method} ${r.path} → ${r.status}`).join('\n');
}
