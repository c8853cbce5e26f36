import type { INodeProperties } from 'n8n-workflow';

import type { OptionSpec, ShapeContext } from '../types';

/** Intercom takes a list's values as `[{value}]` and refuses a list of fewer than two. */
function listValues(value: unknown, { fail }: ShapeContext): Array<{ value: string }> {
	const values = value as string[];
	if (values.length < 2) fail(`${values.length} value(s) given, a list needs at least two`);
	return values.map((one) => ({ value: one }));
}

/** The values of a list attribute, typed as a comma-separated list. */
export function listOptionsField(description: string, extra: Partial<INodeProperties> = {}): OptionSpec {
	return {
		in: 'body',
		key: 'options',
		convert: 'list',
		shape: listValues,
		property: { displayName: 'List Options', name: 'listOptions', type: 'string', default: '', placeholder: '1-10, 11-50, 51+', description, ...extra } as INodeProperties,
	};
}

export function descriptionOption(): OptionSpec {
	return {
		in: 'body',
		key: 'description',
		property: { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the attribute means, shown in Intercom' },
	};
}

export function messengerWritableOption(): OptionSpec {
	return {
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
	};
}
