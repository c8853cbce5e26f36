import { adminLocator, dynamicOptions } from '../fields';
import type { OperationDefinition } from '../types';

export const setAway: OperationDefinition = {
	resource: 'admin',
	value: 'setAway',
	name: 'Set Away',
	action: 'Set an admin away or back',
	description: "Turn an admin's away mode on or off, optionally reassigning new replies and giving a reason",
	method: 'PUT',
	path: '/admins/{admin_id}/away',
	subject: 'Admin',
	fields: [
		adminLocator(),
		{
			in: 'body',
			key: 'away_mode_enabled',
			property: {
				displayName: 'Away',
				name: 'awayModeEnabled',
				type: 'boolean',
				default: true,
				description: 'Whether the admin is away (true) or back (false)',
			},
		},
		{
			in: 'body',
			key: 'away_mode_reassign',
			property: {
				displayName: 'Reassign New Replies',
				name: 'awayModeReassign',
				type: 'boolean',
				default: false,
				description: "Whether replies to the admin's conversations go to the default inbox while away",
			},
		},
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'away_status_reason_id',
					convert: 'integer',
					property: dynamicOptions('awayStatusReasonId', 'Away Reason Name or ID', 'getAwayStatusReasons'),
				},
			],
		},
	],
};
