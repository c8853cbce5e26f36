import { failParameter } from '../../../shared/values';
import type { OperationDefinition } from '../types';
import { contactFieldOptions, shapeContactBody } from './shared';

export const create: OperationDefinition = {
	resource: 'contact',
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a user or lead in Intercom, identified by email, external ID or role, with optional attributes and custom attributes',
	method: 'POST',
	path: '/contacts',
	fields: [
		{
			in: 'body',
			key: 'email',
			property: {
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: "The contact's email address. Give at least one of Email, External ID or Role.",
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contactFieldOptions({ withEmail: false }) }],
	build: (ctx, request) => {
		shapeContactBody(ctx, request);
		const { email: e, external_id: externalId, role } = request.body;
		if (!e && !externalId && !role) {
			failParameter(
				ctx.fn.getNode(),
				'Email',
				ctx.itemIndex,
				'Intercom needs at least one of "Email", "External ID" or "Role" to create a contact',
				'Fill in Email, or add External ID or Role under Additional Fields.',
			);
		}
	},
};
