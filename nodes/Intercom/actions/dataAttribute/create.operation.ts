import type { OperationDefinition } from '../types';
import { descriptionOption, listOptionsField, messengerWritableOption } from './shared';

/** What Intercom accepts in an attribute name: letters, digits, spaces, underscores, hyphens and currency symbols. */
const VALID_NAME = /^[\p{L}\p{N}\p{Sc} _-]+$/u;

export const create: OperationDefinition = {
	resource: 'dataAttribute',
	value: 'create',
	name: 'Create',
	action: 'Create a data attribute',
	description: 'Create a custom data attribute for contacts or companies: text, number, true/false, date, or a list of fixed values',
	method: 'POST',
	path: '/data_attributes',
	fields: [
		{
			in: 'body',
			key: 'name',
			convert: 'text',
			shape: (value, { fail }) =>
				VALID_NAME.test(String(value))
					? value
					: fail(`"${String(value).slice(0, 60)}" has characters Intercom refuses`, 'Use letters, digits, spaces, hyphens, underscores and currency symbols only.'),
			property: {
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'Seat Band',
				description: 'The name of the attribute: letters, digits, spaces, hyphens and currency symbols',
			},
		},
		{
			in: 'body',
			key: 'model',
			property: {
				displayName: 'Model',
				name: 'model',
				type: 'options',
				options: [
					{ name: 'Contact', value: 'contact', description: 'People data, on users and leads' },
					{ name: 'Company', value: 'company', description: 'Company data' },
				],
				default: 'contact',
				description: 'Whether the attribute belongs to contacts or to companies',
			},
		},
		{
			in: 'body',
			key: 'data_type',
			property: {
				displayName: 'Data Type',
				name: 'dataType',
				type: 'options',
				options: [
					{ name: 'Date', value: 'date' },
					{ name: 'Date and Time', value: 'datetime' },
					{ name: 'Decimal Number', value: 'float' },
					{ name: 'List', value: 'options', description: 'One of a fixed set of values, given in List Options' },
					{ name: 'Text', value: 'string' },
					{ name: 'True/False', value: 'boolean' },
					{ name: 'Whole Number', value: 'integer' },
				],
				default: 'string',
				description: 'The type of value the attribute holds; it cannot be changed through the API later',
			},
		},
		listOptionsField('The values of the list, separated by commas (at least two)', { required: true, displayOptions: { show: { dataType: ['options'] } } }),
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: [descriptionOption(), messengerWritableOption()] }],
};
