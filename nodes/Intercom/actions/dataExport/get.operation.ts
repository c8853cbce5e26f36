import type { OperationDefinition } from '../types';
import { jobIdField, JOB_PATH_LABELS } from './shared';

export const get: OperationDefinition = {
	resource: 'dataExport',
	value: 'get',
	name: 'Get Status',
	action: 'Get the status of a data export',
	description: 'Get a data export job: its status (pending, in progress, completed, no data, failed, canceled) and, once completed, its download URL',
	method: 'GET',
	path: '/export/content/data/{job_identifier}',
	pathLabels: JOB_PATH_LABELS,
	subject: 'Data export job',
	fields: [jobIdField()],
};
