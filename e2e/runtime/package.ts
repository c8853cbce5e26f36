/**
 * Builds this package and installs it into an n8n user folder the way a self-hosted user installs a
 * community package by hand: `npm pack` → `~/.n8n/nodes/package.json` + `npm install <tarball>`.
 * n8n then finds it in `~/.n8n/nodes/node_modules` at startup (community packages are scanned there).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { ROOT, WORK_DIR } from './paths';

const execFileAsync = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export const PACKAGE_NAME: string = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];
	env.npm_config_audit = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_update_notifier = 'false';
	return env;
}

function log(message: string): void {
	process.stdout.write(`[e2e] ${message}\n`);
}

let packed: Promise<string> | undefined;

/**
 * `npm run build` then `npm pack` into `.e2e/pack/`, once per process. `E2E_SKIP_BUILD=1` reuses
 * the current dist/ (CI has just built it).
 */
export function buildAndPack(): Promise<string> {
	packed ??= (async () => {
		const started = Date.now();
		if (process.env.E2E_SKIP_BUILD !== '1') {
			log('building the package (npm run build)');
			await execFileAsync(NPM, ['run', 'build', '--silent'], { cwd: ROOT, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
		}
		if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: run npm run build');
		const dest = path.join(WORK_DIR, 'pack');
		fs.rmSync(dest, { recursive: true, force: true });
		fs.mkdirSync(dest, { recursive: true });
		const { stdout } = await execFileAsync(NPM, ['pack', '--json', '--pack-destination', dest], {
			cwd: ROOT,
			env: cleanEnv(),
			maxBuffer: 64 * 1024 * 1024,
		});
		const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
		const tarball = path.join(dest, info.filename);
		log(`packed ${path.relative(ROOT, tarball)} (${info.files.length} files) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
		return tarball;
	})();
	return packed;
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes`. Peer dependencies are not installed
 * (`--legacy-peer-deps`): n8n itself provides n8n-workflow, and its own installer strips
 * peerDependencies the same way.
 */
export async function installIntoUserFolder(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const pkgJson = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(pkgJson)) {
		fs.writeFileSync(pkgJson, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	}
	await execFileAsync(
		NPM,
		['install', tarball, '--ignore-scripts', '--legacy-peer-deps', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'],
		{ cwd: nodesDir, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 },
	);
	const installed = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!fs.existsSync(path.join(installed, 'package.json'))) throw new Error(`${PACKAGE_NAME} did not install into ${nodesDir}`);
	return installed;
}

/** The node and credential types the package declares (from its package.json "n8n" block). */
export function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const base = (file: string, suffix: string): string => path.basename(file).replace(suffix, '');
	const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
	return {
		nodes: pkg.n8n.nodes.map((f) => `${PACKAGE_NAME}.${lowerFirst(base(f, '.node.js'))}`),
		credentials: pkg.n8n.credentials.map((f) => lowerFirst(base(f, '.credentials.js'))),
	};
}
