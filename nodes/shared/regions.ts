import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/**
 * Intercom hosts each workspace in one region; a token only works against its own region's API.
 * Shared by both credential types and the transport so that the URL rules live in one place.
 */
export const INTERCOM_API_URLS = {
	us: 'https://api.intercom.io',
	eu: 'https://api.eu.intercom.io',
	au: 'https://api.au.intercom.io',
} as const;

export const INTERCOM_AUTHORIZE_URLS = {
	us: 'https://app.intercom.com/oauth',
	eu: 'https://app.eu.intercom.com/oauth',
	au: 'https://app.au.intercom.com/oauth',
} as const;

/**
 * The Intercom API versions the nodes are built and tested for (each one's description is in
 * spec/, and the test suite runs the operations under each). 2.14 is the default.
 */
export const API_VERSIONS = ['2.14', '2.15', '2.16'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = '2.14';

/** Whether `version` (the credential's) is `floor` or later; a version the list does not know counts as 2.14. */
export function apiVersionAtLeast(version: string, floor: ApiVersion): boolean {
	const index = (API_VERSIONS as readonly string[]).indexOf(version);
	return Math.max(index, 0) >= API_VERSIONS.indexOf(floor);
}

export type IntercomRegion = keyof typeof INTERCOM_API_URLS | 'custom';

export const REGION_OPTIONS = [
	{ name: 'United States (api.intercom.io)', value: 'us' },
	{ name: 'Europe (api.eu.intercom.io)', value: 'eu' },
	{ name: 'Australia (api.au.intercom.io)', value: 'au' },
	{ name: 'Custom Base URL (Proxy or Local Sandbox)', value: 'custom' },
];

/**
 * n8n expression for the API base URL, evaluated against the credential's own fields
 * (`$self` inside a credential's properties, `$credentials` in its test request), so that the
 * credential test and the OAuth2 token URL agree with what the transport computes.
 */
export function baseUrlExpression(self: '$self' | '$credentials', suffix = ''): string {
	return (
		`={{ (${self}.region === "custom" ? String(${self}.baseUrl).trim().replace(/\\/+$/, "") : ` +
		`({ us: "${INTERCOM_API_URLS.us}", eu: "${INTERCOM_API_URLS.eu}", au: "${INTERCOM_API_URLS.au}" })[${self}.region])` +
		(suffix ? ` + "${suffix}"` : '') +
		' }}'
	);
}

/** The fields both credential types share: where the workspace lives, and the API version. */
export const REGION_CREDENTIAL_PROPERTIES: INodeProperties[] = [
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
];

export const API_VERSION_PROPERTY: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	options: [
		{ name: '2.14', value: '2.14', description: 'The default' },
		{ name: '2.15', value: '2.15', description: 'Conversations carry their company' },
		{ name: '2.16', value: '2.16', description: 'Contact owner IDs are text, ticket assignee IDs numbers, conversation priority has levels' },
	],
	default: DEFAULT_API_VERSION,
	description: 'Sent as the Intercom-Version header on every request; it decides the shape of what Intercom returns (see the README)',
};

/** One setting for both nodes, the dynamic lists and every operation; the transport reads it. */
export const TIMEOUT_PROPERTY: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 300 },
	default: 60,
	description: 'How long one request waits for Intercom to answer before it is retried (reads) or fails',
};

/** Both credentials are tested the same way: `GET /me` on the chosen base URL, with the version header. */
export const CREDENTIAL_TEST: ICredentialTestRequest = {
	request: {
		baseURL: baseUrlExpression('$credentials'),
		url: '/me',
		headers: {
			'Intercom-Version': `={{ $credentials.apiVersion || "${DEFAULT_API_VERSION}" }}`,
			Accept: 'application/json',
		},
	},
};
