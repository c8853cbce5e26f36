import { dynamicOptions } from '../fields';
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
			property: dynamicOptions('datasetId', 'Dataset Name or ID', 'getReportingDatasets', { required: true }),
		},
		{
			in: 'body',
			key: 'attribute_ids',
			convert: 'list',
			required: true,
			shape: (ids, { fail }) => ((ids as string[]).length === 0 ? fail('a value is required') : ids),
			property: {
				displayName: 'Attribute Names or IDs',
				name: 'attributeIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getReportingAttributes', loadOptionsDependsOn: ['datasetId'] },
				default: [],
				required: true,
				description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
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
