import { ID_FORMATS } from '../fields';
import { webAddressField } from '../contentImportSource/shared';
import type { FieldSpec, OptionSpec } from '../types';

/** An external page, by the ID Intercom gave it (a string; not the external ID your source gave it). */
export function externalPageIdField(): FieldSpec {
	return {
		in: 'path',
		key: 'page_id',
		idFormat: ID_FORMATS.any,
		property: {
			displayName: 'External Page ID',
			name: 'pageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1234',
			description: 'The ID Intercom gave the external page, not the External ID your source gave it',
		},
	};
}

export const titleField: FieldSpec = {
	in: 'body',
	key: 'title',
	convert: 'text',
	property: { displayName: 'Title', name: 'title', type: 'string', default: '', required: true, placeholder: 'Getting started' },
};

export const htmlField: FieldSpec = {
	in: 'body',
	key: 'html',
	convert: 'text',
	property: {
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		required: true,
		placeholder: '<h1>Getting started</h1><p>…</p>',
		description: 'The content of the page, as HTML, that Fin answers from',
	},
};

const URL_DESCRIPTION = "The page's address, where Fin sends readers of an answer based on it";

/** The page's URL: required on Update, optional on Create (without it Fin does not cite the page). */
export function pageUrlField(required: boolean): FieldSpec & OptionSpec {
	return webAddressField({
		required,
		placeholder: 'https://help.example.com/getting-started',
		description: required ? URL_DESCRIPTION : `${URL_DESCRIPTION}; without one Fin does not cite the page`,
	});
}

export function externalIdField(required: boolean): FieldSpec & OptionSpec {
	return {
		in: 'body',
		key: 'external_id',
		convert: 'text',
		property: {
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required,
			placeholder: 'getting-started',
			description: 'The ID your source gives the page, unique within the source; Create updates the page with this source and External ID if there is one',
		},
	};
}

export function availabilityOption(key: string, name: string, displayName: string, description: string): OptionSpec {
	return { in: 'body', key, convert: 'boolean', property: { displayName, name, type: 'boolean', default: true, description } };
}
