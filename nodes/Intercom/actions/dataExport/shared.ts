import type { FieldSpec, JobWait } from '../types';

export const JOB_PATH_LABELS = { job_identifier: 'Job ID' };

/** An export job, by the `job_identifier` Create (or Enqueue) returned. */
export function jobIdField(also?: string[]): FieldSpec {
	return {
		in: 'path',
		key: 'job_identifier',
		also,
		idFormat: { pattern: /^[A-Za-z0-9_-]{1,64}$/, hint: 'A job ID is letters and digits, such as al9w983lwu88w1fd.' },
		property: {
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'al9w983lwu88w1fd',
			description: 'The job_identifier the export job was created with',
		},
	};
}

/**
 * The statuses an export job goes through. The schema's enum says `completed`, the reporting
 * export's examples `complete`: both mean the file is there.
 */
export const READY = ['completed', 'complete'];
export const NEVER_READY = ['failed', 'canceled', 'cancelled', 'no_data'];

export const DATA_EXPORT_WAIT: JobWait = {
	statusPath: '/export/content/data/{job_identifier}',
	statusKey: 'status',
	ready: READY,
	failed: NEVER_READY,
	subject: 'Data export job',
};
