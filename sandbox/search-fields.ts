/**
 * Searchable fields of contacts and conversations (the "Accepted Fields"
 * tables of the 2.14 search endpoints), mapped onto store records.
 */
import type { SearchField, SearchModel } from './search';
import type { Workspace } from './store/workspace';
import type { ContactRecord, ConversationRecord } from './store/types';

type C = ContactRecord;
type V = ConversationRecord;

const nothing = () => null;

function contactFields(ws: Workspace): Record<string, SearchField<C>> {
	const f: Record<string, SearchField<C>> = {
		id: { type: 'string', get: (c) => c.id },
		role: { type: 'string', get: (c) => c.role },
		name: { type: 'string', get: (c) => c.name },
		avatar: { type: 'string', get: (c) => c.avatar },
		owner_id: { type: 'integer', get: (c) => c.owner_id },
		email: { type: 'string', get: (c) => c.email || null },
		email_domain: { type: 'string', get: (c) => (c.email.includes('@') ? c.email.split('@')[1] : null) },
		phone: { type: 'string', get: (c) => c.phone },
		external_id: { type: 'string', get: (c) => c.external_id },
		created_at: { type: 'date', get: (c) => c.created_at },
		signed_up_at: { type: 'date', get: (c) => c.signed_up_at },
		updated_at: { type: 'date', get: (c) => c.updated_at },
		last_seen_at: { type: 'date', get: (c) => c.last_seen_at },
		last_contacted_at: { type: 'date', get: (c) => c.last_contacted_at },
		last_replied_at: { type: 'date', get: (c) => c.last_replied_at },
		last_email_opened_at: { type: 'date', get: (c) => c.last_email_opened_at },
		last_email_clicked_at: { type: 'date', get: (c) => c.last_email_clicked_at },
		language_override: { type: 'string', get: (c) => c.language_override },
		browser: { type: 'string', get: (c) => c.browser },
		browser_language: { type: 'string', get: (c) => c.browser_language },
		os: { type: 'string', get: (c) => c.os },
		'location.country': { type: 'string', get: (c) => c.location.country },
		'location.region': { type: 'string', get: (c) => c.location.region },
		'location.city': { type: 'string', get: (c) => c.location.city },
		unsubscribed_from_emails: { type: 'boolean', get: (c) => c.unsubscribed_from_emails },
		marked_email_as_spam: { type: 'boolean', get: (c) => c.marked_email_as_spam },
		has_hard_bounced: { type: 'boolean', get: (c) => c.has_hard_bounced },
		ios_last_seen_at: { type: 'date', get: nothing },
		android_last_seen_at: { type: 'date', get: nothing },
		tag_id: { type: 'list', get: (c) => c.tags.map((t) => t.tagId), operators: ['=', '!='] },
		segment_id: {
			type: 'list',
			get: (c) => [...ws.segments.values()].filter((s) => s.matches(c)).map((s) => s.id),
		},
		'companies.id': { type: 'list', get: (c) => c.companyIds },
	};
	for (const name of ['ios_app_version', 'ios_device', 'ios_app_device', 'ios_os_version', 'ios_app_name', 'ios_sdk_version', 'android_app_version', 'android_device', 'android_app_name', 'andoid_sdk_version', 'android_sdk_version']) {
		f[name] = { type: 'string', get: nothing };
	}
	return f;
}

function conversationFields(): Record<string, SearchField<V>> {
	const stat = (key: string): ((v: V) => unknown) => (v) => (v.statistics as unknown as Record<string, unknown>)[key] ?? null;
	const f: Record<string, SearchField<V>> = {
		id: { type: 'string', get: (v) => v.id },
		created_at: { type: 'date', get: (v) => v.created_at },
		updated_at: { type: 'date', get: (v) => v.updated_at },
		title: { type: 'string', get: (v) => v.title },
		'source.type': { type: 'string', get: (v) => v.source.type },
		'source.id': { type: 'string', get: (v) => v.source.id },
		'source.delivered_as': { type: 'string', get: (v) => v.source.delivered_as },
		'source.subject': { type: 'string', get: (v) => v.source.subject },
		'source.body': { type: 'words', get: (v) => v.source.body },
		'source.author.id': { type: 'string', get: (v) => v.source.author.id },
		'source.author.type': { type: 'string', get: (v) => v.source.author.type },
		'source.author.name': { type: 'string', get: (v) => v.source.author.name },
		'source.author.email': { type: 'string', get: (v) => v.source.author.email || null },
		'source.url': { type: 'string', get: (v) => v.source.url },
		contact_ids: { type: 'list', get: (v) => v.contactIds },
		teammate_ids: { type: 'list', get: (v) => v.teammateIds },
		admin_assignee_id: { type: 'integer', get: (v) => v.admin_assignee_id },
		team_assignee_id: { type: 'integer', get: (v) => v.team_assignee_id },
		channel_initiated: { type: 'string', get: (v) => v.source.delivered_as },
		open: { type: 'boolean', get: (v) => v.state === 'open' },
		read: { type: 'boolean', get: (v) => v.read },
		state: { type: 'string', get: (v) => v.state },
		waiting_since: { type: 'date', get: (v) => v.waiting_since },
		snoozed_until: { type: 'date', get: (v) => v.snoozed_until },
		tag_ids: { type: 'list', get: (v) => v.tags.map((t) => t.tagId) },
		priority: { type: 'string', get: (v) => v.priority },
		ai_agent_participated: { type: 'boolean', get: () => false },
		'statistics.last_closed_by_id': { type: 'string', get: stat('last_closed_by_id') },
	};
	for (const k of ['time_to_assignment', 'time_to_admin_reply', 'time_to_first_close', 'time_to_last_close', 'median_time_to_reply', 'count_reopens', 'count_assignments', 'count_conversation_parts']) {
		f[`statistics.${k}`] = { type: 'integer', get: stat(k) };
	}
	for (const k of ['first_contact_reply_at', 'first_assignment_at', 'first_admin_reply_at', 'first_close_at', 'last_assignment_at', 'last_assignment_admin_reply_at', 'last_contact_reply_at', 'last_admin_reply_at', 'last_close_at']) {
		f[`statistics.${k}`] = { type: 'date', get: stat(k) };
	}
	for (const k of ['requested_at', 'replied_at']) f[`conversation_rating.${k}`] = { type: 'date', get: nothing };
	f['conversation_rating.score'] = { type: 'integer', get: nothing };
	for (const k of ['remark', 'contact_id', 'admin_id', 'admin_d']) f[`conversation_rating.${k}`] = { type: 'string', get: nothing };
	f['ai_agent.rating'] = { type: 'integer', get: nothing };
	for (const k of ['resolution_state', 'last_answer_type', 'rating_remark', 'source_type', 'source_title']) {
		f[`ai_agent.${k}`] = { type: 'string', get: nothing };
	}
	return f;
}

/** Custom attribute field, typed by the workspace's data attributes (unknown names are not searchable). */
function customField<T extends { custom_attributes: Record<string, unknown> }>(
	ws: Workspace,
	model: 'contact' | 'conversation',
	name: string,
): SearchField<T> | undefined {
	const attribute = ws.dataAttributes.find((a) => a.model === model && a.custom && a.name === name);
	if (!attribute) return undefined;
	const type = attribute.data_type === 'date' ? 'date' : attribute.data_type === 'boolean' ? 'boolean' : attribute.data_type === 'integer' ? 'integer' : 'string';
	return { type, get: (r) => r.custom_attributes[name] ?? null };
}

export function contactSearchModel(ws: Workspace): SearchModel<C> {
	const fields = contactFields(ws);
	return {
		name: 'contact',
		dateMode: 'day',
		timeZone: ws.timezone,
		field: (name) =>
			name.startsWith('custom_attributes.') ? customField<C>(ws, 'contact', name.slice(18)) : fields[name],
	};
}

export function conversationSearchModel(ws: Workspace): SearchModel<V> {
	const fields = conversationFields();
	return {
		name: 'conversation',
		dateMode: 'inclusive-seconds',
		timeZone: ws.timezone,
		field: (name) =>
			name.startsWith('custom_attributes.') ? customField<V>(ws, 'conversation', name.slice(18)) : fields[name],
	};
}
