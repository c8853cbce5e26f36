import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { INTERCOM_CREDENTIALS } from '../shared/authentication';
import { triggerProperties } from './description';
import { pollIntercom } from './poll';

/**
 * Polls Intercom and emits each event once, oldest first: new and updated contacts,
 * conversations and their parts, tickets and their state changes, articles, admin away changes
 * and activity-log entries.
 * The cursor lives in the node's static data (see cursor.ts for what it guarantees and why).
 */
export class IntercomTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom Trigger',
		name: 'intercomTrigger',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On " + $parameter["event"] }}',
		description: 'Starts the workflow when contacts, conversations, tickets, articles or admins change in Intercom (API 2.14)',
		defaults: { name: 'Intercom Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: INTERCOM_CREDENTIALS,
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollIntercom.call(this);
	}
}
