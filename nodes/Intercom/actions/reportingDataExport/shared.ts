import type { FieldSpec } from '../types';

/**
 * The workspace's app ID: the reporting export's status and download take it as `app_id`.
 * `statusOnly`: the field goes only into the status read of Wait Until Ready.
 */
export function appIdField(): FieldSpec {
	return {
		in: 'query',
		key: 'app_id',
		idFormat: { pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'The app ID is the code in your Intercom URL: app.intercom.com/a/apps/<app ID>.' },
		property: {
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'abc123de',
			description: "Your workspace's app ID: the code in the Intercom URL after /a/apps/, or app.id_code of Admin → Get Current",
		},
	};
}

/** The Developer Hub app's client ID: the status read takes it as `client_id`. */
export function clientIdField(where: 'query' | 'statusQuery', show?: Record<string, boolean[]>): FieldSpec {
	return {
		in: where,
		key: 'client_id',
		idFormat: { pattern: /^[A-Za-z0-9_-]{1,128}$/, hint: 'The client ID is in the Developer Hub: your app → Basic Information.' },
		property: {
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: "The client ID of your Developer Hub app (your app → Basic Information), which Intercom's status read asks for",
			displayOptions: show ? { show } : undefined,
		},
	};
}
