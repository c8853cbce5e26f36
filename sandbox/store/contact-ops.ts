/**
 * Contact mutations with Intercom's semantics: every change bumps
 * `updated_at` and is written to the change log; uniqueness of
 * external_id (and of email among users) answers 409 like the real API.
 */
import { ApiError, badRequest, conflict, notFound } from '../errors';
import type { Workspace } from './workspace';
import type { ChangeKind } from './change-log';
import type { ContactRecord, ContactRole, NoteRecord } from './types';

export interface ContactInput {
	role?: string;
	external_id?: string | null;
	email?: string | null;
	phone?: string | null;
	name?: string | null;
	avatar?: string | null;
	signed_up_at?: number | null;
	last_seen_at?: number | null;
	owner_id?: number | null;
	unsubscribed_from_emails?: boolean | null;
	custom_attributes?: Record<string, unknown> | null;
}

export function requireContact(ws: Workspace, id: string): ContactRecord {
	const contact = ws.contact(id);
	if (!contact) throw notFound('User Not Found');
	return contact;
}

/** Marks a contact changed now and logs it. */
export function touchContact(ws: Workspace, contact: ContactRecord, kind: ChangeKind, detail?: Record<string, unknown>): void {
	contact.updated_at = Math.max(ws.now(), contact.created_at);
	ws.changes.record(kind, contact.id, contact.updated_at, detail);
}

function checkRole(role: string | undefined): ContactRole | undefined {
	if (role === undefined) return undefined;
	if (role !== 'user' && role !== 'lead') throw badRequest(`role must be user or lead`, 'parameter_invalid', 'role');
	return role;
}

function assertUnique(ws: Workspace, input: ContactInput, role: ContactRole, selfId?: string): void {
	if (input.external_id) {
		const existing = ws.contactsByExternalId.get(input.external_id);
		if (existing && existing !== selfId) {
			throw conflict(`A contact matching those details already exists with id=${existing}`);
		}
	}
	if (input.email && role === 'user') {
		const ids = ws.contactsByEmail.get(input.email.toLowerCase()) ?? [];
		for (const id of ids) {
			const other = ws.contact(id);
			if (other && other.id !== selfId && other.role === 'user') {
				throw conflict(`A contact matching those details already exists with id=${other.id}`);
			}
		}
	}
}

function applyCustomAttributes(contact: ContactRecord, attrs: Record<string, unknown> | null | undefined): void {
	if (!attrs) return;
	for (const [key, value] of Object.entries(attrs)) {
		if (value === null) delete contact.custom_attributes[key];
		else contact.custom_attributes[key] = value;
	}
}

/** Shared, frozen empty list for contacts without relations. */
const NONE: readonly never[] = Object.freeze([]);

export function blankContact(ws: Workspace, createdAt: number, createdMs: number): ContactRecord {
	return {
		id: ws.nextObjectId(createdAt),
		created_at: createdAt,
		updated_at: createdAt,
		createdMs,
		role: 'user',
		external_id: null,
		email: '',
		phone: null,
		name: null,
		avatar: null,
		owner_id: null,
		has_hard_bounced: false,
		marked_email_as_spam: false,
		unsubscribed_from_emails: false,
		signed_up_at: null,
		last_seen_at: null,
		last_replied_at: null,
		last_contacted_at: null,
		last_email_opened_at: null,
		last_email_clicked_at: null,
		language_override: null,
		browser: null,
		browser_version: null,
		browser_language: null,
		os: null,
		location: { country: null, region: null, city: null },
		custom_attributes: {},
		tags: NONE,
		companyIds: NONE,
		noteIds: NONE,
		subscriptions: null,
		archived: false,
		blocked: false,
	};
}

export function createContact(ws: Workspace, input: ContactInput): ContactRecord {
	if (!input.email && !input.external_id && !input.role) {
		throw badRequest('Either email, external_id or role must be provided', 'parameter_invalid');
	}
	const role = checkRole(input.role) ?? 'user';
	assertUnique(ws, input, role);
	const nowMs = ws.clock.now();
	const contact = blankContact(ws, Math.floor(nowMs / 1000), nowMs);
	ws.registerCustomAttributes('contact', input.custom_attributes);
	contact.role = role;
	assignFields(contact, input);
	ws.contacts.insert(contact);
	ws.indexContact(contact);
	ws.changes.record('contact.created', contact.id, contact.created_at);
	return contact;
}

function assignFields(contact: ContactRecord, input: ContactInput): void {
	if (input.external_id !== undefined) contact.external_id = input.external_id || null;
	if (input.email !== undefined) contact.email = input.email ?? '';
	if (input.phone !== undefined) contact.phone = input.phone;
	if (input.name !== undefined) contact.name = input.name;
	if (input.avatar !== undefined) contact.avatar = input.avatar;
	if (input.signed_up_at !== undefined) contact.signed_up_at = input.signed_up_at;
	if (input.last_seen_at !== undefined) contact.last_seen_at = input.last_seen_at;
	if (input.owner_id !== undefined) contact.owner_id = input.owner_id;
	if (input.unsubscribed_from_emails !== undefined && input.unsubscribed_from_emails !== null) {
		contact.unsubscribed_from_emails = input.unsubscribed_from_emails;
	}
	applyCustomAttributes(contact, input.custom_attributes);
}

export function updateContact(ws: Workspace, id: string, input: ContactInput): ContactRecord {
	const contact = requireContact(ws, id);
	const role = checkRole(input.role) ?? contact.role;
	assertUnique(ws, input, role, contact.id);
	ws.registerCustomAttributes('contact', input.custom_attributes);
	ws.unindexContact(contact);
	contact.role = role;
	assignFields(contact, input);
	ws.indexContact(contact);
	touchContact(ws, contact, 'contact.updated');
	return contact;
}

export function deleteContact(ws: Workspace, id: string): ContactRecord {
	const contact = requireContact(ws, id);
	removeContact(ws, contact);
	ws.changes.record('contact.deleted', contact.id, ws.now());
	return contact;
}

function removeContact(ws: Workspace, contact: ContactRecord): void {
	ws.contacts.remove(contact.id);
	ws.unindexContact(contact);
	for (const companyId of contact.companyIds) ws.companies.get(companyId)?.contactIds.delete(contact.id);
}

export function setArchived(ws: Workspace, id: string, archived: boolean): ContactRecord {
	const contact = requireContact(ws, id);
	contact.archived = archived;
	touchContact(ws, contact, archived ? 'contact.archived' : 'contact.unarchived');
	return contact;
}

export function blockContact(ws: Workspace, id: string): ContactRecord {
	const contact = requireContact(ws, id);
	contact.blocked = true;
	contact.archived = true;
	touchContact(ws, contact, 'contact.blocked');
	return contact;
}

/**
 * Merges a lead into a user: attributes the user lacks are copied, tags,
 * companies, notes and conversations move over, and the lead is removed.
 */
export function mergeContacts(ws: Workspace, fromId: string, intoId: string): ContactRecord {
	const from = requireContact(ws, fromId);
	const into = requireContact(ws, intoId);
	if (from.id === into.id) throw badRequest('Cannot merge a contact into itself');
	if (from.role !== 'lead') throw new ApiError(400, 'parameter_invalid', 'from must be a lead');
	if (into.role !== 'user') throw new ApiError(400, 'parameter_invalid', 'into must be a user');
	for (const key of ['name', 'phone', 'avatar', 'last_seen_at', 'browser', 'os', 'language_override'] as const) {
		if (into[key] === null && from[key] !== null) (into as unknown as Record<string, unknown>)[key] = from[key];
	}
	if (!into.email && from.email) into.email = from.email;
	into.custom_attributes = { ...from.custom_attributes, ...into.custom_attributes };
	into.tags = [...into.tags, ...from.tags.filter((a) => !into.tags.some((t) => t.tagId === a.tagId))];
	into.companyIds = [...new Set([...into.companyIds, ...from.companyIds])];
	for (const companyId of from.companyIds) ws.companies.get(companyId)?.contactIds.add(into.id);
	for (const noteId of from.noteIds) {
		const note = ws.notes.get(noteId);
		if (note) note.contactId = into.id;
	}
	into.noteIds = [...into.noteIds, ...from.noteIds];
	for (const conversation of ws.conversations.all()) {
		const i = conversation.contactIds.indexOf(from.id);
		if (i >= 0) conversation.contactIds[i] = into.id;
	}
	removeContact(ws, from);
	ws.indexContact(into);
	ws.changes.record('contact.merged', from.id, ws.now(), { into: into.id });
	touchContact(ws, into, 'contact.updated', { merged_from: from.id });
	return into;
}

export function tagContact(ws: Workspace, contactId: string, tagId: string, adminId: string | null): void {
	const contact = requireContact(ws, contactId);
	if (!ws.tags.has(tagId)) throw notFound('Tag Not Found');
	if (contact.tags.some((t) => t.tagId === tagId)) return;
	contact.tags = [...contact.tags, { tagId, appliedAt: ws.now(), appliedBy: adminId }];
	touchContact(ws, contact, 'contact.tagged', { tag_id: tagId });
}

export function untagContact(ws: Workspace, contactId: string, tagId: string): void {
	const contact = requireContact(ws, contactId);
	if (!ws.tags.has(tagId)) throw notFound('Tag Not Found');
	const before = contact.tags.length;
	contact.tags = contact.tags.filter((t) => t.tagId !== tagId);
	if (contact.tags.length !== before) touchContact(ws, contact, 'contact.untagged', { tag_id: tagId });
}

export function createNote(ws: Workspace, contactId: string, body: string, adminId: string): NoteRecord {
	const contact = requireContact(ws, contactId);
	if (!ws.admins.has(adminId)) throw notFound('Admin Not Found');
	const note: NoteRecord = { id: ws.nextNumericId('note'), created_at: ws.now(), contactId, authorId: adminId, body };
	ws.notes.set(note.id, note);
	contact.noteIds = [...contact.noteIds, note.id];
	ws.changes.record('contact.note.created', contact.id, note.created_at, { note_id: note.id });
	return note;
}

export function attachCompany(ws: Workspace, contactId: string, companyId: string): void {
	const contact = requireContact(ws, contactId);
	const company = ws.companies.get(companyId);
	if (!company) throw notFound('Company Not Found');
	if (!contact.companyIds.includes(company.id)) contact.companyIds = [...contact.companyIds, company.id];
	company.contactIds.add(contact.id);
	touchContact(ws, contact, 'contact.company.attached', { company_id: company.id });
}

export function detachCompany(ws: Workspace, contactId: string, companyId: string): void {
	const contact = requireContact(ws, contactId);
	const company = ws.companies.get(companyId);
	if (!company) throw notFound('Company Not Found');
	if (!contact.companyIds.includes(company.id)) throw notFound('Company is not attached to this contact');
	contact.companyIds = contact.companyIds.filter((id) => id !== company.id);
	company.contactIds.delete(contact.id);
	touchContact(ws, contact, 'contact.company.detached', { company_id: company.id });
}

export function attachSubscription(ws: Workspace, contactId: string, subscriptionId: string, consent: string): void {
	const contact = requireContact(ws, contactId);
	const subscription = ws.subscriptionTypes.get(subscriptionId);
	if (!subscription) throw notFound('Subscription Type Not Found');
	if (consent !== 'opt_in' && consent !== 'opt_out') throw badRequest('consent_type must be opt_in or opt_out');
	contact.subscriptions = new Map(contact.subscriptions ?? []).set(subscription.id, consent);
	touchContact(ws, contact, 'contact.subscription.attached', { subscription_id: subscription.id });
}

export function detachSubscription(ws: Workspace, contactId: string, subscriptionId: string): void {
	const contact = requireContact(ws, contactId);
	if (!ws.subscriptionTypes.has(subscriptionId)) throw notFound('Subscription Type Not Found');
	contact.subscriptions?.delete(subscriptionId);
	touchContact(ws, contact, 'contact.subscription.detached', { subscription_id: subscriptionId });
}
