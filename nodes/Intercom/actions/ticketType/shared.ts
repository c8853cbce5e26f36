import type { INodeProperties } from 'n8n-workflow';

import { dynamicOptions, ID_FORMATS } from '../fields';
import type { FieldSpec, OptionSpec } from '../types';

export const TICKET_TYPE_PATH_LABELS = { ticket_type_id: 'Ticket Type', attribute_id: 'Attribute' };

/** A ticket type, chosen from the workspace's ticket types. */
export function ticketTypeField(target: 'path' | 'body', extra: Partial<INodeProperties> = {}): FieldSpec {
	return {
		in: target,
		key: 'ticket_type_id',
		idFormat: ID_FORMATS.numeric,
		property: dynamicOptions('ticketTypeId', 'Ticket Type Name or ID', 'getTicketTypes', { required: true, ...extra }),
	};
}

const CATEGORY_OPTIONS = [
	{ name: 'Customer', value: 'Customer', description: 'Raised by or shared with a customer' },
	{ name: 'Back-Office', value: 'Back-office', description: 'Internal work behind a customer request' },
	{ name: 'Tracker', value: 'Tracker', description: 'Tracks an issue many customers report' },
];

/** The ticket type fields that create and update share (update adds Name and Archived). */
export function ticketTypeOptions(): OptionSpec[] {
	return [
		{
			in: 'body',
			key: 'description',
			convert: 'text',
			property: { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the ticket type is for' },
		},
		{
			in: 'body',
			key: 'category',
			property: { displayName: 'Category', name: 'category', type: 'options', options: CATEGORY_OPTIONS, default: 'Customer' },
		},
		{
			in: 'body',
			key: 'icon',
			convert: 'text',
			property: {
				displayName: 'Icon',
				name: 'icon',
				type: 'string',
				default: '',
				placeholder: '🎟️',
				description: 'An emoji shown with the ticket type (Intercom uses Twemoji)',
			},
		},
		{
			in: 'body',
			key: 'is_internal',
			property: {
				displayName: 'Internal',
				name: 'isInternal',
				type: 'boolean',
				default: false,
				description: 'Whether tickets of this type are internal (hidden from customers)',
			},
		},
	];
}

/** The settings an attribute's create and update share. */
export function attributeFlagOptions(): OptionSpec[] {
	return [
		{ in: 'body', key: 'required_to_create', property: { displayName: 'Required to Create', name: 'requiredToCreate', type: 'boolean', default: false, description: 'Whether teammates must fill it in to create a ticket' } },
		{ in: 'body', key: 'required_to_create_for_contacts', property: { displayName: 'Required for Contacts', name: 'requiredForContacts', type: 'boolean', default: false, description: 'Whether contacts must fill it in to create a ticket' } },
		{ in: 'body', key: 'visible_on_create', property: { displayName: 'Visible on Create', name: 'visibleOnCreate', type: 'boolean', default: true, description: 'Whether it is shown when a ticket is created' } },
		{ in: 'body', key: 'visible_to_contacts', property: { displayName: 'Visible to Contacts', name: 'visibleToContacts', type: 'boolean', default: true, description: 'Whether contacts can see it' } },
		{ in: 'body', key: 'multiline', property: { displayName: 'Multiline', name: 'multiline', type: 'boolean', default: false, description: 'Whether the value may span several lines (text attributes)' } },
		{ in: 'body', key: 'allow_multiple_values', property: { displayName: 'Allow Multiple Values', name: 'allowMultipleValues', type: 'boolean', default: false, description: 'Whether several items may be chosen (list attributes)' } },
		{
			in: 'body',
			key: 'list_items',
			convert: 'text',
			property: {
				displayName: 'List Items',
				name: 'listItems',
				type: 'string',
				default: '',
				placeholder: 'Low,Medium,High',
				description: 'For list attributes: the choices, comma-separated',
			},
		},
	];
}
