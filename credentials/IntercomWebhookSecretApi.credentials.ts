import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Only the client secret of an Intercom app, for the Intercom Webhook Trigger when the workflows
 * use an access token (the OAuth2 credential already holds the secret). Intercom signs every
 * webhook notification with it; nothing is sent to Intercom with it, so there is nothing to test.
 */
export class IntercomWebhookSecretApi implements ICredentialType {
	name = 'intercomWebhookSecretApi';

	displayName = 'Intercom Webhook Secret API';

	documentationUrl = 'https://developers.intercom.com/docs/webhooks/setting-up-webhooks';

	icon = { light: 'file:icons/intercom.svg', dark: 'file:icons/intercom.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The client secret of the Intercom app that sends the webhooks (Developer Hub → your app → Basic Information)',
		},
	];
}
