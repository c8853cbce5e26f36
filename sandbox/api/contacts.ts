/**
 * Handlers for the Contacts-tagged operations of the 2.14 spec (plus the
 * company-attached contacts list).
 */
import { badRequest, notFound } from '../errors';
import { pageOfCollection, pageOfNumbered, pageOfResults, parsePageNumber, parsePerPage, SortValue } from '../pagination';
import { compileQuery, parseSort } from '../search';
import { contactSearchModel } from '../search-fields';
import * as ops from '../store/contact-ops';
import type { ContactRecord } from '../store/types';
import type { Workspace } from '../store/workspace';
import { ApiContext, jsonArray, jsonObject, RouteTable, str } from './context';
import { contactJson } from './contact-json';
import {
	presentAppliedTag,
	presentCompany,
	presentContactDetail,
	presentNote,
	presentSegment,
	presentSubscriptionType,
	presentTagBasic,
} from './present-contacts';

const contactRef = (c: ContactRecord) => ({ type: 'contact', id: c.id, external_id: c.external_id });

function contactInput(body: Record<string, unknown> | undefined): ops.ContactInput {
	return (body ?? {}) as ops.ContactInput;
}

function search(ctx: ApiContext) {
	const { ws, body } = ctx;
	if (!body || typeof body !== 'object') throw badRequest('query is required');
	const model = contactSearchModel(ws);
	const predicate = compileQuery(body.query, model);
	const sort = parseSort(body.sort, model);
	const perPage = parsePerPage(body.pagination?.per_page, 50);
	const nowMs = ws.clock.now();
	const matches: ContactRecord[] = [];
	for (const contact of ws.contacts.all()) {
		if (ws.searchable(contact, nowMs) && predicate(contact)) matches.push(contact);
	}
	const sortField = model.field(sort.field);
	const page = pageOfResults(
		matches,
		(c) => (sortField?.get(c) ?? null) as SortValue,
		sort.order,
		perPage,
		str(body.pagination?.starting_after),
	);
	return contactList(ws, page);
}

/** A contact list envelope built from cached per-contact JSON. */
function contactList(ws: Workspace, page: { items: ContactRecord[]; total: number; pages: unknown }) {
	return jsonObject({ type: 'list', data: jsonArray(page.items.map((c) => contactJson(ws, c))), total_count: page.total, pages: page.pages });
}

export const contactRoutes: RouteTable = {
	'GET /contacts': ({ ws, query }) => {
		return contactList(ws, pageOfCollection(ws.contacts, parsePerPage(query.per_page, 50), str(query.starting_after)));
	},
	'POST /contacts': ({ ws, body }) => presentContactDetail(ws, ops.createContact(ws, contactInput(body))),
	'GET /contacts/{contact_id}': ({ ws, params }) => presentContactDetail(ws, ops.requireContact(ws, params.contact_id)),
	'PUT /contacts/{contact_id}': ({ ws, params, body }) =>
		presentContactDetail(ws, ops.updateContact(ws, params.contact_id, contactInput(body))),
	'DELETE /contacts/{contact_id}': ({ ws, params }) => ({ ...contactRef(ops.deleteContact(ws, params.contact_id)), deleted: true }),
	'GET /contacts/find_by_external_id/{external_id}': ({ ws, params }) => {
		const id = ws.contactsByExternalId.get(params.external_id);
		if (!id) throw notFound('User Not Found');
		return presentContactDetail(ws, ops.requireContact(ws, id));
	},
	'POST /contacts/merge': ({ ws, body }) => presentContactDetail(ws, ops.mergeContacts(ws, String(body.from), String(body.into))),
	'POST /contacts/search': search,
	'POST /contacts/{contact_id}/archive': ({ ws, params }) => ({ ...contactRef(ops.setArchived(ws, params.contact_id, true)), archived: true }),
	'POST /contacts/{contact_id}/unarchive': ({ ws, params }) => ({ ...contactRef(ops.setArchived(ws, params.contact_id, false)), archived: false }),
	'POST /contacts/{contact_id}/block': ({ ws, params }) => ({ ...contactRef(ops.blockContact(ws, params.contact_id)), blocked: true }),

	'GET /contacts/{contact_id}/companies': ({ ws, params, query }) => {
		const contact = ops.requireContact(ws, params.contact_id);
		const perPage = parsePerPage(query.per_page, 50);
		const companies = contact.companyIds.flatMap((id) => ws.companies.get(id) ?? []);
		const page = pageOfNumbered(companies, parsePageNumber(query.page), perPage);
		return {
			type: 'list',
			companies: page.items.map((c) => presentCompany(ws, c)),
			total_count: page.total,
			pages: { ...page.pages, next: null },
		};
	},
	'POST /contacts/{contact_id}/companies': ({ ws, params, body }) => {
		const company = ws.companies.get(String(body.id));
		if (!company) throw notFound('Company Not Found');
		ops.attachCompany(ws, params.contact_id, company.id);
		return presentCompany(ws, company);
	},
	'DELETE /contacts/{contact_id}/companies/{company_id}': ({ ws, params }) => {
		ops.detachCompany(ws, params.contact_id, params.company_id);
		return presentCompany(ws, ws.companies.get(params.company_id)!);
	},
	'GET /companies/{company_id}/contacts': ({ ws, params, query }) => {
		const company = ws.companies.get(params.company_id);
		if (!company) throw notFound('Company Not Found');
		const contacts = [...company.contactIds].flatMap((id) => ws.contacts.get(id) ?? []);
		return contactList(ws, pageOfResults(contacts, (c) => c.created_at, 'asc', parsePerPage(query.per_page, 50), str(query.starting_after)));
	},

	'GET /contacts/{contact_id}/notes': ({ ws, params, query }) => {
		const contact = ops.requireContact(ws, params.contact_id);
		// Newest first, like Intercom.
		const notes = contact.noteIds.flatMap((id) => ws.notes.get(id) ?? []).reverse();
		const page = pageOfNumbered(notes, parsePageNumber(query.page), parsePerPage(query.per_page, 50));
		return { type: 'list', data: page.items.map((n) => presentNote(ws, n)), total_count: page.total, pages: page.pages };
	},
	'POST /contacts/{contact_id}/notes': ({ ws, params, body }) => {
		const adminId = str(body.admin_id) ?? ws.meAdmin().id;
		return presentNote(ws, ops.createNote(ws, params.contact_id, String(body.body), adminId));
	},

	'GET /contacts/{contact_id}/segments': ({ ws, params }) => {
		const contact = ops.requireContact(ws, params.contact_id);
		return { type: 'list', data: [...ws.segments.values()].filter((s) => s.matches(contact)).map((s) => presentSegment(s)) };
	},

	'GET /contacts/{contact_id}/subscriptions': ({ ws, params }) => {
		const contact = ops.requireContact(ws, params.contact_id);
		const data = [...(contact.subscriptions?.keys() ?? [])].flatMap((id) => {
			const s = ws.subscriptionTypes.get(id);
			return s ? [presentSubscriptionType(s)] : [];
		});
		return { type: 'list', data };
	},
	'POST /contacts/{contact_id}/subscriptions': ({ ws, params, body }) => {
		ops.attachSubscription(ws, params.contact_id, String(body.id), String(body.consent_type));
		return presentSubscriptionType(ws.subscriptionTypes.get(String(body.id))!);
	},
	'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}': ({ ws, params }) => {
		ops.detachSubscription(ws, params.contact_id, params.subscription_id);
		return presentSubscriptionType(ws.subscriptionTypes.get(params.subscription_id)!);
	},

	'GET /contacts/{contact_id}/tags': ({ ws, params }) => {
		const contact = ops.requireContact(ws, params.contact_id);
		return { type: 'list', data: contact.tags.filter((t) => ws.tags.has(t.tagId)).map((t) => presentAppliedTag(ws, t)) };
	},
	'POST /contacts/{contact_id}/tags': ({ ws, params, body }) => {
		ops.tagContact(ws, params.contact_id, String(body.id), null);
		const applied = ws.contact(params.contact_id)!.tags.find((t) => t.tagId === String(body.id))!;
		return presentAppliedTag(ws, applied);
	},
	'DELETE /contacts/{contact_id}/tags/{tag_id}': ({ ws, params }) => {
		const tag = ws.tags.get(params.tag_id);
		ops.untagContact(ws, params.contact_id, params.tag_id);
		return presentTagBasic(tag!);
	},
};
