import { jobIdField, JOB_PATH_LABELS } from '../dataExport/shared';
import type { OperationDefinition } from '../types';
import { appIdField, clientIdField } from './shared';

export const get: OperationDefinition = {
	resource: 'reportingDataExport',
	value: 'get',
	name: 'Get Status',
	action: 'Get the status of a reporting data export',
	description: 'Get a reporting data export job: its status (pending, complete, failed) and download details',
	method: 'GET',
	path: '/export/reporting_data/{job_identifier}',
	pathLabels: JOB_PATH_LABELS,
	subject: 'Reporting export job',
	// The spec names the job in the path template and again as a required query parameter.
	fields: [jobIdField(['query.job_identifier']), appIdField(), clientIdField('query')],
};
