import type { OperationDefinition } from '../types';

export const create: OperationDefinition = {
	resource: 'dataExport',
	value: 'create',
	name: 'Create',
	action: 'Create a data export',
	description:
		'Start exporting message delivery and engagement data (who received which outbound message, opens, clicks, replies) sent in a date range; returns the job (one at a time per workspace)',
	method: 'POST',
	path: '/export/content/data',
	fields: [
		{
			in: 'body',
			key: 'created_at_after',
			convert: 'unixSeconds',
			required: true,
			property: { displayName: 'Sent After', name: 'createdAtAfter', type: 'dateTime', default: '', required: true, description: 'Start of the range: messages sent from this day (inclusive)' },
		},
		{
			in: 'body',
			key: 'created_at_before',
			convert: 'unixSeconds',
			required: true,
			property: { displayName: 'Sent Before', name: 'createdAtBefore', type: 'dateTime', default: '', required: true, description: 'End of the range: messages sent until this day (inclusive)' },
		},
	],
};
