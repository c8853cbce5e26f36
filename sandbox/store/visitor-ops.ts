/**
 * Visitors: anonymous people of the Messenger, found by the `user_id`
 * Intercom generated for them. The API reads, updates and converts them;
 * it never creates one (the Messenger does), so the seed and tests do.
 *
 * Converting follows the convertVisitor description: when the contact the
 * request names exists, the visitor is merged into it; otherwise the visitor
 * becomes a new contact of the requested role, with the request's
 * identifiers in place of its own. Either way the visitor is gone.
 */
import { randomUUID } from 'node:crypto';

import { badRequest, notFound } from '../errors';
import { createContact, touchContact } from './contact-ops';
import type { ContactRecord } from './types';
import type { Workspace } from './workspace';

export interface VisitorRecord {
	id: string;
	user_id: string;
	created_at: number;
	updated_at: number;
	name: string | null;
	email: string;
	phone: string | null;
	/** The name Intercom makes up for an anonymous visitor ("Violet Suitcase"). */
	pseudonym: string | null;
	session_count: number;
	custom_attributes: Record<string, string>;
}

export function createVisitor(
	ws: Workspace,
	fields: Partial<Omit<VisitorRecord, 'id' | 'created_at' | 'updated_at'>> = {},
	createdAt: number = ws.now(),
): VisitorRecord {
	const visitor: VisitorRecord = {
		id: ws.nextObjectId(createdAt),
		user_id: fields.user_id ?? randomUUID(),
		created_at: createdAt,
		updated_at: createdAt,
		name: fields.name ?? null,
		email: fields.email ?? '',
		phone: fields.phone ?? null,
		pseudonym: fields.pseudonym ?? null,
		session_count: fields.session_count ?? 1,
		custom_attributes: { ...(fields.custom_attributes ?? {}) },
	};
	ws.visitors.set(visitor.id, visitor);
	return visitor;
}

export interface VisitorIdentifier {
	id?: unknown;
	user_id?: unknown;
	email?: unknown;
}

export function findVisitor(ws: Workspace, who: VisitorIdentifier): VisitorRecord {
	let visitor: VisitorRecord | undefined;
	if (who.id !== undefined) visitor = ws.visitors.get(String(who.id));
	else {
		const [key, value] = who.user_id !== undefined ? ['user_id', who.user_id] : ['email', who.email];
		if (value === undefined) throw badRequest('id, user_id or email is required', 'parameter_not_found');
		visitor = [...ws.visitors.values()].find((v) => (key === 'email' ? v.email !== '' && v.email.toLowerCase() === String(value).toLowerCase() : v.user_id === String(value)));
	}
	if (!visitor) throw notFound('Visitor Not Found');
	return visitor;
}

/** PUT /visitors: name and custom attributes (given ones replace, others stay). */
export function updateVisitor(ws: Workspace, input: VisitorIdentifier & { name?: unknown; custom_attributes?: unknown }): VisitorRecord {
	const visitor = findVisitor(ws, { id: input.id, user_id: input.id === undefined ? input.user_id : undefined });
	if (input.name !== undefined) visitor.name = input.name === null ? null : String(input.name);
	if (input.custom_attributes !== undefined && input.custom_attributes !== null) {
		if (typeof input.custom_attributes !== 'object' || Array.isArray(input.custom_attributes)) {
			throw badRequest('custom_attributes must be an object', 'parameter_invalid', 'custom_attributes');
		}
		for (const [key, value] of Object.entries(input.custom_attributes as Record<string, unknown>)) {
			if (value === null) delete visitor.custom_attributes[key];
			else visitor.custom_attributes[key] = String(value);
		}
	}
	visitor.updated_at = Math.max(ws.now(), visitor.created_at);
	ws.changes.record('visitor.updated', visitor.id, visitor.updated_at);
	return visitor;
}

export interface ConvertInput {
	type?: unknown;
	user?: { id?: unknown; user_id?: unknown; email?: unknown };
	visitor?: VisitorIdentifier;
}

/** POST /visitors/convert: merges the visitor into the named contact, or turns it into one. */
export function convertVisitor(ws: Workspace, input: ConvertInput): ContactRecord {
	if (input.type !== 'user' && input.type !== 'lead') throw badRequest('type must be user or lead', 'parameter_invalid', 'type');
	if (!input.user || typeof input.user !== 'object') throw badRequest('user is required', 'parameter_not_found', 'user');
	const visitor = findVisitor(ws, input.visitor ?? {});
	const user = input.user;
	const email = user.email === undefined ? undefined : String(user.email);
	let existing: ContactRecord | undefined;
	if (user.id !== undefined) {
		existing = ws.contact(String(user.id));
		if (!existing) throw notFound('User Not Found');
	} else if (user.user_id !== undefined) {
		const id = ws.contactsByExternalId.get(String(user.user_id));
		existing = id === undefined ? undefined : ws.contact(id);
	}
	let contact: ContactRecord;
	if (existing) {
		contact = existing;
		ws.unindexContact(contact);
		if (contact.name === null && visitor.name) contact.name = visitor.name;
		if (!contact.email && (email || visitor.email)) contact.email = email || visitor.email;
		contact.custom_attributes = { ...visitor.custom_attributes, ...contact.custom_attributes };
		ws.indexContact(contact);
		touchContact(ws, contact, 'contact.updated', { merged_visitor: visitor.id });
	} else {
		contact = createContact(ws, {
			role: input.type,
			external_id: user.user_id === undefined ? undefined : String(user.user_id),
			email: email || visitor.email || undefined,
			name: visitor.name,
			custom_attributes: visitor.custom_attributes,
		});
	}
	ws.visitors.delete(visitor.id);
	ws.changes.record('visitor.converted', visitor.id, ws.now(), { contact_id: contact.id });
	return contact;
}
