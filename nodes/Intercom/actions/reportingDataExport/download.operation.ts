import { jobIdField, JOB_PATH_LABELS, NEVER_READY, READY } from '../dataExport/shared';
import type { OperationDefinition } from '../types';
import { appIdField, clientIdField } from './shared';

export const download: OperationDefinition = {
	resource: 'reportingDataExport',
	value: 'download',
	name: 'Download',
	action: 'Download a reporting data export',
	description: 'Download a complete reporting data export as a file (binary data), optionally waiting until the job is ready',
	method: 'GET',
	path: '/download/reporting_data/{job_identifier}',
	alsoCalls: ['GET /export/reporting_data/{job_identifier}'],
	pathLabels: JOB_PATH_LABELS,
	subject: 'Reporting export',
	// The job travels in the path and the query (as the spec declares it); the status read also wants
	// the job, the app and the client ID.
	fields: [
		jobIdField(['query.job_identifier', 'statusQuery.job_identifier']),
		{ ...appIdField(), also: ['statusQuery.app_id'] },
		clientIdField('statusQuery', { waitUntilReady: [true] }),
	],
	waitUntilReady: {
		statusPath: '/export/reporting_data/{job_identifier}',
		statusKey: 'status',
		ready: READY,
		failed: NEVER_READY,
		subject: 'Reporting export job',
	},
	file: { accept: 'application/octet-stream', fileName: 'intercom-reporting-export-{job_identifier}.csv.gz', mimeType: 'application/gzip' },
};
