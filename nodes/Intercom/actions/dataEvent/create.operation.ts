import { contactIdentifierFields, readContactIdentifier } from '../conversation/shared';
import type { OperationDefinition } from '../types';
import { checkEventName, eventNameField, metadataOptions, shapeMetadata } from './shared';

export const create: OperationDefinition = {
	resource: 'dataEvent',
	value: 'create',
	name: 'Submit',
	action: 'Submit a data event',
	description:
		"Record that a contact did something in your product (an event name, when, and key/value metadata), found by Intercom ID, external user ID or email; returns what Intercom accepted",
	method: 'POST',
	path: '/events',
	subject: 'Contact',
	answersEmpty: true,
	fields: [
		eventNameField('What happened, as a past-tense verb and noun such as ordered-item (no "." or "$")'),
		...contactIdentifierFields(),
	],
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
	build: (ctx, request) => {
		checkEventName(ctx, request, 'event_name');
		// The list names the contact intercom_user_id; an event takes the same ID as `id`.
		const { intercom_user_id: id, ...other } = readContactIdentifier(ctx);
		Object.assign(request.body, id === undefined ? other : { id });
		request.body.created_at ??= Math.floor(Date.now() / 1000);
		shapeMetadata(ctx, request);
	},
};
