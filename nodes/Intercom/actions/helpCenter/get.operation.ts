import { helpCenterField } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'helpCenter',
	value: 'get',
	name: 'Get',
	action: 'Get a help center',
	description: 'Get one Help Center of the workspace by ID, with its identifier, display name, URL and whether its website is on',
	method: 'GET',
	path: '/help_center/help_centers/{help_center_id}',
	pathLabels: { help_center_id: 'Help Center' },
	subject: 'Help Center',
	fields: [helpCenterField('path', { required: true })],
};
