import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Both nodes let the user choose how to authenticate; the transport reads this parameter. */
export const AUTHENTICATION_PROPERTY: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Access Token', value: 'accessToken' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const INTERCOM_CREDENTIALS: INodeCredentialDescription[] = [
	{ name: 'intercomAccessTokenApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
	{ name: 'intercomOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
