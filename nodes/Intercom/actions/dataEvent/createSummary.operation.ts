import { failParameter, requireString } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { checkEventName, EVENT_NAME } from './shared';

export const createSummary: OperationDefinition = {
	resource: 'dataEvent',
	value: 'createSummary',
	name: 'Submit Summary',
	action: 'Submit a data event summary',
	description:
		'Add to a user\'s count of an event (how many times, first and last time), for activity counted outside Intercom; the user is found by external user ID',
	method: 'POST',
	path: '/events/summaries',
	subject: 'User',
	answersEmpty: true,
	fields: [
		{
			in: 'body',
			key: 'user_id',
			property: {
				displayName: 'External User ID',
				name: 'userId',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'crm-42',
				description: 'The ID your own systems gave the user (external_id)',
			},
		},
		{
			in: 'body',
			key: 'event_summaries.event_name',
			property: {
				displayName: EVENT_NAME.displayName,
				name: EVENT_NAME.name,
				type: 'string',
				default: '',
				required: true,
				placeholder: 'logged-in',
				description: 'The event counted, as a past-tense verb and noun such as logged-in (no "." or "$")',
			},
		},
		{
			in: 'body',
			key: 'event_summaries.count',
			convert: 'integer',
			property: { displayName: 'Count', name: 'count', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'How many times it happened' },
		},
		{
			in: 'body',
			key: 'event_summaries.first',
			convert: 'unixSeconds',
			property: { displayName: 'First', name: 'first', type: 'dateTime', default: '', required: true, description: 'When it first happened' },
		},
		{
			in: 'body',
			key: 'event_summaries.last',
			convert: 'unixSeconds',
			property: { displayName: 'Last', name: 'last', type: 'dateTime', default: '', required: true, description: 'When it last happened' },
		},
	],
	build: (ctx, request) => {
		const node = ctx.fn.getNode();
		request.body.user_id = requireString(request.body.user_id, node, 'External User ID', ctx.itemIndex);
		const summary = request.body.event_summaries as { event_name: unknown; count: number; first: number; last: number };
		checkEventName(ctx, request, 'event_name', summary as never);
		if (summary.count < 1) failParameter(node, 'Count', ctx.itemIndex, `${summary.count} is not a count of at least 1`);
		if (summary.last < summary.first) failParameter(node, 'Last', ctx.itemIndex, 'the last time is before the first');
	},
};
