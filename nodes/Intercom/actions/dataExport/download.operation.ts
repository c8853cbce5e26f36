import type { OperationDefinition } from '../types';
import { DATA_EXPORT_WAIT, jobIdField, JOB_PATH_LABELS } from './shared';

export const download: OperationDefinition = {
	resource: 'dataExport',
	value: 'download',
	name: 'Download',
	action: 'Download a data export',
	description: 'Download a completed data export as a gzipped CSV file (binary data), optionally waiting until the job is ready',
	method: 'GET',
	path: '/download/content/data/{job_identifier}',
	alsoCalls: ['GET /export/content/data/{job_identifier}'],
	pathLabels: JOB_PATH_LABELS,
	subject: 'Data export',
	fields: [jobIdField()],
	waitUntilReady: DATA_EXPORT_WAIT,
	file: { accept: 'application/octet-stream', fileName: 'intercom-data-export-{job_identifier}.csv.gz', mimeType: 'application/gzip' },
};
