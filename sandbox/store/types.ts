/**
 * Records the workspace store keeps. Fields that Intercom returns verbatim are
 * stored with Intercom's names; relations (tags, companies, notes...) are kept
 * as id lists and expanded by the presenters in sandbox/api/present.ts.
 */

export interface AdminRecord {
	id: string;
	name: string;
	email: string;
	job_title: string;
	avatar: string | null;
	away_mode_enabled: boolean;
	away_mode_reassign: boolean;
	away_status_reason_id: number | null;
	has_inbox_seat: boolean;
	team_ids: number[];
	email_verified: boolean;
}

export interface TeamRecord {
	id: string;
	name: string;
	admin_ids: number[];
}

export interface TagRecord {
	id: string;
	name: string;
	created_at: number;
}

export interface AppliedTag {
	tagId: string;
	appliedAt: number;
	appliedBy: string | null;
}

export type ContactRole = 'user' | 'lead';

export interface ContactRecord {
	id: string;
	created_at: number;
	updated_at: number;
	/** Millisecond creation time; search visibility is measured from it. */
	createdMs: number;
	role: ContactRole;
	external_id: string | null;
	email: string;
	phone: string | null;
	name: string | null;
	avatar: string | null;
	owner_id: number | null;
	has_hard_bounced: boolean;
	marked_email_as_spam: boolean;
	unsubscribed_from_emails: boolean;
	signed_up_at: number | null;
	last_seen_at: number | null;
	last_replied_at: number | null;
	last_contacted_at: number | null;
	last_email_opened_at: number | null;
	last_email_clicked_at: number | null;
	language_override: string | null;
	browser: string | null;
	browser_version: string | null;
	browser_language: string | null;
	os: string | null;
	location: { country: string | null; region: string | null; city: string | null };
	custom_attributes: Record<string, unknown>;
	// Relation lists are replaced, never mutated, so seeded contacts can share one frozen empty array.
	tags: readonly AppliedTag[];
	companyIds: readonly string[];
	noteIds: readonly string[];
	/** subscription type id -> consent given; null until the first subscription (saves memory at 100k contacts). */
	subscriptions: Map<string, 'opt_in' | 'opt_out'> | null;
	archived: boolean;
	blocked: boolean;
}

export interface CompanyRecord {
	id: string;
	created_at: number;
	updated_at: number;
	company_id: string;
	name: string;
	plan: string | null;
	size: number;
	website: string;
	industry: string;
	monthly_spend: number;
	session_count: number;
	remote_created_at: number;
	last_request_at: number;
	custom_attributes: Record<string, string>;
	tagIds: string[];
	contactIds: Set<string>;
}

export interface NoteRecord {
	id: string;
	created_at: number;
	contactId: string;
	authorId: string;
	body: string;
}

export type PartType =
	| 'comment'
	| 'note'
	| 'quick_reply'
	| 'assignment'
	| 'close'
	| 'open'
	| 'snoozed'
	| 'participant_added'
	| 'participant_removed';

export interface PartAuthor {
	type: 'admin' | 'user' | 'lead' | 'bot' | 'team';
	id: string;
	name: string | null;
	email: string;
}

export interface PartRecord {
	id: string;
	part_type: PartType;
	body: string | null;
	created_at: number;
	updated_at: number;
	author: PartAuthor;
	assigned_to: { type: 'admin' | 'team'; id: string } | null;
	redacted: boolean;
	state: 'open' | 'closed' | 'snoozed';
	attachments?: PartAttachment[];
}

export type ConversationState = 'open' | 'closed' | 'snoozed';

export interface ConversationStatistics {
	first_contact_reply_at?: number;
	first_assignment_at?: number;
	first_admin_reply_at?: number;
	first_close_at?: number;
	last_assignment_at?: number;
	last_assignment_admin_reply_at?: number;
	last_contact_reply_at?: number;
	last_admin_reply_at?: number;
	last_close_at?: number;
	last_closed_by_id?: string;
	count_reopens: number;
	count_assignments: number;
	count_conversation_parts: number;
}

export interface ConversationRecord {
	id: string;
	created_at: number;
	updated_at: number;
	title: string | null;
	state: ConversationState;
	read: boolean;
	priority: 'priority' | 'not_priority';
	waiting_since: number | null;
	snoozed_until: number | null;
	admin_assignee_id: number | null;
	team_assignee_id: number | null;
	contactIds: string[];
	teammateIds: string[];
	tags: AppliedTag[];
	source: {
		id: string;
		type: 'conversation' | 'email' | 'push' | 'twitter' | 'facebook';
		delivered_as: string;
		subject: string;
		body: string;
		author: PartAuthor;
		url: string | null;
		redacted: boolean;
	};
	custom_attributes: Record<string, string | number>;
	parts: PartRecord[];
	statistics: ConversationStatistics;
	first_contact_reply: { created_at: number; type: string; url: string | null } | null;
	companyId: string | null;
	ticketId: string | null;
}

export interface ArticleContent {
	title: string;
	description: string;
	body: string;
	author_id: number;
	state: 'published' | 'draft';
	created_at: number;
	updated_at: number;
}

export interface ArticleRecord {
	id: string;
	created_at: number;
	updated_at: number;
	title: string;
	description: string;
	body: string;
	author_id: number;
	state: 'published' | 'draft';
	parent_id: number | null;
	parent_type: string | null;
	help_center_id: number;
	default_locale: string;
	/** Other locales; the default locale mirrors the top-level fields. */
	translations: Record<string, ArticleContent>;
	tagIds: string[];
	views: number;
	reactions: number;
}

export interface SegmentRecord {
	id: string;
	name: string;
	created_at: number;
	updated_at: number;
	person_type: 'user' | 'contact';
	/** Membership rule; evaluated on demand so segments follow contact changes. */
	matches: (contact: ContactRecord) => boolean;
}

export interface SubscriptionTypeRecord {
	id: string;
	state: 'live' | 'draft' | 'archived';
	consent_type: 'opt_out' | 'opt_in';
	name: string;
	summary: string;
	content_types: ('email' | 'sms_message')[];
}

export interface HelpCenterRecord {
	id: string;
	created_at: number;
	updated_at: number;
	identifier: string;
	display_name: string;
	website_turned_on: boolean;
}

export type TicketCategory = 'Customer' | 'Back-office' | 'Tracker';

/** A ticket type's attribute; the optional fields default as Intercom's do (see ticket-ops.ts). */
export interface TicketTypeAttributeRecord {
	id: string;
	name: string;
	data_type: string;
	required: boolean;
	description?: string;
	/** For `list` attributes: the choices. */
	list_items?: string[];
	multiline?: boolean;
	allow_multiple_values?: boolean;
	required_to_create_for_contacts?: boolean;
	visible_on_create?: boolean;
	visible_to_contacts?: boolean;
	archived?: boolean;
	created_at?: number;
	updated_at?: number;
}

export interface TicketTypeRecord {
	id: string;
	name: string;
	description: string;
	category: TicketCategory;
	icon: string;
	created_at: number;
	updated_at: number;
	attributes: TicketTypeAttributeRecord[];
	archived?: boolean;
	is_internal?: boolean;
}

export type TicketStateCategory = 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved';

export interface TicketStateRecord {
	id: string;
	category: TicketStateCategory;
	internal_label: string;
	external_label: string;
	/** The ticket types that use this state. */
	ticketTypeIds: string[];
	archived: boolean;
}

export interface TicketPartRecord {
	id: string;
	part_type: string;
	body: string | null;
	created_at: number;
	updated_at: number;
	author: PartAuthor;
	assigned_to: { type: 'admin' | 'team' | 'nobody_admin'; id: string } | null;
	previous_ticket_state?: TicketStateCategory;
	ticket_state?: TicketStateCategory;
	updated_attribute_data?: { attribute: { type: 'attribute'; id: string; label: string }; value: { type: 'value'; id: string | null; label: string } };
	attachments?: PartAttachment[];
}

export interface TicketRecord {
	id: string;
	/** The number the Inbox shows (#12). */
	ticket_id: string;
	ticketTypeId: string;
	ticketStateId: string;
	/** A conversation the ticket was converted from or linked to, if any. */
	conversationId: string | null;
	created_at: number;
	updated_at: number;
	attributes: Record<string, unknown>;
	contactIds: string[];
	companyId: string | null;
	admin_assignee_id: string | null;
	team_assignee_id: string | null;
	open: boolean;
	snoozed_until: number | null;
	is_shared: boolean;
	tags: AppliedTag[];
	parts: TicketPartRecord[];
}

/** A background job (POST /tickets/enqueue): runs at the first request at or after `runAt`. */
export interface JobRecord {
	id: string;
	created_at: number;
	runAt: number;
	status: 'pending' | 'success' | 'failed';
	resource_type: 'ticket';
	resource_id: string | null;
	/** The create request the job carries out. */
	request: Record<string, unknown>;
	error?: string;
}

export interface AwayStatusReasonRecord {
	id: string;
	label: string;
	emoji: string;
	order: number;
	created_at: number;
	updated_at: number;
}

export interface DataAttributeRecord {
	id: number;
	model: 'contact' | 'company' | 'conversation';
	name: string;
	full_name: string;
	label: string;
	description: string;
	data_type: 'string' | 'integer' | 'float' | 'boolean' | 'date';
	options?: string[];
	custom: boolean;
	archived: boolean;
	api_writable: boolean;
	/** Whether the Messenger may set it; only attributes created through the API say so. */
	messenger_writable?: boolean;
	/** The admin who created it through the API. */
	admin_id?: string;
	created_at: number;
	updated_at: number;
}

export interface ActivityLogRecord {
	id: string;
	created_at: number;
	adminId: string;
	activity_type: string;
	activity_description: string;
	metadata: Record<string, unknown>;
}

import type { PartAttachment } from './media-ops';
/** A Help Center collection; a collection with a parent is nested in it (a section). */
export interface CollectionRecord {
	id: string;
	created_at: number;
	updated_at: number;
	name: string;
	description: string | null;
	icon: string;
	order: number;
	parent_id: string | null;
	/** The help center it is in; nested collections are in their parent's. */
	help_center_id: number;
	/** Other locales than the default (`en`), as group_content: name and description. */
	translations: Record<string, { name?: string; description?: string }>;
}

export interface NewsfeedRecord {
	id: string;
	name: string;
	created_at: number;
	updated_at: number;
}

export interface NewsItemRecord {
	id: string;
	created_at: number;
	updated_at: number;
	title: string;
	body: string;
	sender_id: number;
	state: 'draft' | 'live';
	labels: string[];
	reactions: (string | null)[];
	deliver_silently: boolean;
	cover_image_url: string | null;
	/** The feeds it is assigned to; `published_at` is set once the item is live. */
	newsfeed_assignments: { newsfeed_id: number; published_at: number | null }[];
}
