import { conversationLocator, dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, CONVERSATION_PATH_LABELS, optionalBodyOption } from './shared';

const ASSIGNEES = {
	admin: { name: 'assigneeAdminId', displayName: 'Assignee Admin Name or ID', method: 'getAdmins' },
	team: { name: 'assigneeTeamId', displayName: 'Assignee Team Name or ID', method: 'getTeams' },
};

export const assign: OperationDefinition = {
	resource: 'conversation',
	value: 'assign',
	name: 'Assign',
	action: 'Assign a conversation',
	description:
		'Assign a conversation to an admin or a team (assignee ID 0 unassigns), on behalf of an admin, optionally with a message; returns the conversation',
	method: 'POST',
	path: '/conversations/{conversation_id}/parts',
	pathLabels: CONVERSATION_PATH_LABELS,
	subject: 'Conversation',
	fields: [
		conversationLocator(),
		actingAdminField(),
		{
			in: 'body',
			key: 'type',
			property: {
				displayName: 'Assign To',
				name: 'assigneeType',
				type: 'options',
				options: [
					{ name: 'Admin', value: 'admin', description: 'A teammate' },
					{ name: 'Team', value: 'team', description: 'A team inbox' },
				],
				default: 'admin',
			},
		},
		// One of the two is shown (and sent), following Assign To.
		...(['admin', 'team'] as const).map((type) => ({
			in: 'body' as const,
			key: 'assignee_id',
			idFormat: ID_FORMATS.numeric,
			property: dynamicOptions(ASSIGNEES[type].name, ASSIGNEES[type].displayName, ASSIGNEES[type].method, {
				required: true,
				displayOptions: { show: { assigneeType: [type] } },
			}),
		})),
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [optionalBodyOption('A message left in the conversation with the assignment')],
		},
	],
	fixed: { body: { message_type: 'assignment' } },
};
