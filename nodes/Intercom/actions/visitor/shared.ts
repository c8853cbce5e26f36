import type { INodeProperties } from 'n8n-workflow';

import { emailShape, ID_FORMATS } from '../fields';
import type { FieldSpec } from '../types';

const USER_ID_FORMAT = { pattern: /^\S{1,255}$/, hint: "A visitor's user_id has no spaces, such as 3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3." };

/** The user_id Intercom generated for a visitor, sent at `key` of the query or the body. */
export function visitorUserIdField(place: 'query' | 'body', key: string, displayOptions?: INodeProperties['displayOptions']): FieldSpec {
	return {
		in: place,
		key,
		idFormat: USER_ID_FORMAT,
		property: {
			displayName: 'Visitor User ID',
			name: 'visitorUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3',
			description: "The user_id Intercom generated for the visitor (in the Messenger's data, or a visitor's user_id)",
			...(displayOptions ? { displayOptions } : {}),
		},
	};
}

/**
 * The visitor a request names: by the user_id Intercom generated, by Intercom's ID, or (to convert)
 * by email; each field shown for its choice and placed at `prefix` + its API name.
 */
export function visitorFields(prefix: '' | 'visitor.', withEmail: boolean): FieldSpec[] {
	const shownFor = (by: string) => ({ show: { visitorIdentifyBy: [by] } });
	const options = [
		{ name: 'Visitor User ID', value: 'userId', description: 'The user_id Intercom generated for the visitor' },
		{ name: 'Intercom Visitor ID', value: 'id', description: "Intercom's ID of the visitor" },
	];
	if (withEmail) options.push({ name: 'Email', value: 'email', description: 'The email the visitor gave' });
	const fields: FieldSpec[] = [
		{ property: { displayName: 'Identify Visitor By', name: 'visitorIdentifyBy', type: 'options', options, default: 'userId', description: 'How the visitor is identified' } },
		visitorUserIdField('body', `${prefix}user_id`, shownFor('userId')),
		{
			in: 'body',
			key: `${prefix}id`,
			idFormat: ID_FORMATS.contact,
			property: {
				displayName: 'Visitor ID',
				name: 'visitorId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '6762f30c1bb69f9f2193bc5e',
				description: "Intercom's ID of the visitor",
				displayOptions: shownFor('id'),
			},
		},
	];
	if (withEmail) {
		fields.push({
			in: 'body',
			key: `${prefix}email`,
			convert: 'text',
			shape: emailShape,
			property: {
				displayName: 'Visitor Email',
				name: 'visitorEmail',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'name@email.com',
				description: 'The email the visitor gave',
				displayOptions: shownFor('email'),
			},
		});
	}
	return fields;
}

