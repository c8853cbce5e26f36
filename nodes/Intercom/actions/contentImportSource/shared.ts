import type { INodeProperties } from 'n8n-workflow';

import { dynamicOptions, ID_FORMATS } from '../fields';
import type { FieldSpec, OptionSpec, ShapeContext } from '../types';

/**
 * A content import source, chosen from the workspace's sources (content import source IDs are
 * integers). One declaration for the source's own operations (path) and external pages (body
 * `source_id`, an integer).
 */
export function contentImportSourceField(target: 'path' | 'body', extra: Partial<INodeProperties> = {}): FieldSpec {
	return {
		in: target,
		key: 'source_id',
		// In the path an ID (checked as one); in a body an integer, which its conversion checks.
		...(target === 'path' ? { idFormat: ID_FORMATS.numeric } : { convert: 'integer' as const, required: true }),
		property: dynamicOptions('sourceId', 'Content Import Source Name or ID', 'getContentImportSources', { required: true, ...extra }),
	};
}

/** An absolute http(s) URL, as Fin links readers to it. */
export function checkUrl(value: unknown, { fail }: ShapeContext): unknown {
	let url: URL | undefined;
	try {
		url = new URL(String(value));
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		fail(`"${String(value).slice(0, 80)}" is not a web address`, 'Give the full address, such as https://help.example.com.');
	}
	return value;
}

/** A `url` in the body, checked to be a full http(s) address before anything is sent. */
export function webAddressField(property: { required: boolean; placeholder: string; description: string }): FieldSpec & OptionSpec {
	return {
		in: 'body',
		key: 'url',
		convert: 'text',
		shape: checkUrl,
		property: { displayName: 'URL', name: 'url', type: 'string', default: '', ...property },
	};
}

export function sourceUrlField(): FieldSpec {
	return webAddressField({
		required: true,
		placeholder: 'https://help.example.com',
		description: 'The root address of the source; on Update it may only change for a source synced through the API',
	});
}

export const statusOption: OptionSpec = {
	in: 'body',
	key: 'status',
	property: {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Deactivated', value: 'deactivated' },
		],
		default: 'active',
		description: 'Whether the pages of this source are used (active) or set aside (deactivated)',
	},
};
