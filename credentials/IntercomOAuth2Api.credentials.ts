import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	baseUrlExpression,
	DEFAULT_API_VERSION,
	INTERCOM_AUTHORIZE_URLS,
	REGION_OPTIONS,
} from '../nodes/shared/regions';

/**
 * Intercom OAuth2 (authorization-code grant). Intercom issues long-lived tokens, usually with no
 * refresh token; when one is issued, n8n's oAuth2Api machinery refreshes it.
 */
export class IntercomOAuth2Api implements ICredentialType {
	name = 'intercomOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Intercom OAuth2 API';

	documentationUrl = 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth';

	icon = { light: 'file:icons/intercom.svg', dark: 'file:icons/intercom.dark.svg' } as const;

	properties: INodeProperties[] = [
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
			displayName: 'Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: '',
			placeholder: 'http://localhost:4010/oauth',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
			description: 'Where users approve access. The token URL is the base URL followed by /auth/eagle/token.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			description: 'Sent as the Intercom-Version header on every request. The nodes are built and tested for 2.14.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{ $self.region === "custom" ? String($self.customAuthUrl).trim() : ' +
				`({ us: "${INTERCOM_AUTHORIZE_URLS.us}", eu: "${INTERCOM_AUTHORIZE_URLS.eu}", au: "${INTERCOM_AUTHORIZE_URLS.au}" })[$self.region] }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: baseUrlExpression('$self', '/auth/eagle/token'),
		},
		{
			// Intercom grants the permissions configured on the app, not ones requested in the URL.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

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
