/**
 * A ledger of the requests n8n sent to any sandbox in a test run, so the run as a whole can report
 * which of the spec's operations the nodes exercised and prove that none of their requests was
 * non-conformant (test/conformance-report.ts reads it when jest finishes). Off unless the
 * environment names a folder, so the demo and benchmarks pay nothing for it.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

import type { LoggedRequest } from './request-log';

export const LEDGER_ENV = 'INTERCOM_CONFORMANCE_LEDGER';

export interface LedgerLine {
	operation: string | null;
	method: string;
	path: string;
	conformant: boolean;
	problems: string[];
	version: string | null;
}

/** Records a request when it came from n8n (its request helpers send `User-Agent: n8n`). */
export function recordInLedger(entry: LoggedRequest): void {
	const folder = process.env[LEDGER_ENV];
	if (!folder || entry.kind !== 'api' || entry.headers['user-agent'] !== 'n8n') return;
	const line: LedgerLine = {
		operation: entry.operation,
		method: entry.method,
		path: entry.path,
		conformant: entry.verdict.conformant,
		problems: entry.verdict.problems,
		version: entry.intercomVersion,
	};
	appendFileSync(join(folder, `${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}
