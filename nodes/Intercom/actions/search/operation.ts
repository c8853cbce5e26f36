import type { OperationDefinition } from '../types';
import { buildSearchQuery, searchQueryProperties, sortProperties } from './builder';
import type { SearchObject } from './catalog';

/**
 * A search operation (POST /contacts/search, POST /conversations/search): the query from the
 * builder or JSON, an optional sort, and every page read with the cursor in the body.
 */
export function searchOperation(object: SearchObject, description: string): OperationDefinition {
	return {
		resource: object,
		value: 'search',
		name: 'Search',
		action: `Search ${object}s`,
		description,
		method: 'POST',
		path: `/${object}s/search`,
		idempotent: true,
		// A condition's value may be text, a number, a boolean or a date: the builder checks it against the field's type.
		fields: searchQueryProperties(object).map((property) => ({ property, anyValue: ['value'] })),
		collections: [
			{ name: 'options', displayName: 'Options', placeholder: 'Add Option', options: sortProperties().map((property) => ({ property })) },
		],
		list: { pagination: 'search', itemsPath: object === 'contact' ? 'data' : 'conversations' },
		build: (ctx, request) => {
			request.body.query = buildSearchQuery(ctx, object);
			const options = ctx.param<{ sortField?: string; sortOrder?: string }>('options', {});
			if (options.sortField) request.body.sort = { field: options.sortField, order: options.sortOrder ?? 'descending' };
		},
	};
}
