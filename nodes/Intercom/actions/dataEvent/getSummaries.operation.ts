import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { eventContactFields } from './shared';

export const getSummaries: OperationDefinition = {
	resource: 'dataEvent',
	value: 'getSummaries',
	name: 'Get Summaries',
	action: "Get a contact's data event summaries",
	description: 'For one contact, each event name with how many times it happened and when first and last (all time, not only 90 days)',
	method: 'GET',
	path: '/events',
	subject: 'Contact',
	fields: eventContactFields('query'),
	fixed: { query: { type: 'user', summary: true } },
	// One item per event name; the contact's identifiers stay on each.
	output: (response) => {
		const { events, type: _type, ...contact } = response;
		return ((events as IDataObject[] | undefined) ?? []).map((summary) => ({ ...summary, ...contact }));
	},
};
