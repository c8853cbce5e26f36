/**
 * Headless Chromium (Debian's package) driven by playwright-core, for the OAuth2 step.
 * `ensureChromium()` installs it with apt-get when it is missing and we are root (CI).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium(log: (message: string) => void = () => {}): string {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
	const started = Date.now();
	log('installing chromium with apt-get (Debian package)');
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	return CHROMIUM;
}

export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath: ensureChromium(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	return {
		browser,
		// playwright gives every launch a fresh, temporary profile (--user-data-dir) and removes it on close.
		close: async () => {
			await browser.close().catch(() => undefined);
		},
	};
}
