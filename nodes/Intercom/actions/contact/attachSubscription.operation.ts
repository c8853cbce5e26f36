import { contactLocator } from '../fields';
import type { FieldSpec, OperationDefinition } from '../types';
import { subscriptionTypeField } from './shared';

const fields: FieldSpec[] = [
	contactLocator(),
	subscriptionTypeField('body'),
	{
		in: 'body',
		key: 'consent_type',
		property: {
			displayName: 'Consent',
			name: 'consentType',
			type: 'options',
			options: [
				{ name: 'Opt In', value: 'opt_in', description: 'The contact agrees to receive this type of message' },
				{ name: 'Opt Out', value: 'opt_out', description: 'The contact declines this type of message' },
			],
			default: 'opt_in',
			description: "The contact's consent for this subscription type",
		},
	},
];

export const attachSubscription: OperationDefinition = {
	resource: 'contact',
	value: 'attachSubscription',
	name: 'Attach Subscription',
	action: 'Attach a subscription to a contact',
	description: "Record a contact's opt-in or opt-out for a subscription type (email or SMS topic); returns the subscription type",
	method: 'POST',
	path: '/contacts/{contact_id}/subscriptions',
	pathLabels: { contact_id: 'Contact' },
	subject: 'Contact or subscription type',
	fields,
};
