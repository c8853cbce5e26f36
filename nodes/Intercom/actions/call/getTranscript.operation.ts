import type { OperationDefinition } from '../types';
import { CALL_PATH_LABELS, callIdField } from './shared';

export const getTranscript: OperationDefinition = {
	resource: 'call',
	value: 'getTranscript',
	name: 'Get Transcript',
	action: "Download a call's transcript",
	description: "Download a call's transcript as a text file (binary data): one line per utterance, with its time and speaker",
	method: 'GET',
	path: '/calls/{call_id}/transcript',
	pathLabels: CALL_PATH_LABELS,
	subject: 'Transcript',
	fields: [callIdField()],
	// Intercom names the file in Content-Disposition (transcription_data-2025-07-17.txt); errors come as JSON.
	file: { accept: 'text/plain, application/json', fileName: 'call-{call_id}-transcript.txt', mimeType: 'text/plain' },
};
