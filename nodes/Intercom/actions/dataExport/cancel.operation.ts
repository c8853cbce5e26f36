import type { OperationDefinition } from '../types';
import { jobIdField, JOB_PATH_LABELS } from './shared';

export const cancel: OperationDefinition = {
	resource: 'dataExport',
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a data export',
	description: 'Cancel a data export job that has not finished, so another can be started; returns the job, canceled',
	method: 'POST',
	path: '/export/cancel/{job_identifier}',
	pathLabels: JOB_PATH_LABELS,
	subject: 'Data export job',
	fields: [jobIdField()],
};
