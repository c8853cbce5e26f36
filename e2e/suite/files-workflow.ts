/**
 * A workflow that moves files through n8n's own binary data, both ways: a data export is created,
 * waited for and downloaded (a file answer placed in a binary field), the same file is attached to
 * a conversation reply (binary input sent as `attachment_files`), and the conversation is read back
 * with its attachments downloaded into binary fields. The jest tests check each step through
 * n8n-core; this runs it inside a real n8n, whose binary data store (filesystem in 2.x) sits
 * between the steps.
 */
import type { ExecutionRun } from '../runtime/n8n';
import { SANDBOX_CREDENTIAL, type WorkflowJson } from '../runtime/fixtures';

/** At most 16 characters: n8n 1.x keeps no static data for longer ids (not needed here, kept alike). */
export const FILES_WORKFLOW_ID = 'e2eFilesFlow1';

const credentials = { intercomAccessTokenApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };

function intercom(name: string, index: number, parameters: Record<string, unknown>) {
	return {
		parameters,
		id: `7a1c2e3d-4b5f-4a6b-8c7d-00000000${String(500 + index).padStart(4, '0')}`,
		name,
		type: 'n8n-nodes-intercom.intercom',
		typeVersion: 1,
		position: [220 * index, 0],
		credentials,
	};
}

export function filesWorkflow(conversationId: string, adminId: string): WorkflowJson {
	const locator = { __rl: true, mode: 'id', value: conversationId };
	const nodes = [
		{ parameters: {}, id: '7a1c2e3d-4b5f-4a6b-8c7d-000000000500', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		intercom('Create Export', 1, {
			resource: 'dataExport',
			operation: 'create',
			createdAtAfter: '2020-01-01T00:00:00Z',
			createdAtBefore: '={{ $now.toISO() }}',
		}),
		intercom('Download Export', 2, {
			resource: 'dataExport',
			operation: 'download',
			jobId: '={{ $json.job_identifier }}',
			waitUntilReady: true,
			maxWaitSeconds: 120,
			binaryPropertyName: 'export',
		}),
		intercom('Reply With File', 3, {
			resource: 'conversation',
			operation: 'reply',
			conversationId: locator,
			actingAdminId: adminId,
			messageType: 'note',
			body: 'The export, attached',
			additionalFields: { attachmentFiles: 'export' },
		}),
		intercom('Get With Attachments', 4, {
			resource: 'conversation',
			operation: 'get',
			conversationId: locator,
			options: { downloadAttachments: true },
		}),
	];
	const chain = nodes.map((n) => n.name);
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
	);
	return { id: FILES_WORKFLOW_ID, name: 'e2e: files through binary data', nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {}, tags: [] };
}

export interface BinaryMeta {
	fileName?: string;
	mimeType?: string;
	fileSize?: string;
}

/** The binary fields (metadata as n8n keeps it) of a node's first output item. */
export function binaryOutput(run: ExecutionRun['data'], nodeName: string): Record<string, BinaryMeta> {
	const nodeRun = run.resultData.runData[nodeName]?.[0] as { data?: { main?: Array<Array<{ binary?: Record<string, BinaryMeta> }>> } } | undefined;
	return nodeRun?.data?.main?.[0]?.[0]?.binary ?? {};
}
