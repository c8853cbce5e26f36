import type { OperationDefinition } from '../types';

export const getDatasets: OperationDefinition = {
	resource: 'reportingDataExport',
	value: 'getDatasets',
	name: 'Get Datasets',
	action: 'Get the reporting datasets',
	description: 'List the reporting datasets (conversations, tickets, calls…) with the attributes each can export, for Enqueue',
	method: 'GET',
	path: '/export/reporting_data/get_datasets',
	fields: [],
	list: { pagination: 'none', itemsPath: 'data' },
};
