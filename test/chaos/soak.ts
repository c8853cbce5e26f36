/**
 * `npm run soak -- [--changes 10000] [--seed 42] [--bursts 2]`: the chaos soak (test/chaos/soak/run.ts).
 * Prints what every trigger workflow owed and emitted, the multi-poll reads its polls continued,
 * the faults survived and the action workflows' outcomes; exits 1 if anything was lost, repeated
 * beyond what a restored stale copy explains, invented, out of order, unclear, or sent twice, or
 * if a run with bursts continued none of an event kind's multi-poll reads.
 */
import '../helpers/outside-jest';

import { MULTI_POLL_PATHS } from './soak/multi-poll';
import { runSoak, type SoakReport } from './soak/run';

function flag(name: string, fallback: number, min = 1): number {
	const index = process.argv.indexOf(`--${name}`);
	const value = index === -1 ? undefined : Number(process.argv[index + 1]);
	if (value === undefined) return fallback;
	if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number of at least ${min}`);
	return value;
}

const n = (value: number) => value.toLocaleString('en-US');

function print(report: SoakReport, seconds: number): void {
	const hours = (report.sandboxSeconds / 3600).toFixed(1);
	console.log(
		`\nChaos soak, seed ${report.seed}: ${n(report.changes)} changes (${n(report.burstChanges)} of them in ${report.bursts} bursts) in ${report.ticks} ticks, ${hours} h of sandbox time, ${seconds.toFixed(0)} s real`,
	);
	console.log(`  changes: ${Object.entries(report.changesByKind).sort().map(([k, c]) => `${k} ${n(c)}`).join(', ')}`);
	console.log('\n  workflow                            polls (failed)   owed   emitted   lost   repeated   repeats after a restored copy   phantom   out of order');
	for (const v of report.verdicts) {
		const repeats = `${v.allowedRepeats}${v.notDeduplicable ? ` (${v.notDeduplicable} with a new event_id)` : ''}`;
		console.log(
			`  ${v.workflow.padEnd(34)} ${`${v.polls} (${v.failedPolls})`.padStart(13)} ${n(v.owed).padStart(7)} ${n(v.delivered).padStart(9)} ${String(v.lost.length).padStart(6)} ${String(v.repeated.length).padStart(10)} ${repeats.padStart(31)} ${String(v.phantoms.length).padStart(9)} ${String(v.outOfOrder).padStart(14)}`,
		);
		for (const id of [...v.lost.slice(0, 5), ...v.repeated.slice(0, 5), ...v.phantoms.slice(0, 5)]) console.log(`      ${id}`);
	}
	console.log(`\n  polls that continued a multi-poll read (drained in ${report.drainRounds} quiet rounds at the end)`);
	console.log(`  workflow                            ${MULTI_POLL_PATHS.map((p) => p.padStart(13)).join(' ')}   after a restore or a failed poll`);
	for (const v of report.verdicts) {
		const m = v.multiPoll;
		if (MULTI_POLL_PATHS.every((p) => m.continued[p] === 0)) continue;
		console.log(`  ${v.workflow.padEnd(34)} ${MULTI_POLL_PATHS.map((p) => String(m.continued[p]).padStart(13)).join(' ')} ${String(m.afterTrouble).padStart(34)}`);
	}
	for (const line of report.stuck) console.log(`  still reading after ${report.drainRounds} quiet polls: ${line}`);
	if (report.missingPaths.length > 0) console.log(`  continued by no poll${report.bursts === 0 ? ' (no bursts in this run)' : ''}: ${report.missingPaths.join('; ')}`);
	const restarts = Object.entries(report.restarts).map(([k, c]) => `${k} ${c}`).join(', ');
	console.log(`\n  restarts: ${restarts}`);
	console.log(`  faults survived: ${Object.entries(report.faults).sort().map(([k, c]) => `${k} ${n(c)}`).join(', ')}`);
	console.log(`  failed polls by error: ${Object.entries(report.pollErrors).map(([k, c]) => `${c}× ${k}`).join('; ') || 'none'}`);
	const a = report.actions;
	console.log(`  action workflows: ${a.runs} runs, ${a.items} items: ${a.succeeded} succeeded, ${a.failed} failed with a clear error, ${a.unclear.length} unclear`);
	for (const line of a.unclear.slice(0, 10)) console.log(`      ${line}`);
	const p = report.posts;
	console.log(
		`  POSTs the sandbox saw more than once: ${p.counted} (searches, which are reads: ${p.searches}; retried after a 429, refused before anything was done: ${p.afterRateLimit}); sent again after being acted on: ${p.defects.length}`,
	);
	for (const line of p.defects.slice(0, 10)) console.log(`      ${line}`);
	console.log(`  non-conformant requests: ${report.nonConformant.length}`);
	console.log(
		`\n${report.passed ? 'PASS' : 'FAIL'}: zero lost, zero repeated outside the stale-copy allowance, for every event kind${report.bursts > 0 ? ', every multi-poll read continued' : ''}`,
	);
}

async function main(): Promise<void> {
	const changes = flag('changes', 10_000);
	const seed = flag('seed', 42);
	const bursts = flag('bursts', 2, 0);
	const started = Date.now();
	console.log(`Chaos soak: ${n(changes)} changes and ${bursts} bursts, seed ${seed}`);
	const report = await runSoak({ changes, seed, bursts, log: (line) => console.log(line) });
	print(report, (Date.now() - started) / 1000);
	process.exitCode = report.passed ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
