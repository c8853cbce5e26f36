/**
 * Turns contact-side store records (contacts, companies, notes, tags,
 * segments, subscription types) into the JSON shapes of the 2.14 spec.
 */
import type { Workspace } from '../store/workspace';
import type {
	AppliedTag,
	CompanyRecord,
	ContactRecord,
	NoteRecord,
	SegmentRecord,
	SubscriptionTypeRecord,
	TagRecord,
} from '../store/types';
import { presentAdmin } from './present-admins';

/** Embedded relation lists are capped like Intercom's (10 items, then has_more). */
const EMBEDDED_LIMIT = 10;

function embeddedList(type: string, ids: readonly string[], url: string, itemUrl: (id: string) => string) {
	return {
		type: 'list',
		data: ids.slice(0, EMBEDDED_LIMIT).map((id) => ({ type, id, url: itemUrl(id) })),
		url,
		total_count: ids.length,
		has_more: ids.length > EMBEDDED_LIMIT,
	};
}

export function presentContact(ws: Workspace, c: ContactRecord): Record<string, unknown> {
	const base = `/contacts/${c.id}`;
	const optedIn: string[] = [];
	const optedOut: string[] = [];
	for (const [id, consent] of c.subscriptions ?? []) (consent === 'opt_in' ? optedIn : optedOut).push(id);
	return {
		type: 'contact',
		id: c.id,
		workspace_id: ws.idCode,
		external_id: c.external_id,
		role: c.role,
		email: c.email,
		email_domain: c.email.includes('@') ? c.email.slice(c.email.indexOf('@') + 1) : '',
		phone: c.phone,
		name: c.name,
		owner_id: c.owner_id,
		social_profiles: { type: 'list', data: [] },
		has_hard_bounced: c.has_hard_bounced,
		marked_email_as_spam: c.marked_email_as_spam,
		unsubscribed_from_emails: c.unsubscribed_from_emails,
		created_at: c.created_at,
		updated_at: c.updated_at,
		signed_up_at: c.signed_up_at,
		last_seen_at: c.last_seen_at,
		last_replied_at: c.last_replied_at,
		last_contacted_at: c.last_contacted_at,
		last_email_opened_at: c.last_email_opened_at,
		last_email_clicked_at: c.last_email_clicked_at,
		language_override: c.language_override,
		browser: c.browser,
		browser_version: c.browser_version,
		browser_language: c.browser_language,
		os: c.os,
		location: { type: 'location', country: c.location.country, region: c.location.region, city: c.location.city },
		android_app_name: null,
		android_app_version: null,
		android_device: null,
		android_os_version: null,
		android_sdk_version: null,
		android_last_seen_at: null,
		ios_app_name: null,
		ios_app_version: null,
		ios_device: null,
		ios_os_version: null,
		ios_sdk_version: null,
		ios_last_seen_at: null,
		custom_attributes: c.custom_attributes,
		avatar: { type: 'avatar', image_url: c.avatar },
		tags: embeddedList('tag', c.tags.map((t) => t.tagId), `${base}/tags`, (id) => `/tags/${id}`),
		notes: embeddedList('note', c.noteIds, `${base}/notes`, (id) => `/notes/${id}`),
		companies: embeddedList('company', c.companyIds, `${base}/companies`, (id) => `/companies/${id}`),
		opted_out_subscription_types: embeddedList('subscription', optedOut, `${base}/subscriptions`, (id) => `/subscriptions/${id}`),
		opted_in_subscription_types: embeddedList('subscription', optedIn, `${base}/subscriptions`, (id) => `/subscriptions/${id}`),
		utm_campaign: null,
		utm_content: null,
		utm_medium: null,
		utm_source: null,
		utm_term: null,
		referrer: null,
	};
}

/** Single-contact endpoints add `enabled_push_messaging` to the contact. */
export function presentContactDetail(ws: Workspace, c: ContactRecord): Record<string, unknown> {
	return { ...presentContact(ws, c), enabled_push_messaging: null };
}

export function contactReference(c: Pick<ContactRecord, 'id' | 'external_id'>) {
	return { type: 'contact', id: c.id, external_id: c.external_id };
}

export function presentTagBasic(tag: TagRecord) {
	return { type: 'tag', id: tag.id, name: tag.name };
}

export function presentAppliedTag(ws: Workspace, applied: AppliedTag) {
	const tag = ws.tags.get(applied.tagId);
	return {
		type: 'tag',
		id: applied.tagId,
		name: tag?.name ?? '',
		applied_at: applied.appliedAt,
		applied_by: applied.appliedBy ? { type: 'admin', id: applied.appliedBy } : null,
	};
}

export function presentSegment(segment: SegmentRecord, count?: number) {
	const out: Record<string, unknown> = {
		type: 'segment',
		id: segment.id,
		name: segment.name,
		created_at: segment.created_at,
		updated_at: segment.updated_at,
		person_type: segment.person_type,
	};
	if (count !== undefined) out.count = count;
	return out;
}

export function presentCompany(ws: Workspace, company: CompanyRecord) {
	return {
		type: 'company',
		id: company.id,
		company_id: company.company_id,
		app_id: ws.idCode,
		name: company.name,
		created_at: company.created_at,
		updated_at: company.updated_at,
		remote_created_at: company.remote_created_at,
		last_request_at: company.last_request_at,
		monthly_spend: company.monthly_spend,
		session_count: company.session_count,
		user_count: company.contactIds.size,
		size: company.size,
		website: company.website,
		industry: company.industry,
		plan: company.plan ? { type: 'plan', id: String(hashPlan(company.plan)), name: company.plan } : {},
		custom_attributes: company.custom_attributes,
		tags: {
			type: 'tag.list',
			tags: company.tagIds.flatMap((id) => {
				const tag = ws.tags.get(id);
				return tag ? [presentTagBasic(tag)] : [];
			}),
		},
		segments: { type: 'segment.list', segments: [] },
	};
}

function hashPlan(name: string): number {
	let h = 0;
	for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) % 1000000;
	return 100000 + h;
}

export function presentNote(ws: Workspace, note: NoteRecord) {
	const author = ws.admins.get(note.authorId);
	return {
		type: 'note',
		id: note.id,
		created_at: note.created_at,
		contact: { type: 'contact', id: note.contactId },
		author: author ? presentAdmin(author) : null,
		body: note.body,
	};
}

export function presentSubscriptionType(s: SubscriptionTypeRecord) {
	const translation = { name: s.name, description: s.summary, locale: 'en' };
	return {
		type: 'subscription',
		id: s.id,
		state: s.state,
		consent_type: s.consent_type,
		default_translation: translation,
		translations: [translation],
		content_types: s.content_types,
	};
}
