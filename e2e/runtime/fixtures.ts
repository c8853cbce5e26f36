/**
 * What the demo and the suite import into n8n: credentials pointing at the sandbox, and the
 * example workflows from `examples/workflows/` (optionally adjusted, e.g. a faster poll).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ROOT } from './paths';

export const EXAMPLES_DIR = path.join(ROOT, 'examples', 'workflows');

/** The credential the example workflows reference (by id and name). */
export const SANDBOX_CREDENTIAL = { id: 'IntercomSandbox1', name: 'Intercom sandbox' } as const;

export const EXAMPLE_IDS = {
	replyAndClose: 'exReplyAndClose1',
	publishArticle: 'exPublishArticle',
	upsertContact: 'exUpsertContact1',
	newConversationSummary: 'exNewConvSummary',
	webhookEvents: 'exWebhookEvents1',
} as const;

/** The webhook example's credential (only the app's client secret) and the URL path of its trigger. */
export const WEBHOOK_SECRET_CREDENTIAL = { id: 'IntercomWebhook1', name: 'Intercom webhook secret' } as const;
export const WEBHOOK_EXAMPLE_PATH = '5b1c7e2a-9d4f-4e3b-8a6c-1f2e3d4c5b6a/intercom';

export function webhookSecretCredential(clientSecret: string, id: string = WEBHOOK_SECRET_CREDENTIAL.id, name: string = WEBHOOK_SECRET_CREDENTIAL.name): CredentialRecord {
	return { id, name, type: 'intercomWebhookSecretApi', data: { clientSecret } };
}

export interface CredentialRecord {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export function accessTokenCredential(baseUrl: string, token: string, id: string = SANDBOX_CREDENTIAL.id, name: string = SANDBOX_CREDENTIAL.name): CredentialRecord {
	return {
		id,
		name,
		type: 'intercomAccessTokenApi',
		data: { accessToken: token, region: 'custom', baseUrl, apiVersion: '2.14' },
	};
}

export function writeJson(file: string, value: unknown): string {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
	return file;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active?: boolean;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export function readExample(fileName: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, fileName), 'utf8')) as WorkflowJson;
}

export function exampleFiles(): string[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

/** Every example workflow, ready for `n8n import:workflow --separate` (none active: n8n's import deactivates anyway). */
export function examples(): WorkflowJson[] {
	return exampleFiles().map(readExample);
}
