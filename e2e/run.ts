/**
 * `npm run test:e2e`: installs what the suite needs (cached), then runs e2e/suite (the node and the
 * use-case examples) with node's test runner and prints how long each part took.
 *
 *   npm run test:e2e                         # n8n 2.40.7
 *   E2E_N8N_VERSIONS=all npm run test:e2e    # 2.40.7 and 1.123.x (also: 1, 2, 1.123.81,2.40.7)
 *   E2E_N8N_VERSIONS=auto npm run test:e2e   # 2.40.7, then 1.123.x if the first part took less
 *                                            # than E2E_AUTO_BUDGET_MINUTES (default 12): CI's mode
 *   E2E_SKIP_BUILD=1 npm run test:e2e        # reuse dist/ as it is
 *
 * Ends with one line `e2e: N passed, N failed` (the counts of node's test runner, all parts).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureChromium } from './runtime/browser';
import { ensureRuntime } from './runtime/install';
import { buildAndPack } from './runtime/package';
import { DEFAULT_N8N_VERSION, LEGACY_N8N_VERSION, resolveN8nVersion, ROOT, WORK_DIR } from './runtime/paths';

function log(message: string): void {
	process.stdout.write(`[e2e] ${message}\n`);
}

/** The parts to run, each a list of versions; `auto` makes the second part conditional. */
function plan(): { parts: string[][]; auto: boolean } {
	const raw = (process.env.E2E_N8N_VERSIONS ?? process.env.N8N_VERSION ?? '').trim();
	if (raw === 'auto') return { parts: [[DEFAULT_N8N_VERSION], [LEGACY_N8N_VERSION]], auto: true };
	if (raw === 'all' || raw === 'both') return { parts: [[DEFAULT_N8N_VERSION], [LEGACY_N8N_VERSION]], auto: false };
	if (raw === '') return { parts: [[DEFAULT_N8N_VERSION]], auto: false };
	return { parts: [[...new Set(raw.split(',').map((v) => resolveN8nVersion(v)))]], auto: false };
}

interface Counts {
	passed: number;
	failed: number;
	skipped: number;
	code: number;
}

async function runSuite(versions: string[], tapFile: string): Promise<Counts> {
	const code = await new Promise<number>((resolve) => {
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				'--test',
				'--test-concurrency=1',
				'--test-reporter=spec',
				'--test-reporter-destination=stdout',
				'--test-reporter=tap',
				`--test-reporter-destination=${tapFile}`,
				path.join('e2e', 'suite', 'e2e.test.ts'),
				path.join('e2e', 'suite', 'webhook.test.ts'),
				path.join('e2e', 'suite', 'use-cases.test.ts'),
			],
			{
				cwd: ROOT,
				stdio: 'inherit',
				env: { ...process.env, E2E_N8N_VERSIONS: versions.join(','), E2E_SKIP_BUILD: '1' },
			},
		);
		const forward = (signal: NodeJS.Signals) => child.kill(signal);
		process.on('SIGINT', forward);
		process.on('SIGTERM', forward);
		child.on('exit', (c, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve(c ?? (signal ? 1 : 0));
		});
	});
	const tap = fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '';
	const count = (name: string): number => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
	const failed = count('fail') + count('cancelled');
	// A runner that died before reporting still counts as a failure.
	return { passed: count('pass'), failed: code !== 0 && failed === 0 ? 1 : failed, skipped: count('skipped'), code };
}

async function main(): Promise<number> {
	const { parts, auto } = plan();
	const budgetMinutes = Number(process.env.E2E_AUTO_BUDGET_MINUTES ?? 12);
	const timings: Array<[string, number]> = [];
	const timed = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
		const started = Date.now();
		const result = await fn();
		timings.push([label, (Date.now() - started) / 1000]);
		return result;
	};
	const total: Counts = { passed: 0, failed: 0, skipped: 0, code: 0 };
	const started = Date.now();

	// n8n user folders of earlier runs (kept for their logs until now).
	fs.mkdirSync(WORK_DIR, { recursive: true });
	for (const entry of fs.readdirSync(WORK_DIR)) {
		if (entry.startsWith('suite-')) fs.rmSync(path.join(WORK_DIR, entry), { recursive: true, force: true });
	}
	await timed('chromium (install or check)', () => ensureChromium(log));
	await timed('build and pack', () => buildAndPack());

	for (const [index, versions] of parts.entries()) {
		const elapsedMinutes = (Date.now() - started) / 60_000;
		if (auto && index > 0 && elapsedMinutes > budgetMinutes) {
			log(
				`skipping n8n ${versions.join(', ')}: the first part took ${elapsedMinutes.toFixed(1)} min (over ` +
					`E2E_AUTO_BUDGET_MINUTES=${budgetMinutes}, a cold install); run E2E_N8N_VERSIONS=${versions.join(',')} npm run test:e2e`,
			);
			continue;
		}
		for (const version of versions) await timed(`runtime n8n ${version} (install or cache check)`, () => ensureRuntime(version));
		log(`running the suite on n8n ${versions.join(', ')}`);
		const counts = await timed(`suite on n8n ${versions.join(', ')}`, () =>
			runSuite(versions, path.join(WORK_DIR, `e2e-results-${versions.join('_')}.tap`)),
		);
		total.passed += counts.passed;
		total.failed += counts.failed;
		total.skipped += counts.skipped;
		total.code ||= counts.code;
	}

	log('timings:');
	for (const [label, seconds] of timings) log(`  ${label.padEnd(52)} ${seconds.toFixed(1)}s`);
	log(`  ${'total'.padEnd(52)} ${((Date.now() - started) / 1000).toFixed(1)}s`);
	process.stdout.write(`e2e: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}\n`);
	return total.code !== 0 || total.failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`[e2e] setup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.stdout.write('e2e: 0 passed, 1 failed\n');
		process.exit(1);
	},
);
