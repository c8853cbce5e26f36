import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { IntercomClient } from '../../../shared/transport/client';
import { intercomErrorsOf } from '../../../shared/transport/errors';
import { itemsOf } from '../../../shared/transport/pagination';
import { failParameter } from '../../../shared/values';
import { buildRequest } from '../executor';
import type { OperationContext, OperationDefinition } from '../types';
import { contactFieldOptions } from './shared';

const IDENTIFIERS = {
	email: { key: 'email', parameter: 'Email', option: 'email' },
	externalId: { key: 'external_id', parameter: 'External ID', option: 'externalId' },
} as const;

/**
 * Contacts this execution already created or updated, by identifier: a second item for the same
 * email goes straight to its contact, even before search has indexed it (leads, which Intercom lets
 * share an email, would otherwise be created twice). One client serves one execution.
 */
const seenInExecution = new WeakMap<IntercomClient, Map<string, string>>();

function httpCode(error: unknown): string | undefined {
	return error instanceof NodeApiError ? error.httpCode ?? undefined : undefined;
}

/** The contact a 409 names: Intercom answers "A contact matching those details already exists with id=…". */
function conflictingContactId(error: unknown): string | undefined {
	for (const message of [...intercomErrorsOf(error).map((e) => e.message), (error as Error).message]) {
		const match = /\bid=([A-Za-z0-9_-]{1,64})/.exec(message);
		if (match) return match[1];
	}
	return undefined;
}

function rethrow(ctx: OperationContext, error: unknown): never {
	// The transport's errors are NodeApiErrors naming the request; this keeps them as they are.
	throw new NodeApiError(ctx.fn.getNode(), error as JsonObject, { itemIndex: ctx.itemIndex });
}

async function findExisting(ctx: OperationContext, by: keyof typeof IDENTIFIERS, value: string): Promise<string | undefined> {
	if (by === 'externalId') {
		try {
			const found = await ctx.client.request<IDataObject>({
				method: 'GET',
				path: '/contacts/find_by_external_id/{external_id}',
				pathParams: { external_id: value },
				pathLabels: { external_id: 'External ID' },
				itemIndex: ctx.itemIndex,
			});
			return found?.id === undefined ? undefined : String(found.id);
		} catch (error) {
			if (httpCode(error) === '404') return undefined;
			rethrow(ctx, error);
		}
	}
	const body = await ctx.client.request<IDataObject>({
		method: 'POST',
		path: '/contacts/search',
		idempotent: true,
		body: { query: { field: 'email', operator: '=', value }, pagination: { per_page: 10 } },
		itemIndex: ctx.itemIndex,
	});
	const matches = itemsOf(body, 'data');
	// Several leads may share an email, but only one user: the user is the one to update.
	const chosen = matches.find((c) => c.role === 'user') ?? matches[0];
	return chosen ? String(chosen.id) : undefined;
}

async function update(ctx: OperationContext, id: string, body: IDataObject): Promise<IDataObject> {
	return await ctx.client.request<IDataObject>({
		method: 'PUT',
		path: '/contacts/{contact_id}',
		pathParams: { contact_id: id },
		pathLabels: { contact_id: 'Contact' },
		body,
		subject: 'Contact',
		itemIndex: ctx.itemIndex,
	});
}

/**
 * Creates the contact; when Intercom answers 409 because it exists, updates the contact the 409
 * names ("… already exists with id=…"), or, if a 409 ever names none, the one found by email
 * (search) or external ID (exact lookup). Creating first is what makes it race-safe: search lags
 * behind creation, so a contact created moments ago (by the previous item, or by another execution
 * at the same time) may not be found yet, but Intercom's uniqueness check always sees it. Either
 * way one contact results.
 */
async function createOrUpdateContact(ctx: OperationContext): Promise<IDataObject[]> {
	const by = ctx.param<string>('identifyBy', 'email') === 'externalId' ? 'externalId' : 'email';
	const identifier = IDENTIFIERS[by];
	const request = await buildRequest(createOrUpdate, ctx);
	const body = request.body ?? {};
	// The identifier as given (the executor checked it is not blank); Additional Fields may not change it.
	const value = String(ctx.param(identifier.option, '')).trim();
	const additional = ctx.param<IDataObject>('additionalFields', {}) ?? {};
	const alsoGiven = additional[identifier.option];
	if (alsoGiven !== undefined && String(alsoGiven).trim() !== '' && String(alsoGiven).trim() !== value) {
		failParameter(
			ctx.fn.getNode(),
			identifier.parameter,
			ctx.itemIndex,
			`differs from the ${identifier.parameter} under Additional Fields`,
			`The contact is found by ${identifier.parameter}; to change it, use the Update operation.`,
		);
	}
	body[identifier.key] = value;

	const seen = seenInExecution.get(ctx.client) ?? new Map<string, string>();
	seenInExecution.set(ctx.client, seen);
	const seenKey = `${identifier.key}:${by === 'email' ? value.toLowerCase() : value}`;

	const known = seen.get(seenKey);
	let contact: IDataObject;
	if (known !== undefined) {
		contact = await update(ctx, known, body);
	} else {
		try {
			contact = await ctx.client.request<IDataObject>({ method: 'POST', path: '/contacts', body, itemIndex: ctx.itemIndex });
		} catch (error) {
			if (httpCode(error) !== '409') rethrow(ctx, error);
			const existing = conflictingContactId(error) ?? (await findExisting(ctx, by, value));
			if (existing === undefined) rethrow(ctx, error);
			contact = await update(ctx, existing, body);
		}
	}
	seen.set(seenKey, String(contact.id));
	return [contact];
}

const shownFor = (identifyBy: string) => ({ show: { identifyBy: [identifyBy] } });

export const createOrUpdate: OperationDefinition = {
	resource: 'contact',
	value: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update a contact',
	description:
		'Create a contact, or update the one with the same email or external ID, in one step; the same contact arriving twice at once still gives one contact',
	method: 'POST',
	path: '/contacts',
	alsoCalls: ['POST /contacts/search', 'GET /contacts/find_by_external_id/{external_id}', 'PUT /contacts/{contact_id}'],
	fields: [
		{
			property: {
				displayName: 'Identify By',
				name: 'identifyBy',
				type: 'options',
				options: [
					{ name: 'Email', value: 'email', description: 'Update the contact (the user, if several) with this email' },
					{ name: 'External ID', value: 'externalId', description: 'Update the contact with this external ID (your own ID for it)' },
				],
				default: 'email',
				description: 'How an existing contact is recognised',
			},
		},
		{
			in: 'body',
			key: 'email',
			convert: 'text',
			property: {
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				required: true,
				description: "The contact's email address",
				displayOptions: shownFor('email'),
			},
		},
		{
			in: 'body',
			key: 'external_id',
			convert: 'text',
			property: {
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				required: true,
				description: 'Your own unique identifier for the contact, such as the user ID in your database',
				displayOptions: shownFor('externalId'),
			},
		},
	],
	collections: [{ name: 'additionalFields', displayName: 'Additional Fields', options: contactFieldOptions({ withEmail: true }) }],
	run: createOrUpdateContact,
};
