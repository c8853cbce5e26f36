import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	API_VERSION_PROPERTY,
	baseUrlExpression,
	CREDENTIAL_TEST,
	INTERCOM_AUTHORIZE_URLS,
	REGION_CREDENTIAL_PROPERTIES,
	TIMEOUT_PROPERTY,
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
		...REGION_CREDENTIAL_PROPERTIES,
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
		API_VERSION_PROPERTY,
		TIMEOUT_PROPERTY,
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

	test: ICredentialTestRequest = CREDENTIAL_TEST;
}
