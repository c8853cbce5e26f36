import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { API_VERSION_PROPERTY, CREDENTIAL_TEST, REGION_CREDENTIAL_PROPERTIES, TIMEOUT_PROPERTY } from '../nodes/shared/regions';

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
		...REGION_CREDENTIAL_PROPERTIES,
		API_VERSION_PROPERTY,
		TIMEOUT_PROPERTY,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = CREDENTIAL_TEST;
}
