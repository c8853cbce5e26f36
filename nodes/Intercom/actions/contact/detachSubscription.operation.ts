import { contactLocator } from '../fields';
import type { OperationDefinition } from '../types';
import { CONTACT_PATH_LABELS, subscriptionTypeField } from './shared';

export const detachSubscription: OperationDefinition = {
	resource: 'contact',
	value: 'detachSubscription',
	name: 'Detach Subscription',
	action: 'Detach a subscription from a contact',
	description: "Remove a contact's recorded consent for a subscription type; returns the subscription type",
	method: 'DELETE',
	path: '/contacts/{contact_id}/subscriptions/{subscription_id}',
	pathLabels: CONTACT_PATH_LABELS,
	subject: 'Contact or subscription type',
	fields: [contactLocator(), subscriptionTypeField('path')],
};
