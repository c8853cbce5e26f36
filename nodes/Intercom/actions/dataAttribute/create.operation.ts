import { failParameter, requireString } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { LIST_OPTIONS, listOptionsOption, shapeListOptions } from './shared';

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
	],
	collections: [
		{
			name: 'additionalFields',
			displayName: 'Additional Fields',
			options: [
				{
					in: 'body',
					key: 'description',
					property: { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the attribute means, shown in Intercom' },
				},
				{
					in: 'body',
					key: 'messenger_writable',
					convert: 'boolean',
					property: {
						displayName: 'Messenger Writable',
						name: 'messengerWritable',
						type: 'boolean',
						default: false,
						description: 'Whether the Messenger (your installed code) may set the attribute',
					},
				},
				listOptionsOption('For a List: its values, separated by commas (at least two)'),
			],
		},
	],
	build: (ctx, request) => {
		const node = ctx.fn.getNode();
		const name = requireString(request.body.name, node, 'Name', ctx.itemIndex);
		if (!VALID_NAME.test(name)) {
			failParameter(node, 'Name', ctx.itemIndex, `"${name.slice(0, 60)}" has characters Intercom refuses`, 'Use letters, digits, spaces, hyphens, underscores and currency symbols only.');
		}
		request.body.name = name;
		const isList = request.body.data_type === 'options';
		if (isList && request.body.options === undefined) {
			failParameter(node, LIST_OPTIONS.displayName, ctx.itemIndex, 'a List needs its values', 'Add List Options under Additional Fields.');
		}
		if (!isList && request.body.options !== undefined) {
			failParameter(node, LIST_OPTIONS.displayName, ctx.itemIndex, 'only a List takes values', 'Choose the List data type, or remove List Options.');
		}
		shapeListOptions(ctx, request);
	},
};
