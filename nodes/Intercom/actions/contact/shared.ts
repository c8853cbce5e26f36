import { customAttributesOptions, dynamicOptions, ID_FORMATS, textOption } from '../fields';
import type { FieldSpec, OptionSpec, RequestCheck } from '../types';

export const CONTACT_PATH_LABELS = {
	contact_id: 'Contact',
	company_id: 'Company',
	tag_id: 'Tag',
	subscription_id: 'Subscription Type',
	external_id: 'External ID',
};

/**
 * The contact attributes create and update share. Create asks for Email on its own, so it leaves
 * it out here; update offers it with the rest. Blank text fields count as not given.
 */
export function contactFieldOptions(options: { withEmail: boolean }): OptionSpec[] {
	const all: OptionSpec[] = [
		textOption('email', 'Email', 'email', "The contact's email address", { placeholder: 'name@email.com' }),
		{
			in: 'body',
			key: 'role',
			property: {
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Lead', value: 'lead', description: 'An anonymous or unidentified visitor' },
					{ name: 'User', value: 'user', description: 'A known, signed-up user of your product' },
				],
				default: 'user',
				description: 'Whether the contact is a user or a lead',
			},
		},
		textOption('external_id', 'External ID', 'externalId', 'Your own unique identifier for the contact, such as the user ID in your database'),
		textOption('phone', 'Phone', 'phone', "The contact's phone number"),
		textOption('name', 'Name', 'name', "The contact's full name"),
		textOption('avatar', 'Avatar', 'avatar', "URL of the contact's avatar image"),
		{
			in: 'body',
			key: 'signed_up_at',
			convert: 'unixSeconds',
			property: {
				displayName: 'Signed Up At',
				name: 'signedUpAt',
				type: 'dateTime',
				default: '',
				description: 'When the user signed up (a date, ISO 8601 string or Unix seconds)',
			},
		},
		{
			in: 'body',
			key: 'last_seen_at',
			convert: 'unixSeconds',
			property: {
				displayName: 'Last Seen At',
				name: 'lastSeenAt',
				type: 'dateTime',
				default: '',
				description: 'When the contact was last seen (a date, ISO 8601 string or Unix seconds)',
			},
		},
		{ in: 'body', key: 'owner_id', convert: 'integer', sendAsStringFrom: '2.16', property: dynamicOptions('ownerId', 'Owner Name or ID', 'getAdmins') },
		{
			in: 'body',
			key: 'unsubscribed_from_emails',
			convert: 'boolean',
			property: {
				displayName: 'Unsubscribed From Emails',
				name: 'unsubscribedFromEmails',
				type: 'boolean',
				default: false,
				description: 'Whether the contact is unsubscribed from emails',
			},
		},
		...customAttributesOptions('getContactAttributes', 'contact'),
	];
	return options.withEmail ? all : all.filter((o) => o.key !== 'email');
}

/** Intercom needs one of these to create a contact. */
export const CONTACT_IDENTITY_CHECK: RequestCheck = {
	anyOf: ['body.email', 'body.external_id', 'body.role'],
	parameter: 'Email',
	message: 'Intercom needs at least one of "Email", "External ID" or "Role" to create a contact',
	hint: 'Fill in Email, or add External ID or Role under Additional Fields.',
};

export function companyField(target: 'path' | 'body'): FieldSpec {
	return {
		in: target,
		key: target === 'path' ? 'company_id' : 'id',
		idFormat: ID_FORMATS.company,
		property: dynamicOptions('companyId', 'Company Name or ID', 'getCompanies', { required: true }),
	};
}

export function subscriptionTypeField(target: 'path' | 'body'): FieldSpec {
	return {
		in: target,
		key: target === 'path' ? 'subscription_id' : 'id',
		idFormat: ID_FORMATS.numeric,
		property: dynamicOptions('subscriptionTypeId', 'Subscription Type Name or ID', 'getSubscriptionTypes', { required: true }),
	};
}
