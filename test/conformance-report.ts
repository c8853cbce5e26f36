/**
 * Jest global setup and teardown: every sandbox started during the run records the requests n8n
 * sent (sandbox/conformance-ledger.ts); at the end the run reports how many of the spec's
 * Contacts / Admins / Articles / Conversations operations the nodes exercised, and fails if any
 * request the nodes sent was not conformant to the 2.14 description or lacked Intercom-Version.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LEDGER_ENV, type LedgerLine } from '../sandbox/conformance-ledger';
import { inScopeOperations, scopeGroups } from './scope';

export function setup(): void {
	process.env[LEDGER_ENV] = mkdtempSync(join(tmpdir(), 'intercom-conformance-'));
}

export function teardown(): void {
	const folder = process.env[LEDGER_ENV];
	if (!folder) return;
	const lines: LedgerLine[] = readdirSync(folder).flatMap((file) =>
		readFileSync(join(folder, file), 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as LedgerLine),
	);
	rmSync(folder, { recursive: true, force: true });
	if (lines.length === 0) return; // a partial run that started no sandbox

	const inScope = inScopeOperations();
	const groups = scopeGroups().map((g) => g.name).join('; ');
	const exercised = new Set(lines.map((l) => l.operation).filter((op): op is string => op !== null));
	const covered = inScope.filter((op) => exercised.has(op));
	const bad = lines.filter((l) => !l.conformant || l.version === null);

	const report = [
		'',
		`Spec conformance (sandbox): ${covered.length}/${inScope.length} (${groups}) operations exercised by the nodes; ${lines.length} requests from n8n, ${bad.length} non-conformant.`,
	];
	const missing = inScope.filter((op) => !exercised.has(op));
	if (missing.length > 0) report.push(`Not exercised against the sandbox: ${missing.join(', ')}`);
	for (const l of bad.slice(0, 20)) report.push(`  ✗ ${l.method} ${l.path}: ${l.version === null ? 'no Intercom-Version; ' : ''}${l.problems.join('; ')}`);
	console.log(report.join('\n'));
	if (bad.length > 0) throw new Error(`${bad.length} request(s) sent by the nodes were not conformant to Intercom API 2.14`);
}
