import { searchOperation } from '../search/operation';

export const search = searchOperation(
	'contact',
	'Find contacts matching conditions on their fields or custom attributes (dates match by calendar day in the workspace time zone)',
);
