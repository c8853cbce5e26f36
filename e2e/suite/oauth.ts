/**
 * (d) OAuth2 as a person does it: in headless Chromium, sign in to n8n, create an "Intercom OAuth2
 * API" credential (region Custom, the sandbox as base URL and authorization page), click Connect,
 * approve on the sandbox's consent page in the popup, and see "Account connected". Then a workflow
 * using that credential answers through its production webhook, and keeps answering once its access
 * token is revoked: n8n refreshes it with the refresh token the sandbox issued.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import type { RunningSandbox } from '../../sandbox';
import { launchChromium } from '../runtime/browser';
import type { WorkflowJson } from '../runtime/fixtures';
import { DEFAULT_OWNER, type N8nInstance } from '../runtime/n8n';

const WEBHOOK_PATH = 'intercom-oauth-me';

/** Webhook → Intercom "Get Current Admin" with the OAuth2 credential; answers the admin as JSON. */
export function oauthWorkflow(credential: { id: string; name: string }): WorkflowJson {
	return {
		id: 'e2eOAuth2Whoami1',
		name: 'e2e: who am I (OAuth2)',
		nodes: [
			{
				parameters: { path: WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
				id: '5c1e6a52-2f5b-4c1e-9a3e-0000000000d1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5c1e6a52-2f5b-4c1e-9a3e-0000000000d1',
			},
			{
				parameters: { authentication: 'oAuth2', resource: 'admin', operation: 'getCurrent' },
				id: '5c1e6a52-2f5b-4c1e-9a3e-0000000000d2',
				name: 'Who Am I',
				type: 'n8n-nodes-intercom.intercom',
				typeVersion: 1,
				position: [220, 0],
				credentials: { intercomOAuth2Api: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Who Am I', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	const form = page.locator('[data-test-id="auth-form"], form').first();
	await form.locator('input:not([type=password])').first().fill(DEFAULT_OWNER.email);
	await form.locator('input[type=password]').fill(DEFAULT_OWNER.password);
	await page.locator('[data-test-id="form-submit-button"]').click();
	await page.waitForURL((url) => !url.pathname.includes('/signin'), { timeout: 30_000 });
}

async function createOAuthCredential(page: Page, n8n: N8nInstance, sb: RunningSandbox, name: string): Promise<void> {
	await page.goto(`${n8n.baseUrl}/home/credentials/create`);
	await page.locator('[data-test-id="new-credential-type-select"]').click();
	await page.keyboard.type('Intercom OAuth2');
	await page.locator('[data-test-id="new-credential-type-select-option"]', { hasText: 'Intercom OAuth2 API' }).first().click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();

	// The modal: its header holds the name and Save, its body the connection parameters.
	const dialog = page.locator('[data-test-id="editCredential-modal"]:visible, .el-dialog:visible').first();
	await dialog.locator('[data-test-id="credential-edit-dialog"]').waitFor();
	const field = (parameter: string) => dialog.locator(`[data-test-id="parameter-input-${parameter}"] input`).first();
	await field('clientId').fill(sb.oauth.clientId);
	await field('clientSecret').fill(sb.oauth.clientSecret);
	// The region select: our option that reveals Base URL and Authorization URL.
	await dialog.locator('[data-test-id="parameter-input-region"]').click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: 'Custom Base URL' }).click();
	await field('baseUrl').fill(sb.baseUrl);
	await field('customAuthUrl').fill(`${sb.baseUrl}/oauth`);

	// Name it, so that REST can find it afterwards.
	await dialog.locator('[data-test-id="credential-name"]').click();
	const nameInput = dialog.locator('[data-test-id="credential-name"] input, [data-test-id="inline-edit-input"]').first();
	await nameInput.waitFor();
	await nameInput.fill(name);
	await nameInput.press('Enter');

	await dialog.locator('[data-test-id="credential-save-button"]').click();
	await dialog.locator('[data-test-id="credential-delete-button"]').waitFor({ timeout: 30_000 });

	// "Connect" (2.x) / "Connect my account" (1.x) opens the authorization page in a popup.
	const connect = dialog
		.locator(
			'[data-test-id="quick-connect-button"]:visible, [data-test-id="oauth-connect-button"]:visible, button:visible:has-text("Connect my account")',
		)
		.first();
	const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 30_000 }), connect.click()]);
	await popup.waitForLoadState('domcontentloaded');
	const approve = popup.locator('#authorize');
	await approve.waitFor({ timeout: 30_000 });
	await approve.click();
	// n8n's callback page closes the popup once the token is stored.
	await popup.waitForEvent('close', { timeout: 30_000 }).catch(() => undefined);
	await dialog.locator('[data-test-id="oauth-connect-success-banner"]:visible, :text("Account connected"):visible').first().waitFor({
		timeout: 30_000,
	});
}

/** Connects, runs the workflow, revokes its token and runs it again; returns the revoked token (its one 401 is intended). */
export async function runOAuthInBrowser(n8n: N8nInstance, sb: RunningSandbox): Promise<{ revokedToken: string }> {
	const name = 'Intercom OAuth2 (e2e)';
	const { browser, close } = await launchChromium();
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	const screenshot = path.join(n8n.userFolder, 'oauth-failure.png');
	try {
		await signIn(page, n8n.baseUrl);
		await createOAuthCredential(page, n8n, sb, name);
	} catch (error) {
		await page.screenshot({ path: screenshot }).catch(() => undefined);
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`${message}\n(screenshot of the page: ${screenshot}; page URL ${page.url()})`);
	} finally {
		await close();
	}

	// The credential n8n stored, with a token, found through REST.
	const credentials = await n8n.rest<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials');
	const credential = credentials.find((c) => c.type === 'intercomOAuth2Api' && c.name === name);
	assert.ok(credential, `the OAuth2 credential "${name}" exists (have: ${credentials.map((c) => `${c.name} [${c.type}]`).join(', ')})`);

	// A workflow using it, created and activated through REST, answers via its production webhook.
	const workflow = oauthWorkflow({ id: credential.id, name: credential.name });
	const { id: _ignored, ...body } = workflow;
	const created = await n8n.rest<{ id: string }>('POST', '/rest/workflows', { ...body, active: false });
	await n8n.activateViaRest(created.id);
	await n8n.waitForWebhook(WEBHOOK_PATH, 'GET');
	const res = await fetch(`${n8n.apiUrl}/webhook/${WEBHOOK_PATH}`);
	const text = await res.text();
	assert.equal(res.status, 200, `the OAuth2 workflow answered ${res.status}: ${text}`);
	const admin = JSON.parse(text) as { type?: string; email?: string };
	assert.equal(admin.type, 'admin', text);
	const me = sb.log
		.requests()
		.filter((r) => r.kind === 'api' && r.method === 'GET' && r.path === '/me')
		.pop();
	assert.ok(me, 'the workflow called GET /me');
	assert.ok(me.workspace, 'with a token the sandbox issued through OAuth');
	assert.notEqual(me.headers.authorization, `Bearer ${sb.token}`, 'not with the access-token credential');

	const revokedToken = me.headers.authorization.replace(/^Bearer\s+/i, '');
	await checkRefresh(n8n, sb, revokedToken);
	return { revokedToken };
}

/**
 * The token refresh, in the real n8n: the sandbox issued a refresh token with the access token;
 * once the access token is revoked, the workflow's request gets a 401, n8n's OAuth2 helper gets a
 * new access token from the token endpoint, and the request is sent once more with it.
 */
async function checkRefresh(n8n: N8nInstance, sb: RunningSandbox, connectedToken: string): Promise<void> {
	sb.sandbox.auth.revokeToken(connectedToken);
	const from = sb.log.requests().length;
	const res = await fetch(`${n8n.apiUrl}/webhook/${WEBHOOK_PATH}`);
	const text = await res.text();
	assert.equal(res.status, 200, `after the token was revoked, the OAuth2 workflow answered ${res.status}: ${text}`);
	assert.equal((JSON.parse(text) as { type?: string }).type, 'admin', text);
	const after = sb.log.requests().slice(from);
	const refreshes = after.filter((r) => r.kind === 'oauth' && r.path === '/auth/eagle/token');
	assert.equal(refreshes.length, 1, `one call to the token endpoint (got ${refreshes.length})`);
	assert.equal((refreshes[0].body as { grant_type?: string }).grant_type, 'refresh_token', 'a refresh grant');
	const me = after.filter((r) => r.kind === 'api' && r.method === 'GET' && r.path === '/me');
	assert.deepEqual(
		me.map((r) => r.status),
		[401, 200],
		'GET /me: the revoked token is refused, then the request is sent once more with the new token',
	);
	assert.equal(me[0].headers.authorization, `Bearer ${connectedToken}`);
	assert.notEqual(me[1].headers.authorization, `Bearer ${connectedToken}`, 'the retry carries the new token');
}
