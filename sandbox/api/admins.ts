/**
 * Handlers for the Admins-tagged operations plus teams and away status
 * reasons, which admin tooling leans on.
 */
import { badRequest, notFound } from '../errors';
import { pageOfResults, parsePerPage } from '../pagination';
import { requireAdmin } from '../store/conversation-ops';
import type { RouteTable } from './context';
import { str } from './context';
import { presentActivityLog, presentAdmin, presentAwayStatusReason, presentMe, presentTeam } from './present-admins';

function parseEpoch(raw: unknown, name: string): number | undefined {
	if (raw === undefined) return undefined;
	const text = String(raw);
	if (!/^\d+$/.test(text)) throw badRequest(`${name} must be a Unix timestamp`, 'parameter_invalid', name);
	return Number(text);
}

export const adminRoutes: RouteTable = {
	'GET /me': ({ ws }) => presentMe(ws, ws.meAdmin()),
	'GET /admins': ({ ws }) => ({ type: 'admin.list', admins: [...ws.admins.values()].map(presentAdmin) }),
	'GET /admins/{admin_id}': ({ ws, params }) => presentAdmin(requireAdmin(ws, params.admin_id)),
	'PUT /admins/{admin_id}/away': ({ ws, params, body }) => {
		const admin = requireAdmin(ws, params.admin_id);
		const reasonId = body.away_status_reason_id;
		if (reasonId !== undefined && reasonId !== null && !ws.awayStatusReasons.has(String(reasonId))) {
			throw badRequest('Away status reason not found', 'parameter_invalid', 'away_status_reason_id');
		}
		admin.away_mode_enabled = Boolean(body.away_mode_enabled);
		admin.away_mode_reassign = Boolean(body.away_mode_reassign);
		admin.away_status_reason_id = admin.away_mode_enabled && reasonId != null ? Number(reasonId) : null;
		const now = ws.now();
		ws.activityLogs.insert({
			id: ws.nextNumericId('misc'),
			created_at: now,
			adminId: admin.id,
			activity_type: 'admin_away_mode_change',
			activity_description: `${admin.name} changed their away mode.`,
			metadata: { away_mode: admin.away_mode_enabled, reassign_conversations: admin.away_mode_reassign },
		});
		ws.changes.record('admin.away_changed', admin.id, now, {
			away_mode_enabled: admin.away_mode_enabled,
			away_mode_reassign: admin.away_mode_reassign,
			away_status_reason_id: admin.away_status_reason_id,
		});
		return presentAdmin(admin);
	},
	'GET /admins/activity_logs': ({ ws, query }) => {
		const after = parseEpoch(query.created_at_after, 'created_at_after');
		if (after === undefined) throw badRequest('created_at_after is required', 'parameter_invalid', 'created_at_after');
		const before = parseEpoch(query.created_at_before, 'created_at_before') ?? Number.MAX_SAFE_INTEGER;
		// Activity logs are few: filter, then page by (created_at, id) like other cursor lists.
		const inRange = ws.activityLogs.all().filter((l) => l.created_at >= after && l.created_at <= before);
		const page = pageOfResults(inRange, (l) => l.created_at, 'asc', parsePerPage(query.per_page, 20), str(query.starting_after));
		return { type: 'activity_log.list', pages: page.pages, activity_logs: page.items.map((l) => presentActivityLog(ws, l)) };
	},
	'GET /teams': ({ ws }) => ({ type: 'team.list', teams: [...ws.teams.values()].map(presentTeam) }),
	'GET /teams/{team_id}': ({ ws, params }) => {
		const team = ws.teams.get(params.team_id);
		if (!team) throw notFound('Team Not Found');
		return presentTeam(team);
	},
	'GET /away_status_reasons': ({ ws }) => ({
		type: 'list',
		data: [...ws.awayStatusReasons.values()].sort((a, b) => a.order - b.order).map(presentAwayStatusReason),
	}),
};
