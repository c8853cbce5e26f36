/**
 * `npm run screenshots`: the README's pictures of the use-case workflows, taken from a real n8n
 * editor. Starts the sandbox and n8n (the e2e runtime: the packed package as a community package),
 * imports every example, signs in with headless Chromium (Debian's package, via playwright-core) and
 * saves the canvas of each use-case workflow (README "Use cases") to docs/use-cases/<example file>.png.
 *
 *   npm run screenshots                  # n8n 2.40.7 (E2E_CACHE_DIR as for the e2e suite)
 *   npm run screenshots -- exMessageBridge
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSandbox } from '../sandbox';
import { launchChromium } from '../e2e/runtime/browser';
import { accessTokenCredential, EXAMPLE_IDS, exampleFiles, readExample, writeJson } from '../e2e/runtime/fixtures';
import { N8nInstance } from '../e2e/runtime/n8n';
import { DEFAULT_N8N_VERSION, ROOT, WORK_DIR } from '../e2e/runtime/paths';
import { stopAll } from '../e2e/runtime/processes';
import { postgresCredential, startChatReceiver, USE_CASE_IDS, wire } from '../e2e/runtime/use-cases';
import { signIn } from '../e2e/suite/oauth';

const OUT_DIR = path.join(ROOT, 'docs', 'use-cases');

function say(message: string): void {
	process.stdout.write(`[screenshots] ${message}\n`);
}

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const useCases = new Set<string>([...Object.values(USE_CASE_IDS), EXAMPLE_IDS.upsertContact]);
	const files = exampleFiles().filter((file) => {
		const id = readExample(file).id;
		return only.length > 0 ? only.includes(id) : useCases.has(id);
	});
	const sb = await startSandbox({ port: 0, seed: { seed: 42 } });
	const chat = await startChatReceiver();
	const root = path.join(WORK_DIR, `screenshots-${Date.now().toString(36)}`);
	const n8n = await N8nInstance.create({ version: DEFAULT_N8N_VERSION, name: 'screenshots', userFolder: root });
	const browser = await launchChromium();
	try {
		await n8n.importCredentials(
			writeJson(path.join(root, 'import', 'credentials.json'), [
				accessTokenCredential(sb.baseUrl, sb.token),
				postgresCredential({ port: 5432, database: 'intercom', user: 'postgres', password: 'change-me' }),
			]),
		);
		for (const file of exampleFiles()) {
			const workflow = readExample(file);
			// The pictures show the examples as a user imports them: no wiring but the chat URL's host.
			writeJson(path.join(root, 'import', 'workflows', file), wire(workflow, {}));
		}
		await n8n.importWorkflows(path.join(root, 'import', 'workflows'));
		await n8n.start();
		await n8n.setupOwner();
		const page = await browser.browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		await signIn(page, n8n.baseUrl);
		fs.mkdirSync(OUT_DIR, { recursive: true });
		for (const file of files) {
			const workflow = readExample(file);
			await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
			// Let the canvas fit the workflow and the node icons load.
			await page.waitForLoadState('networkidle').catch(() => undefined);
			await page.locator('[data-test-id="canvas-wrapper"], .vue-flow').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
			// Fit the view ("1"), then one step out, so that the run button at the bottom covers no node.
			await page.keyboard.press('1');
			await page.waitForTimeout(500);
			await page.keyboard.press('-');
			await page.waitForTimeout(1_500);
			const target = path.join(OUT_DIR, file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: target });
			say(`${path.relative(ROOT, target)}  (${workflow.name})`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
		await sb.close();
		await chat.close();
		await stopAll();
		fs.rmSync(root, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(`[screenshots] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
