import type { OperationDefinition } from '../types';
import { CALL_PATH_LABELS, callIdField } from './shared';

export const getRecording: OperationDefinition = {
	resource: 'call',
	value: 'getRecording',
	name: 'Get Recording',
	action: "Download a call's recording",
	description: "Download a call's audio recording as a file (binary data), from the signed address Intercom redirects to",
	method: 'GET',
	path: '/calls/{call_id}/recording',
	pathLabels: CALL_PATH_LABELS,
	subject: 'Recording',
	fields: [callIdField()],
	// Intercom answers 302 with a signed URL (another host): fetched without the credential.
	file: { accept: 'application/json', redirect: true, fileName: 'call-{call_id}-recording.mp3', mimeType: 'audio/mpeg' },
};
