import { failParameter } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { eventContactFields, eventNameField, MAX_METADATA_KEYS, metadataOptions } from './shared';

export const create: OperationDefinition = {
	resource: 'dataEvent',
	value: 'create',
	name: 'Submit',
	action: 'Submit a data event',
	description:
		'Record that a contact did something in your product (an event name, when, and key/value metadata), found by Intercom ID, external user ID or email; returns what Intercom accepted',
	method: 'POST',
	path: '/events',
	subject: 'Contact',
	answersEmpty: true,
	fields: [eventNameField('event_name', 'What happened, as a past-tense verb and noun such as ordered-item (no "." or "$")'), ...eventContactFields('body')],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'created_at',
					convert: 'unixSeconds',
					property: {
						displayName: 'Occurred At',
						name: 'occurredAt',
						type: 'dateTime',
						default: '',
						description: 'When it happened (default: now). Intercom ignores a repeat of the same contact, name and second.',
					},
				},
				...metadataOptions(),
			],
		},
	],
	// Two things data cannot say: "now" when no time is given (Intercom requires one), and the
	// metadata key limit over both metadata parameters together.
	build: (ctx, request) => {
		request.body.created_at ??= Math.floor(Date.now() / 1000);
		const keys = Object.keys(request.body.metadata ?? {}).length;
		if (keys > MAX_METADATA_KEYS) {
			failParameter(ctx.fn.getNode(), 'Metadata', ctx.itemIndex, `${keys} keys given, Intercom keeps only the first ${MAX_METADATA_KEYS} and drops the rest`);
		}
	},
};
