import { externalUserIdField } from '../fields';
import type { OperationDefinition } from '../types';
import { eventNameField } from './shared';

export const createSummary: OperationDefinition = {
	resource: 'dataEvent',
	value: 'createSummary',
	name: 'Submit Summary',
	action: 'Submit a data event summary',
	description:
		"Add to a user's count of an event (how many times, first and last time), for activity counted outside Intercom; the user is found by external user ID",
	method: 'POST',
	path: '/events/summaries',
	subject: 'User',
	answersEmpty: true,
	fields: [
		externalUserIdField('body', 'user_id'),
		eventNameField('event_summaries.event_name', 'The event counted, as a past-tense verb and noun such as logged-in (no "." or "$")'),
		{
			in: 'body',
			key: 'event_summaries.count',
			convert: 'integer',
			shape: (value, { fail }) => ((value as number) >= 1 ? value : fail(`${String(value)} is not a count of at least 1`)),
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
};
