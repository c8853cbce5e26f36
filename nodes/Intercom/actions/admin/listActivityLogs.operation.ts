import type { OperationDefinition } from '../types';

export const listActivityLogs: OperationDefinition = {
	resource: 'admin',
	value: 'listActivityLogs',
	name: 'Get Activity Logs',
	action: 'Get admin activity logs',
	description: "List the workspace's admin activity log entries created in a date range",
	method: 'GET',
	path: '/admins/activity_logs',
	fields: [
		{
			in: 'query',
			key: 'created_at_after',
			convert: 'unixSeconds',
			// The API takes these timestamps as strings.
			send: 'string',
			property: {
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				required: true,
				description: 'Only entries created after this moment (a date, ISO 8601 string or Unix seconds)',
			},
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'query',
					key: 'created_at_before',
					convert: 'unixSeconds',
					send: 'string',
					property: {
						displayName: 'Created Before',
						name: 'createdBefore',
						type: 'dateTime',
						default: '',
						description: 'Only entries created before this moment',
					},
				},
			],
		},
	],
	list: { pagination: 'cursor', itemsPath: 'activity_logs' },
};
