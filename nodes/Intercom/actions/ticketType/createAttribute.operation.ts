import type { IDataObject } from 'n8n-workflow';

import type { OperationDefinition } from '../types';
import { attributeFlagOptions, TICKET_TYPE_PATH_LABELS, ticketTypeField } from './shared';

export const createAttribute: OperationDefinition = {
	resource: 'ticketType',
	value: 'createAttribute',
	name: 'Create Attribute',
	action: 'Create a ticket type attribute',
	description: 'Add an attribute (a field such as priority or order number) to a ticket type: text, list, number, decimal, boolean, date or files',
	method: 'POST',
	path: '/ticket_types/{ticket_type_id}/attributes',
	pathLabels: TICKET_TYPE_PATH_LABELS,
	subject: 'Ticket type',
	fields: [
		ticketTypeField('path'),
		{
			in: 'body',
			key: 'name',
			convert: 'text',
			property: { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'priority', description: 'The name of the attribute' },
		},
		{
			in: 'body',
			key: 'description',
			convert: 'text',
			property: {
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				required: true,
				description: 'What the attribute means, shown to teammates (and contacts, if visible to them)',
			},
		},
		{
			in: 'body',
			key: 'data_type',
			// A list needs its items: Intercom refuses a list attribute without them.
			shape: (dataType, { ctx, fail }) => {
				const items = String(ctx.param<IDataObject>('additionalFields', {}).listItems ?? '').trim();
				if (dataType === 'list' && items === '') fail('a list attribute needs its items', 'Add List Items under Additional Fields, such as Low,Medium,High.');
				return dataType;
			},
			property: {
				displayName: 'Data Type',
				name: 'dataType',
				type: 'options',
				options: [
					{ name: 'Boolean', value: 'boolean' },
					{ name: 'Date', value: 'datetime' },
					{ name: 'Decimal', value: 'decimal' },
					{ name: 'Files', value: 'files' },
					{ name: 'Integer', value: 'integer' },
					{ name: 'List', value: 'list', description: 'One of a set of items (give them in List Items)' },
					{ name: 'Text', value: 'string' },
				],
				default: 'string',
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: attributeFlagOptions() }],
};
