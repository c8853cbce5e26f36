import type { OperationDefinition } from '../types';
import { segmentField } from './shared';

export const get: OperationDefinition = {
	resource: 'segment',
	value: 'get',
	name: 'Get',
	action: 'Get a segment',
	description: 'Get one segment of contacts by ID: its name, whether it holds users or leads, and when it was created and changed',
	method: 'GET',
	path: '/segments/{segment_id}',
	pathLabels: { segment_id: 'Segment' },
	subject: 'Segment',
	fields: [segmentField('path', 'segment_id')],
};
