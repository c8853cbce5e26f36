import type { OperationDefinition } from '../types';

export const enqueue: OperationDefinition = {
	resource: 'reportingDataExport',
	value: 'enqueue',
	name: 'Enqueue',
	action: 'Enqueue a reporting data export',
	description: "Start exporting a reporting dataset's attributes over a time range; returns the job to download when it is complete (5 pending jobs at most)",
	method: 'POST',
	path: '/export/reporting_data/enqueue',
	fields: [
		{
			in: 'body',
			key: 'dataset_id',
			convert: 'text',
			required: true,
			property: {
				displayName: 'Dataset ID',
				name: 'datasetId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'conversation',
				description: 'The dataset to export, by ID (Get Datasets lists them)',
			},
		},
		{
			in: 'body',
			key: 'attribute_ids',
			convert: 'list',
			required: true,
			shape: (ids, { fail }) => ((ids as string[]).length === 0 ? fail('a value is required') : ids),
			property: {
				displayName: 'Attribute IDs',
				name: 'attributeIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'conversation_id, conversation_started_at',
				description: "Comma-separated IDs of the dataset's attributes to export (Get Datasets lists them)",
			},
		},
		{
			in: 'body',
			key: 'start_time',
			convert: 'unixSeconds',
			required: true,
			property: { displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '', required: true, description: 'Start of the time range' },
		},
		{
			in: 'body',
			key: 'end_time',
			convert: 'unixSeconds',
			required: true,
			property: { displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '', required: true, description: 'End of the time range' },
		},
	],
};
