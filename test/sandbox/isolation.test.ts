/**
 * The sandbox is dev tooling: nothing that ships (nodes/, credentials/) may
 * import it, and the build must not include it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return [];
	}
	return entries.flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
	});
}

describe('sandbox isolation', () => {
	it('is not imported by nodes/ or credentials/', () => {
		const offenders = [...tsFiles(join(root, 'nodes')), ...tsFiles(join(root, 'credentials'))].filter((file) =>
			/(from\s+|require\(\s*|import\(\s*)['"][^'"]*\/sandbox(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')),
		);
		expect(offenders).toEqual([]);
	});

	it('is excluded from the published build', () => {
		const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
		expect(build.include.some((pattern: string) => pattern.startsWith('sandbox'))).toBe(false);
	});
});
