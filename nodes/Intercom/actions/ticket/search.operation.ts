import { searchOperation } from '../search/operation';

export const search = searchOperation(
	'ticket',
	'Find tickets matching conditions on their type, state, assignees, contacts, dates or ticket attributes',
);
