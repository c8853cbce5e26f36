import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { AUTHENTICATION_PROPERTY, INTERCOM_CREDENTIALS } from '../shared/authentication';
import { describeOperations } from './actions/describe';
import { operations, resources } from './actions/registry';
import { route } from './actions/router';
import * as contentSearch from './methods/contentSearch';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import * as searchOptions from './methods/searchOptions';
import * as ticketOptions from './methods/ticketOptions';
import * as ticketSearch from './methods/ticketSearch';

export class Intercom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Intercom',
		name: 'intercom',
		icon: { light: 'file:intercom.svg', dark: 'file:intercom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage Intercom contacts, conversations, tickets, articles and admins (API 2.14)',
		defaults: { name: 'Intercom' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: INTERCOM_CREDENTIALS,
		properties: [
			AUTHENTICATION_PROPERTY,
			...describeOperations(resources, operations),
		],
	};

	methods = { listSearch: { ...listSearch, ...ticketSearch, ...contentSearch }, loadOptions: { ...loadOptions, ...searchOptions, ...ticketOptions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
