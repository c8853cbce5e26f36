/** Handlers for the Visitors operations: get by user_id, update, convert into a contact. */
import { badRequest } from '../errors';
import { convertVisitor, findVisitor, updateVisitor, type VisitorRecord } from '../store/visitor-ops';
import type { Workspace } from '../store/workspace';
import { presentContactDetail } from './present-contacts';
import { str, type RouteTable } from './context';

function presentVisitor(ws: Workspace, v: VisitorRecord) {
	return {
		type: 'visitor',
		id: v.id,
		user_id: v.user_id,
		anonymous: v.email === '' && v.name === null,
		email: v.email,
		phone: v.phone,
		name: v.name,
		pseudonym: v.pseudonym,
		avatar: { type: 'avatar', image_url: null },
		app_id: ws.idCode,
		companies: { type: 'company.list', companies: [] },
		location_data: {},
		last_request_at: null,
		created_at: v.created_at,
		remote_created_at: v.created_at,
		signed_up_at: v.created_at,
		updated_at: v.updated_at,
		session_count: v.session_count,
		social_profiles: { type: 'social_profile.list', social_profiles: [] },
		owner_id: null,
		unsubscribed_from_emails: false,
		marked_email_as_spam: false,
		has_hard_bounced: false,
		tags: { type: 'tag.list', tags: [] },
		segments: { type: 'segment.list', segments: [] },
		custom_attributes: v.custom_attributes,
		referrer: null,
		utm_campaign: null,
		utm_content: null,
		utm_medium: null,
		utm_source: null,
		utm_term: null,
		do_not_track: null,
	};
}

export const visitorRoutes: RouteTable = {
	'GET /visitors': ({ ws, query }) => {
		const userId = str(query.user_id);
		if (!userId) throw badRequest('user_id is required', 'parameter_not_found', 'user_id');
		return presentVisitor(ws, findVisitor(ws, { user_id: userId }));
	},
	'PUT /visitors': ({ ws, body }) => presentVisitor(ws, updateVisitor(ws, body ?? {})),
	'POST /visitors/convert': ({ ws, body }) => presentContactDetail(ws, convertVisitor(ws, body ?? {})),
};
