/**
 * The workflows of the queue-mode scenario: two polling triggers (new conversations, from the
 * example; new conversation parts) and two "hammer" workflows (webhook → split the ids → Intercom
 * Get Contact per item) that share one rate-limited workspace.
 */
import { EXAMPLE_IDS, readExample, type WorkflowJson } from '../runtime/fixtures';

/** n8n workflow ids are 16 characters. */
export const IDS = {
	newConversations: EXAMPLE_IDS.newConversationSummary,
	newParts: 'qmNewConvParts01',
	hammerA: 'qmHammerFlowA001',
	hammerB: 'qmHammerFlowB001',
} as const;

export const TRIGGER_NODE = { newConversations: 'New Conversation', newParts: 'New Conversation Part' } as const;
export const GET_CONTACT_NODE = 'Get Contact';

export const LOAD_CREDENTIAL = { id: 'IntercomLoad0001', name: 'Intercom sandbox (rate-limited workspace)' } as const;

/** The example trigger workflow (new conversations, polled every minute: n8n's shortest interval). */
export function newConversationsWorkflow(): WorkflowJson {
	const workflow = readExample('new-conversation-summary.json');
	return { ...workflow, active: false };
}

/** A second trigger on the same workspace: every new conversation part (replies, closes…). */
export function newPartsWorkflow(credential: { id: string; name: string }): WorkflowJson {
	return {
		id: IDS.newParts,
		name: 'Queue mode: every new conversation part',
		active: false,
		nodes: [
			{
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					authentication: 'accessToken',
					event: 'conversation_part.created',
					options: {},
				},
				id: '7a1c0c3e-2b2b-4c9f-8e11-000000000501',
				name: TRIGGER_NODE.newParts,
				type: 'n8n-nodes-intercom.intercomTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: { intercomAccessTokenApi: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		pinData: {},
	};
}

/**
 * Webhook (answers at once; the execution is queued for a worker) → Split Out the `ids` of the
 * body → Intercom Contact Get for each id, one request per item.
 */
export function hammerWorkflow(id: string, webhookPath: string, webhookId: string): WorkflowJson {
	return {
		id,
		name: `Queue mode: get many contacts (${webhookPath})`,
		active: false,
		nodes: [
			{
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
				id: `${webhookId.slice(0, 24)}000000000601`,
				name: 'Batch Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
			},
			{
				parameters: { fieldToSplitOut: 'body.ids', include: 'noOtherFields', options: { destinationFieldName: 'id' } },
				id: `${webhookId.slice(0, 24)}000000000602`,
				name: 'One Item per Id',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
			},
			{
				parameters: {
					authentication: 'accessToken',
					resource: 'contact',
					operation: 'get',
					contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				},
				id: `${webhookId.slice(0, 24)}000000000603`,
				name: GET_CONTACT_NODE,
				type: 'n8n-nodes-intercom.intercom',
				typeVersion: 1,
				position: [440, 0],
				credentials: { intercomAccessTokenApi: { id: LOAD_CREDENTIAL.id, name: LOAD_CREDENTIAL.name } },
			},
		],
		connections: {
			'Batch Webhook': { main: [[{ node: 'One Item per Id', type: 'main', index: 0 }]] },
			'One Item per Id': { main: [[{ node: GET_CONTACT_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		pinData: {},
	};
}
