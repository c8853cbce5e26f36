import { customAttributesOptions, ID_FORMATS } from '../fields';
import type { FieldSpec, IdFormat, OptionSpec } from '../types';

export const PATH_LABELS = { custom_object_type_identifier: 'Object Type', custom_object_instance_id: 'Instance ID' };

/**
 * A custom object type's identifier (`Order`), a path segment. Intercom 2.14 has no endpoint that
 * lists custom object types (data attributes list contacts, companies and conversations only), so
 * it is typed, and checked before sending.
 */
const TYPE_FORMAT: IdFormat = {
	// Escaped as one path segment by the transport; a slash, "?", "#" or "%" is never part of an identifier.
	pattern: /^[^/?#%\\\u0000-\u001f]{1,100}$/,
	hint: 'Use the identifier of the custom object type as Intercom shows it (Settings → Data → Custom objects), such as Order.',
};

export const objectTypeField: FieldSpec = {
	in: 'path',
	key: 'custom_object_type_identifier',
	idFormat: TYPE_FORMAT,
	property: {
		displayName: 'Object Type',
		name: 'objectType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Order',
		description: "The custom object type's identifier, such as Order (Intercom's API cannot list the types: copy it from Settings → Data → Custom objects)",
	},
};

/** Intercom's own ID of an instance (a number such as 22), or, for Get, the external ID. */
export function instanceIdField(accepts: 'id' | 'idOrExternalId'): FieldSpec {
	return {
		in: 'path',
		key: 'custom_object_instance_id',
		idFormat:
			accepts === 'id'
				? { pattern: ID_FORMATS.numeric.pattern, hint: "Intercom's instance ID is a number, such as 22; for your own ID use Delete by External ID." }
				: ID_FORMATS.any,
		property: {
			displayName: 'Instance ID',
			name: 'instanceId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '22',
			description: accepts === 'id' ? "Intercom's ID of the instance" : "Intercom's ID of the instance (its external ID works too)",
		},
	};
}

export function externalIdField(target: 'body' | 'query', description: string): FieldSpec {
	return {
		in: target,
		key: 'external_id',
		convert: 'text',
		property: { displayName: 'External ID', name: 'externalId', type: 'string', default: '', required: true, placeholder: 'ORDER-123', description },
	};
}

/**
 * The instance's attributes through the shared custom-attribute field (typed names: Intercom lists
 * no custom object attributes). The schema says text only; Intercom's own example sends a number
 * (`total_amount: 99.99`), so the JSON variant takes text and numbers, and refuses anything else.
 */
export const instanceAttributeOptions: OptionSpec[] = customAttributesOptions(undefined, 'the custom object').map((option) =>
	option.convert !== 'object'
		? option
		: {
				...option,
				shape: (value, field) => {
					for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
						if (typeof item !== 'string' && !(typeof item === 'number' && Number.isFinite(item))) {
							field.fail(`the value of "${name.slice(0, 60)}" is not text or a number`, 'Custom object attributes take text or numbers.');
						}
					}
					return value;
				},
			},
);

/**
 * Links through relationship attributes: per attribute (such as `order`), the IDs of the instances
 * to link, sent as `custom_attributes: { order: ["21"] }` (Intercom's "association" form).
 */
export const linksField: FieldSpec = {
	in: 'body',
	key: 'custom_attributes',
	convert: 'keyValue',
	property: {
		displayName: 'Links',
		name: 'links',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Link',
		default: {},
		required: true,
		description: 'For each relationship attribute, the custom object instances linked through it (the IDs given replace the ones linked before)',
		options: [
			{
				displayName: 'Link',
				name: 'attribute',
				values: [
					{ displayName: 'Relationship Attribute', name: 'name', type: 'string', default: '', placeholder: 'order', description: 'The name of the relationship attribute, such as order' },
					{ displayName: 'Instance IDs', name: 'value', type: 'string', default: '', placeholder: '21, 22', description: "Intercom's IDs of the instances to link, separated by commas (none: unlink all)" },
				],
			},
		],
	},
	shape: (value, field) =>
		Object.fromEntries(
			Object.entries(value as Record<string, unknown>).map(([name, ids]) => {
				const list = String(ids ?? '')
					.split(',')
					.map((id) => id.trim())
					.filter((id) => id !== '');
				const bad = list.find((id) => !ID_FORMATS.numeric.pattern.test(id));
				if (bad !== undefined) field.fail(`"${bad.slice(0, 60)}" is not an instance ID (for "${name.slice(0, 60)}")`, "Use Intercom's instance IDs, such as 21, not external IDs.");
				return [name, list];
			}),
		),
};

export const linkCheck = { anyOf: ['body.custom_attributes'], parameter: 'Links', message: 'at least one link is required' };
