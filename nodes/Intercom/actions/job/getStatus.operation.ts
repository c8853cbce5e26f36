import { ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';

export const getStatus: OperationDefinition = {
	resource: 'job',
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of a job',
	description:
		'Get the status (pending, success or failed) of a job Intercom runs in the background, such as a ticket created in the background, with the resource it made',
	method: 'GET',
	path: '/jobs/status/{job_id}',
	pathLabels: { job_id: 'Job ID' },
	subject: 'Job',
	fields: [
		{
			in: 'path',
			key: 'job_id',
			idFormat: ID_FORMATS.any,
			property: { displayName: 'Job ID', name: 'jobId', type: 'string', default: '', required: true, placeholder: '20', description: 'The ID of the job, as returned when it was queued' },
		},
	],
};
