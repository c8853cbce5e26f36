import { dynamicOptions, ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';

export const get: OperationDefinition = {
	resource: 'team',
	value: 'get',
	name: 'Get',
	action: 'Get a team',
	description: 'Get one team of teammates by ID: its name, the admins in it and how conversations are distributed to them',
	method: 'GET',
	path: '/teams/{team_id}',
	pathLabels: { team_id: 'Team' },
	subject: 'Team',
	fields: [{ in: 'path', key: 'team_id', idFormat: ID_FORMATS.numeric, property: dynamicOptions('teamId', 'Team Name or ID', 'getTeams', { required: true }) }],
};
