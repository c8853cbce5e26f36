import { ID_FORMATS } from '../fields';
import type { OperationDefinition } from '../types';

export const search: OperationDefinition = {
	resource: 'internalArticle',
	value: 'search',
	name: 'Search',
	action: 'Search internal articles',
	description: 'Find the internal articles of one folder (the only filter Intercom 2.14 offers); without a folder, every internal article',
	method: 'GET',
	path: '/internal_articles/search',
	fields: [
		{
			in: 'query',
			key: 'folder_id',
			// Blank: every internal article. Given: a folder's numeric ID (sent as text, as the spec types it).
			convert: 'text',
			shape: (value, { fail }) =>
				ID_FORMATS.numeric.pattern.test(String(value)) ? value : fail(`"${String(value).slice(0, 60)}" is not a valid folder ID`, 'A folder ID is a number, such as 123.'),
			property: {
				displayName: 'Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				placeholder: '123',
				description: 'The Knowledge Hub folder to search in; leave empty to match every internal article',
			},
		},
	],
	list: { pagination: 'linked', itemsPath: 'data.internal_articles' },
};
