import { failParameter } from '../../../shared/values';
import { conversationLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';
import { actingAdminField, buildOnly, CONVERSATION_PATH_LABELS, optionalBodyOption, readActingAdmin, readId } from './shared';

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
		buildOnly(actingAdminField()),
		buildOnly({
			displayName: 'Assign To',
			name: 'assigneeType',
			type: 'options',
			options: [
				{ name: 'Admin', value: 'admin', description: 'A teammate' },
				{ name: 'Team', value: 'team', description: 'A team inbox' },
			],
			default: 'admin',
		}),
		...(['admin', 'team'] as const).map((type) =>
			buildOnly(
				dynamicOptions(ASSIGNEES[type].name, ASSIGNEES[type].displayName, ASSIGNEES[type].method, {
					required: true,
					displayOptions: { show: { assigneeType: [type] } },
				}),
			),
		),
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [optionalBodyOption('A message left in the conversation with the assignment')],
		},
	],
	build: (ctx, request) => {
		const type = ctx.param<string>('assigneeType', 'admin');
		if (type !== 'admin' && type !== 'team') {
			failParameter(ctx.fn.getNode(), 'Assign To', ctx.itemIndex, `"${type}" is not one of admin, team`);
		}
		const assignee = ASSIGNEES[type];
		Object.assign(request.body, {
			message_type: 'assignment',
			type,
			admin_id: readActingAdmin(ctx),
			assignee_id: readId(ctx, assignee.name, assignee.displayName),
		});
	},
};
