import { contactLocator } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';

const fields: FieldSpec[] = [
	contactLocator({
		name: 'fromContactId',
		displayName: 'Lead to Merge',
		in: 'body',
		key: 'from',
		description: 'The lead (role "lead") to merge; it is deleted afterwards',
	}),
	contactLocator({
		name: 'intoContactId',
		displayName: 'Merge Into User',
		in: 'body',
		key: 'into',
		description: "The user (role \"user\") that receives the lead's data",
	}),
];

export const merge: OperationDefinition = {
	resource: 'contact',
	value: 'merge',
	name: 'Merge',
	action: 'Merge a lead into a user',
	description: "Merge a lead into a user: the user keeps the lead's conversations, notes, tags and companies, and the lead is deleted",
	method: 'POST',
	path: '/contacts/merge',
	subject: 'Contact',
	fields,
	checks: [
		{
			distinct: ['body.from', 'body.into'],
			parameter: 'Merge Into User',
			message: 'a contact cannot be merged into itself',
			hint: 'Choose a lead and a different user.',
		},
	],
};
