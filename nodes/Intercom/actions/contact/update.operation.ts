import { failParameter } from '../../../shared/values';
import { contactLocator } from '../fields';
import type { OperationDefinition, OptionSpec } from '../types';
import { contactFieldOptions, shapeContactBody } from './shared';

/** The attributes Intercom lets an update empty (null in the request), by API name. */
const CLEARABLE = [
	{ name: 'Avatar', value: 'avatar' },
	{ name: 'Last Seen At', value: 'last_seen_at' },
	{ name: 'Name', value: 'name' },
	{ name: 'Owner', value: 'owner_id' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Signed Up At', value: 'signed_up_at' },
];

/**
 * Emptying a field is a choice the user makes here, never the side effect of a blank or null
 * value (an expression that found nothing): those leave the field as it is.
 */
const clearFields: OptionSpec = {
	property: {
		displayName: 'Clear Fields',
		name: 'clearFields',
		type: 'multiOptions',
		options: CLEARABLE,
		default: [],
		description: 'Fields to empty in Intercom. A field left blank or null above is not changed; only the fields picked here are cleared.',
	},
};

export const update: OperationDefinition = {
	resource: 'contact',
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: "Change a contact's email, role, external ID, name, phone, owner, dates or custom attributes; fields not given stay as they are",
	method: 'PUT',
	path: '/contacts/{contact_id}',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact',
	fields: [contactLocator()],
	collections: [{ name: 'updateFields', displayName: 'Update Fields', options: [...contactFieldOptions({ withEmail: true }), clearFields] }],
	build: (ctx, request) => {
		shapeContactBody(ctx, request);
		const node = ctx.fn.getNode();
		const picked = ctx.param<{ clearFields?: unknown }>('updateFields', {})?.clearFields ?? [];
		for (const key of Array.isArray(picked) ? picked : [picked]) {
			const field = CLEARABLE.find((f) => f.value === key);
			if (!field) failParameter(node, 'Clear Fields', ctx.itemIndex, `"${String(key).slice(0, 60)}" is not one of ${CLEARABLE.map((f) => f.value).join(', ')}`);
			if (request.body[field.value] !== undefined) {
				failParameter(node, 'Clear Fields', ctx.itemIndex, `"${field.name}" is both set and cleared`, `Remove "${field.name}" from Update Fields or from Clear Fields.`);
			}
			request.body[field.value] = null;
		}
		if (Object.keys(request.body).length === 0) {
			failParameter(node, 'Update Fields', ctx.itemIndex, 'add at least one field to update');
		}
	},
};
