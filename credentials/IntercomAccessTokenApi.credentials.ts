import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, DEFAULT_API_VERSION, REGION_OPTIONS } from '../nodes/shared/regions';

/**
 * Intercom access token (Developer Hub → your app → Authentication).
 * Named `intercomAccessTokenApi` because n8n's built-in v1 node already owns `intercomApi`,
 * and credential type names are one global namespace in n8n.
 */
export class IntercomAccessTokenApi implements ICredentialType {
	name = 'intercomAccessTokenApi';

	displayName = 'Intercom Access Token API';

	documentationUrl = 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication';

	icon = { light: 'file:icons/intercom.svg', dark: 'file:icons/intercom.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access token of your Intercom app (Developer Hub → Configure → Authentication)',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: REGION_OPTIONS,
			default: 'us',
			description: 'Where your Intercom workspace is hosted',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://localhost:4010',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
			description: 'The API root to call instead of Intercom, such as a proxy or the local sandbox',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			description: 'Sent as the Intercom-Version header on every request. The nodes are built and tested for 2.14.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression('$credentials'),
			url: '/me',
			headers: {
				'Intercom-Version': `={{ $credentials.apiVersion || "${DEFAULT_API_VERSION}" }}`,
				Accept: 'application/json',
			},
		},
	};
}
