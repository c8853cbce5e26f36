import { COMPANY_LIST_REACH } from '../../../shared/transport/company-scroll';
import { runOperation } from '../executor';
import type { OperationDefinition } from '../types';
import { scrollAllCompanies } from './scroll';

export const getMany: OperationDefinition = {
	resource: 'company',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many companies',
	description:
		'List the companies of the workspace: with a limit, pages ordered by last activity (companies with contacts only); Return All reads every company through the scroll API',
	method: 'POST',
	path: '/companies/list',
	alsoCalls: ['GET /companies/scroll'],
	idempotent: true,
	fields: [
		{
			in: 'query',
			key: 'order',
			property: {
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Most Recently Active First', value: 'desc' },
					{ name: 'Least Recently Active First', value: 'asc' },
				],
				default: 'desc',
				description: 'Order by when the company was last active (not available with Return All, which reads in creation order)',
				displayOptions: { show: { returnAll: [false] } },
			},
		},
	],
	list: {
		pagination: 'page',
		itemsPath: 'data',
		reach: { items: COMPANY_LIST_REACH, noun: 'companies', pastReach: 'Turn on Return All: it reads every company through Intercom\'s scroll API, which has no such limit.' },
	},
	// Return All goes through the scroll API (no 10,000 limit); a limit reads the ordered pages.
	run: async (ctx) =>
		ctx.param<boolean>('returnAll', false) ? await scrollAllCompanies(ctx) : await runOperation({ ...getMany, run: undefined }, ctx),
};
