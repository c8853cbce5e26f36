/**
 * Handlers for the workspace data the four main resources lean on: tags,
 * notes, segments, data attributes, subscription types and ticket types
 * (companies: companies.ts).
 */
import { notFound } from '../errors';
import { tagContact } from '../store/contact-ops';
import * as content from '../store/content-ops';
import type { Workspace } from '../store/workspace';
import { Reply, RouteTable, str } from './context';
import { presentNote, presentSegment, presentSubscriptionType, presentTagBasic } from './present-contacts';
import { presentTicketType } from './present-conversations';

/** POST /tags: create/rename, or tag/untag companies, or tag users — by which fields the body has. */
function postTag(ws: Workspace, body: Record<string, any>) { // eslint-disable-line @typescript-eslint/no-explicit-any
	const tag = content.createOrUpdateTag(ws, String(body.name ?? ''), body.companies || body.users ? undefined : str(body.id));
	for (const ref of body.companies ?? []) {
		const company = ref.id ? ws.companies.get(String(ref.id)) : ws.companies.all().find((c) => c.company_id === String(ref.company_id));
		if (!company) throw notFound('Company Not Found');
		company.tagIds = ref.untag ? company.tagIds.filter((id) => id !== tag.id) : [...new Set([...company.tagIds, tag.id])];
		company.updated_at = Math.max(ws.now(), company.updated_at);
	}
	for (const ref of body.users ?? []) {
		if (!ws.contact(String(ref.id))) throw notFound('User Not Found');
		tagContact(ws, String(ref.id), tag.id, null);
	}
	return presentTagBasic(tag);
}

export const workspaceDataRoutes: RouteTable = {
	'GET /tags': ({ ws }) => ({ type: 'list', data: [...ws.tags.values()].map(presentTagBasic) }),
	'POST /tags': ({ ws, body }) => postTag(ws, body),
	'GET /tags/{tag_id}': ({ ws, params }) => {
		const tag = ws.tags.get(params.tag_id);
		if (!tag) throw notFound('Tag Not Found');
		return presentTagBasic(tag);
	},
	'DELETE /tags/{tag_id}': ({ ws, params }) => {
		content.deleteTag(ws, params.tag_id);
		return new Reply(200, undefined);
	},
	'GET /notes/{note_id}': ({ ws, params }) => {
		const note = ws.notes.get(params.note_id);
		if (!note) throw notFound('Note Not Found');
		return presentNote(ws, note);
	},
	'GET /segments': ({ ws, query }) => {
		const contacts = query.include_count === true ? ws.contacts.all() : undefined;
		return {
			type: 'segment.list',
			segments: [...ws.segments.values()].map((s) => presentSegment(s, contacts ? contacts.filter((c) => s.matches(c)).length : undefined)),
			pages: {},
		};
	},
	'GET /segments/{segment_id}': ({ ws, params }) => {
		const segment = ws.segments.get(params.segment_id);
		if (!segment) throw notFound('Segment Not Found');
		return presentSegment(segment);
	},
	'GET /data_attributes': ({ ws, query }) => {
		const model = query.model === undefined ? undefined : String(query.model);
		const data = ws.dataAttributes
			.filter((a) => (model === undefined ? a.model !== 'conversation' : a.model === model))
			.filter((a) => query.include_archived === true || !a.archived)
			.map((a) => {
				const out: Record<string, unknown> = {
					type: 'data_attribute',
					id: a.id,
					model: a.model,
					name: a.name,
					full_name: a.full_name,
					label: a.label,
					description: a.description,
					data_type: a.data_type,
					api_writable: a.api_writable,
					ui_writable: true,
					messenger_writable: false,
					custom: a.custom,
					archived: a.archived,
					created_at: a.created_at,
					updated_at: a.updated_at,
				};
				if (a.options) out.options = a.options;
				return out;
			});
		return { type: 'list', data };
	},
	'GET /subscription_types': ({ ws }) => ({ type: 'list', data: [...ws.subscriptionTypes.values()].map(presentSubscriptionType) }),
	'GET /ticket_types': ({ ws }) => ({ type: 'list', data: [...ws.ticketTypes.keys()].map((id) => presentTicketType(ws, id)) }),
	'GET /ticket_types/{ticket_type_id}': ({ ws, params }) => {
		const type = presentTicketType(ws, params.ticket_type_id);
		if (!type) throw notFound('Ticket Type Not Found');
		return type;
	},
};
