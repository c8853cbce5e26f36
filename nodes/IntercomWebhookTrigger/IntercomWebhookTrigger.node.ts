import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';

import { SECRET_SOURCES, webhookTriggerProperties } from './description';
import { notificationToItem, readNotification } from './notification';
import { rememberIds, wasDeliveredRecently } from './recent';
import { describeRejection, SIGNATURE_HEADER, verifyIntercomSignature } from './signature';

/** n8n's processed-data table keeps this many notification ids per node (oldest dropped first). */
const PROCESSED_IDS_KEPT = 10_000;
/** Rounds and spacing of the check that this execution's record stuck (see confirmRecorded). */
const CONFIRM_ROUNDS = 3;
const CONFIRM_DELAY_MS = 50;
const CONFIRM_JITTER_MS = 200;

/**
 * Starts the workflow when Intercom pushes a notification to this node's URL. Registration is
 * manual (Intercom has no API for webhook subscriptions), so activation registers nothing.
 *
 * Order of work for a POST: verify the signature over the raw body (401, nothing started, one log
 * line without the body), read the envelope, apply the topic and app filters, drop a notification
 * already delivered, then start the workflow; n8n answers 200 before the workflow runs
 * (responseMode onReceived), well inside Intercom's 5 s.
 *
 * The node also has an `execute` step: n8n runs it as the first step of the execution the webhook
 * started. It records the notification ids (see recent.ts for why there) and, where n8n offers its
 * deduplication store, lets only ids never processed before through.
 */
export class IntercomWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom Webhook Trigger',
		name: 'intercomWebhookTrigger',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["topics"] || []).length ? ($parameter["topics"] || []).join(", ") : "All topics" }}',
		description: 'Starts the workflow the moment Intercom sends a webhook notification (signed, each notification once)',
		defaults: { name: 'Intercom Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Only the credential that holds the client secret is asked for, and none when checks are off.
		credentials: [
			{
				name: 'intercomWebhookSecretApi',
				required: true,
				testedBy: 'intercomWebhookSecretTest',
				displayOptions: { show: { verifySignature: [true], secretSource: ['clientSecret'] } },
			},
			{
				name: 'intercomOAuth2Api',
				required: true,
				displayOptions: { show: { verifySignature: [true], secretSource: ['oAuth2'] } },
			},
		],
		webhooks: [
			// Intercom reads only the status: answer 200 with no body (n8n would otherwise send a placeholder).
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'intercom' },
			// Intercom checks the endpoint with a HEAD request when the subscription is saved.
			{ name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'intercom', ndvHideUrl: true },
		],
		properties: webhookTriggerProperties,
	};

	methods = {
		credentialTest: {
			/** Intercom has no endpoint that checks a client secret: check what can be checked here. */
			async intercomWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = credential.data?.clientSecret;
				if (typeof secret !== 'string' || secret.trim() === '') return { status: 'Error', message: 'The client secret is empty' };
				if (/\s/.test(secret.trim())) return { status: 'Error', message: 'The client secret contains spaces or line breaks: paste it again' };
				return { status: 'OK', message: 'Saved. Intercom cannot check a client secret; send a test (ping) from the Developer Hub to confirm it.' };
			},
		},
	};

	/**
	 * Intercom has no API for webhook subscriptions: they live in the Developer Hub. Activation
	 * therefore creates nothing and cannot fail; it writes the URL to paste into n8n's log, and
	 * deactivation reminds that the Developer Hub subscription keeps sending until removed there.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.logger.info(
					`Intercom Webhook Trigger "${this.getNode().name}" is listening at ${this.getNodeWebhookUrl('default') ?? '(unknown URL)'}: set it as the endpoint URL of your app's webhooks in Intercom's Developer Hub`,
					{ workflowId: this.getWorkflow().id },
				);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				this.logger.info(
					`Intercom Webhook Trigger "${this.getNode().name}" stopped listening; Intercom keeps sending until the subscription is removed in the Developer Hub`,
					{ workflowId: this.getWorkflow().id },
				);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return { webhookResponse: '' };
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const node = this.getNode().name;
		const workflowId = this.getWorkflow().id;

		if (this.getNodeParameter('verifySignature', true) as boolean) {
			const secret = await clientSecret(this);
			const verdict = verifyIntercomSignature(request.rawBody, request.headers[SIGNATURE_HEADER], secret);
			if (!verdict.valid) {
				this.logger.warn(
					`Intercom Webhook Trigger "${node}" rejected a request with ${describeRejection(verdict.reason)}: answered 401, no execution started`,
					{ workflowId, node, reason: verdict.reason, bodyBytes: request.rawBody?.length ?? 0 },
				);
				response.status(401).json({ error: 'invalid or missing X-Hub-Signature' });
				return { noWebhookResponse: true };
			}
		}

		const read = readNotification(this.getBodyData());
		if ('problem' in read) {
			this.logger.warn(`Intercom Webhook Trigger "${node}" refused a request: ${read.problem}`, { workflowId, node });
			response.status(400).json({ error: `not an Intercom notification: ${read.problem}` });
			return { noWebhookResponse: true };
		}
		const { notification } = read;

		const topics = this.getNodeParameter('topics', []) as string[];
		if (topics.length > 0 && !topics.includes(notification.topic)) {
			return { webhookResponse: { status: 'ignored', reason: 'topic not selected' } };
		}
		const appIds = parseList((this.getNodeParameter('options', {}) as IDataObject).appIds);
		if (appIds.length > 0 && !appIds.includes(String(notification.app_id ?? ''))) {
			return { webhookResponse: { status: 'ignored', reason: 'app not selected' } };
		}
		if (this.getMode() !== 'manual') {
			const staticData = this.getWorkflowStaticData('node');
			if (wasDeliveredRecently(staticData, notification.id)) {
				this.logger.debug(`Intercom Webhook Trigger "${node}": notification ${notification.id} was delivered before; no execution started`, {
					workflowId,
					node,
				});
				return { webhookResponse: { status: 'duplicate' } };
			}
			// n8n 1.x saves this as it answers, before the workflow runs; n8n 2.40 drops it once the
			// execution starts, and the execution's first step (execute below) records the id instead.
			rememberIds(staticData, [notification.id], Math.floor(Date.now() / 1000));
		}
		return { workflowData: [[{ json: notificationToItem(notification) }]] };
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		// A test run ("Listen for test event") remembers nothing, so the live workflow still gets it.
		if (this.getMode() === 'manual') return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
		const ids = items.map((item) => String(item.json.notification_id ?? ''));
		let fresh = new Set(ids);
		// n8n's processed-data store (a database table) answers at once and survives restarts; two
		// deliveries of one notification that overlap in time are told apart here.
		if (typeof this.helpers.checkProcessedAndRecord === 'function') {
			const outcome = await this.helpers.checkProcessedAndRecord(ids, 'node', { mode: 'entries', maxEntries: PROCESSED_IDS_KEPT });
			fresh = new Set(outcome.new.map(String));
			await confirmRecorded(this, [...fresh]);
		}
		rememberIds(this.getWorkflowStaticData('node'), ids, Math.floor(Date.now() / 1000));
		const out: INodeExecutionData[] = [];
		items.forEach((item, index) => {
			const id = ids[index];
			if (fresh.has(id)) {
				fresh.delete(id);
				out.push({ json: item.json, pairedItem: { item: index } });
			}
		});
		return [out];
	}
}

/**
 * n8n reads its processed-data row, adds the ids and writes the row back, without a lock: an
 * execution of the same workflow doing the same at that moment (a burst of notifications) can
 * overwrite this one's ids, and a later repeat would then pass. So check again, a little later at
 * a random moment (so two executions rarely collide twice), and once more if an id had to be added
 * again. The answer is not used to decide what to emit: that was decided by the first check.
 */
async function confirmRecorded(context: IExecuteFunctions, ids: string[]): Promise<void> {
	let unconfirmed = ids;
	for (let round = 0; round < CONFIRM_ROUNDS && unconfirmed.length > 0; round++) {
		await sleep(CONFIRM_DELAY_MS + Math.floor(Math.random() * CONFIRM_JITTER_MS));
		const outcome = await context.helpers.checkProcessedAndRecord(unconfirmed, 'node', { mode: 'entries', maxEntries: PROCESSED_IDS_KEPT });
		// Ids reported new had been lost and are now written again: confirm those once more.
		unconfirmed = outcome.new.map(String);
	}
}

async function clientSecret(context: IWebhookFunctions): Promise<string> {
	const source = context.getNodeParameter('secretSource', SECRET_SOURCES.clientSecret) as string;
	const credentialType = source === SECRET_SOURCES.oAuth2 ? 'intercomOAuth2Api' : 'intercomWebhookSecretApi';
	const credentials = await context.getCredentials(credentialType);
	const secret = typeof credentials.clientSecret === 'string' ? credentials.clientSecret.trim() : '';
	if (secret === '') {
		throw new NodeOperationError(
			context.getNode(),
			`The ${credentialType === 'intercomOAuth2Api' ? 'Intercom OAuth2 API' : 'Intercom Webhook Secret'} credential has no client secret`,
			{ description: 'Copy the client secret from the Developer Hub (your app → Basic Information) into the credential.' },
		);
	}
	return secret;
}

function parseList(value: unknown): string[] {
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
