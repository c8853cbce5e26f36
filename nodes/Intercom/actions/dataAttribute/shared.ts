import { failParameter } from '../../../shared/values';
import type { BuiltRequest, OperationContext, OptionSpec } from '../types';

export const LIST_OPTIONS = { name: 'listOptions', displayName: 'List Options' };

/** The values of a list attribute, typed as a comma-separated list. */
export function listOptionsOption(description: string): OptionSpec {
	return {
		in: 'body',
		key: 'options',
		convert: 'list',
		property: {
			displayName: LIST_OPTIONS.displayName,
			name: LIST_OPTIONS.name,
			type: 'string',
			default: '',
			placeholder: '1-10, 11-50, 51+',
			description,
		},
	};
}

/** Intercom takes a list's values as `[{value}]` and refuses a list of fewer than two. */
export function shapeListOptions(ctx: OperationContext, request: BuiltRequest): void {
	const values = request.body.options as string[] | undefined;
	if (values === undefined) return;
	if (values.length < 2) {
		failParameter(ctx.fn.getNode(), LIST_OPTIONS.displayName, ctx.itemIndex, `${values.length} value(s) given, a list needs at least two`);
	}
	request.body.options = values.map((value) => ({ value }));
}
