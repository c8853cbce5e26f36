import type { OperationDefinition } from '../types';
import { CALL_PATH_LABELS, callIdField } from './shared';

export const get: OperationDefinition = {
	resource: 'call',
	value: 'get',
	name: 'Get',
	action: 'Get a call',
	description: 'Get one call by ID: its conversation, contact and teammate, state, times, direction and recording and transcript links',
	method: 'GET',
	path: '/calls/{call_id}',
	pathLabels: CALL_PATH_LABELS,
	subject: 'Call',
	fields: [callIdField()],
};
