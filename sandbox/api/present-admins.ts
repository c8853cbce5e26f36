/**
 * Admin-side presenters: admins, GET /me (admin + app), teams, away status
 * reasons, activity logs.
 */
import type { Workspace } from '../store/workspace';
import type { ActivityLogRecord, AdminRecord, AwayStatusReasonRecord, TeamRecord } from '../store/types';

export function presentAdmin(admin: AdminRecord) {
	return {
		type: 'admin',
		id: admin.id,
		name: admin.name,
		email: admin.email,
		job_title: admin.job_title,
		away_mode_enabled: admin.away_mode_enabled,
		away_mode_reassign: admin.away_mode_reassign,
		away_status_reason_id: admin.away_status_reason_id,
		has_inbox_seat: admin.has_inbox_seat,
		team_ids: admin.team_ids,
		avatar: admin.avatar,
		team_priority_level: { primary_team_ids: admin.team_ids, secondary_team_ids: null },
	};
}

export function presentMe(ws: Workspace, admin: AdminRecord) {
	return {
		type: 'admin',
		id: admin.id,
		email: admin.email,
		email_verified: admin.email_verified,
		name: admin.name,
		job_title: admin.job_title,
		away_mode_enabled: admin.away_mode_enabled,
		away_mode_reassign: admin.away_mode_reassign,
		has_inbox_seat: admin.has_inbox_seat,
		team_ids: admin.team_ids,
		avatar: { type: 'avatar', image_url: admin.avatar },
		app: {
			type: 'app',
			id_code: ws.idCode,
			name: ws.name,
			region: ws.region,
			timezone: ws.timezone,
			created_at: ws.createdAt,
			identity_verification: false,
		},
	};
}

export function presentTeam(team: TeamRecord) {
	return {
		type: 'team',
		id: team.id,
		name: team.name,
		admin_ids: team.admin_ids,
		admin_priority_level: { primary_admin_ids: team.admin_ids, secondary_admin_ids: null },
		assignment_limit: null,
		distribution_method: 'round_robin',
	};
}

export function presentAwayStatusReason(r: AwayStatusReasonRecord) {
	return {
		type: 'away_status_reason',
		id: r.id,
		label: r.label,
		emoji: r.emoji,
		order: r.order,
		deleted: false,
		created_at: r.created_at,
		updated_at: r.updated_at,
	};
}

export function presentActivityLog(ws: Workspace, log: ActivityLogRecord) {
	const admin = ws.admins.get(log.adminId);
	return {
		id: log.id,
		performed_by: { type: 'admin', id: log.adminId, email: admin?.email ?? '', ip: '127.0.0.1' },
		metadata: log.metadata,
		created_at: log.created_at,
		activity_type: log.activity_type,
		activity_description: log.activity_description,
	};
}
