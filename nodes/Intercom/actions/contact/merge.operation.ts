import { failParameter } from '../../../shared/values';
import { contactLocator } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';

function bodyLocator(name: string, displayName: string, key: string, description: string): FieldSpec {
	const locator = contactLocator(name, displayName, key);
	return { ...locator, in: 'body', property: { ...locator.property, description } };
}

const fields: FieldSpec[] = [
	bodyLocator('fromContactId', 'Lead to Merge', 'from', 'The lead (role "lead") to merge; it is deleted afterwards'),
	bodyLocator('intoContactId', 'Merge Into User', 'into', "The user (role \"user\") that receives the lead's data"),
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
	build: (ctx, request) => {
		if (request.body.from === request.body.into) {
			failParameter(ctx.fn.getNode(), 'Merge Into User', ctx.itemIndex, 'a contact cannot be merged into itself', 'Choose a lead and a different user.');
		}
	},
};
