import type { INodeProperties } from 'n8n-workflow';

import { TOPIC_OPTIONS } from './topics';

export const SECRET_SOURCES = { clientSecret: 'clientSecret', oAuth2: 'oAuth2' } as const;


export const webhookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Intercom cannot be subscribed from here: in the <b>Developer Hub</b>, open your app → <b>Configure → Webhooks</b>, paste this node\'s <b>Production URL</b> (above; the Test URL while you click "Listen for test event"), tick the same topics as below, and save. Intercom checks the URL with a HEAD request when you save, so publish (activate) this workflow first.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only notifications signed by your Intercom app (X-Hub-Signature, keyed by its client secret). Others are answered 401 and start nothing.',
	},
	{
		displayName:
			'Signature checks are off: anyone who learns this URL can start the workflow with made-up Intercom data. Turn them off only behind a proxy that verifies the signature itself.',
		name: 'unverifiedWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
	{
		displayName: 'Client Secret From',
		name: 'secretSource',
		type: 'options',
		default: 'clientSecret',
		displayOptions: { show: { verifySignature: [true] } },
		description: 'Which credential holds the client secret of the Intercom app that sends the notifications',
		options: [
			{
				name: 'Intercom OAuth2 API Credential',
				value: SECRET_SOURCES.oAuth2,
				description: 'The app\'s OAuth2 credential, which already holds its client secret',
			},
			{
				name: 'Intercom Webhook Secret Credential',
				value: SECRET_SOURCES.clientSecret,
				description: 'Just the client secret, for apps used with an access token',
			},
		],
	},
	{
		displayName: 'Topics',
		name: 'topics',
		type: 'multiOptions',
		default: [],
		options: TOPIC_OPTIONS,
		description:
			'The notifications that start the workflow (tick the same topics in the Developer Hub). Others are answered 200 and ignored. Leave empty to take every topic the app sends.',
	},
	{
		displayName:
			'Each item is one notification: <code>topic</code>, <code>notification_id</code>, <code>app_id</code>, <code>created_at</code> (Unix seconds), <code>created_at_iso</code>, <code>delivery_attempts</code>, <code>first_sent_at</code>, and the object under its own name (<code>conversation</code>, <code>contact</code>, <code>ticket</code>, <code>company</code>, <code>article</code>, <code>admin</code>, …), as the polling Intercom Trigger names them. A notification Intercom delivers again starts no second execution.',
		name: 'outputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Only From App IDs',
				name: 'appIds',
				type: 'string',
				default: '',
				placeholder: 'a86dr8yl, q1w2e3r4',
				description:
					'Comma-separated workspace (app) IDs to accept; notifications from other workspaces that installed the app are answered 200 and ignored. Empty: all.',
			},
		],
	},
];
