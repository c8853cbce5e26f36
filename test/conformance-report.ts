/**
 * Jest global setup and teardown: every sandbox started during the run records the requests n8n
 * sent (sandbox/conformance-ledger.ts); at the end the run reports, per API version the requests
 * named, how many of the in-scope operations the nodes exercised, and fails if any request the
 * nodes sent was not conformant to the description of the version it named or lacked Intercom-Version.
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
	const report = [''];
	const bad = lines.filter((l) => !l.conformant || l.version === null);
	// One line per API version the requests named (jest.config.js runs the operation suites under each).
	const versions = [...new Set(lines.map((l) => l.version ?? 'none'))].sort(compareVersions);
	for (const version of versions) {
		const ofVersion = lines.filter((l) => (l.version ?? 'none') === version);
		const exercised = new Set(ofVersion.map((l) => l.operation).filter((op): op is string => op !== null));
		const covered = inScope.filter((op) => exercised.has(op));
		const badHere = ofVersion.filter((l) => !l.conformant || l.version === null);
		report.push(
			`Spec conformance (sandbox), Intercom-Version ${version}: ${covered.length}/${inScope.length} operations exercised by the nodes; ${ofVersion.length} requests from n8n, ${badHere.length} non-conformant.`,
		);
	}
	report.push(`(Operations in scope: ${groups}.)`);
	const exercisedAtBase = new Set(lines.filter((l) => l.version === '2.14').map((l) => l.operation));
	const missing = inScope.filter((op) => !exercisedAtBase.has(op));
	if (missing.length > 0 && exercisedAtBase.size > 0) report.push(`Not exercised against the sandbox (2.14): ${missing.join(', ')}`);
	for (const l of bad.slice(0, 20)) report.push(`  ✗ [${l.version ?? 'no version'}] ${l.method} ${l.path}: ${l.version === null ? 'no Intercom-Version; ' : ''}${l.problems.join('; ')}`);
	console.log(report.join('\n'));
	if (bad.length > 0) throw new Error(`${bad.length} request(s) sent by the nodes were not conformant to the Intercom API version they named`);
}

/** 2.9 before 2.14 before 2.16 ("none" last). */
function compareVersions(a: string, b: string): number {
	const parts = (v: string) => (v === 'none' ? [Infinity] : v.split('.').map(Number));
	const [pa, pb] = [parts(a), parts(b)];
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}
