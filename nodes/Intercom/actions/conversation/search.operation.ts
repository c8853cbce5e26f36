import { searchOperation } from '../search/operation';

export const search = searchOperation(
	'conversation',
	'Find conversations matching conditions on their state, assignees, source, statistics or custom attributes',
);
