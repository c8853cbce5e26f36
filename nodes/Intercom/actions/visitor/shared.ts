import type { IDataObject } from 'n8n-workflow';

import { failParameter, requireString } from '../../../shared/values';
import { buildOnly, readId } from '../conversation/shared';
import { ID_FORMATS } from '../fields';
import type { FieldSpec, OperationContext } from '../types';

export const VISITOR_USER_ID = {
	displayName: 'Visitor User ID',
	description: "The user_id Intercom generated for the visitor (in the Messenger's data, or a visitor's user_id)",
	placeholder: '3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f3',
};

/** The ways a visitor can be named: its generated user_id, Intercom's ID, or (converting) its email. */
export function visitorIdentifierFields(withEmail: boolean): FieldSpec[] {
	const options = [
		{ name: 'Visitor User ID', value: 'user_id', description: 'The user_id Intercom generated for the visitor' },
		{ name: 'Intercom Visitor ID', value: 'id', description: "Intercom's ID of the visitor" },
	];
	if (withEmail) options.push({ name: 'Email', value: 'email', description: 'The email the visitor gave' });
	return [
		buildOnly({
			displayName: 'Identify Visitor By',
			name: 'visitorIdentifierType',
			type: 'options',
			options,
			default: 'user_id',
			description: 'How the visitor is identified',
		}),
		buildOnly({
			displayName: 'Visitor Identifier',
			name: 'visitorIdentifier',
			type: 'string',
			default: '',
			required: true,
			placeholder: VISITOR_USER_ID.placeholder,
			description: "The visitor's user_id, Intercom ID or email, as chosen in Identify Visitor By",
		}),
	];
}

/** `{user_id | id | email: value}` from the visitor identifier fields. */
export function readVisitorIdentifier(ctx: OperationContext): IDataObject {
	const by = ctx.param<string>('visitorIdentifierType', 'user_id');
	const node = ctx.fn.getNode();
	if (by === 'id') return { id: readId(ctx, 'visitorIdentifier', 'Visitor Identifier', ID_FORMATS.contact) };
	const value = requireString(ctx.param('visitorIdentifier', ''), node, 'Visitor Identifier', ctx.itemIndex);
	if (by === 'user_id') return { user_id: value };
	if (by === 'email') {
		if (!/^[^\s@]+@[^\s@]+$/.test(value)) failParameter(node, 'Visitor Identifier', ctx.itemIndex, `"${value.slice(0, 60)}" is not an email address`);
		return { email: value };
	}
	return failParameter(node, 'Identify Visitor By', ctx.itemIndex, `"${by}" is not one of user_id, id, email`);
}
