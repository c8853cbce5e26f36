import { ID_FORMATS } from '../fields';
import type { FieldSpec } from '../types';

export const CALL_PATH_LABELS = { call_id: 'Call ID' };

/** The call, by the ID Intercom gave it (Get Many and a conversation's calls list them). */
export function callIdField(): FieldSpec {
	return {
		in: 'path',
		key: 'call_id',
		idFormat: ID_FORMATS.any,
		property: {
			displayName: 'Call ID',
			name: 'callId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '123',
			description: 'The ID of the call (from Get Many, or Get Many by Conversation)',
		},
	};
}
