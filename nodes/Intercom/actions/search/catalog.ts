/**
 * What the search APIs accept: the searchable fields of contacts, conversations and tickets with their
 * types, and which operators each type takes. Shared by the builder (to convert and check values)
 * and the dynamic lists (to offer fields and operators).
 */

export type SearchObject = 'contact' | 'conversation' | 'ticket';

export type SearchFieldType = 'string' | 'integer' | 'float' | 'date' | 'boolean';

type FieldTable = Partial<Record<SearchFieldType, string[]>>;

// From the "Accepted Fields" tables of the 2.14 search docs. Two typos there are corrected to the
// fields' real names: andoid_sdk_version and conversation_rating.admin_d.
const CONTACT_FIELDS: FieldTable = {
	string: [
		'id', 'role', 'name', 'avatar', 'email', 'email_domain', 'phone', 'external_id', 'language_override', 'browser',
		'browser_language', 'os', 'location.country', 'location.region', 'location.city', 'ios_app_version', 'ios_device',
		'ios_app_device', 'ios_os_version', 'ios_app_name', 'ios_sdk_version', 'android_app_version', 'android_device',
		'android_app_name', 'android_sdk_version', 'segment_id', 'tag_id',
	],
	integer: ['owner_id'],
	date: [
		'created_at', 'signed_up_at', 'updated_at', 'last_seen_at', 'last_contacted_at', 'last_replied_at',
		'last_email_opened_at', 'last_email_clicked_at', 'ios_last_seen_at', 'android_last_seen_at',
	],
	boolean: ['unsubscribed_from_emails', 'marked_email_as_spam', 'has_hard_bounced'],
};

const CONVERSATION_FIELDS: FieldTable = {
	string: [
		'id', 'source.type', 'source.id', 'source.delivered_as', 'source.subject', 'source.body', 'source.author.id',
		'source.author.type', 'source.author.name', 'source.author.email', 'source.url', 'contact_ids', 'teammate_ids',
		'channel_initiated', 'state', 'tag_ids', 'priority', 'statistics.last_closed_by_id', 'conversation_rating.remark',
		'conversation_rating.contact_id', 'conversation_rating.admin_id', 'ai_agent.resolution_state',
		'ai_agent.last_answer_type', 'ai_agent.rating_remark', 'ai_agent.source_type', 'ai_agent.source_title',
	],
	integer: [
		'admin_assignee_id', 'team_assignee_id', 'statistics.time_to_assignment', 'statistics.time_to_admin_reply',
		'statistics.time_to_first_close', 'statistics.time_to_last_close', 'statistics.median_time_to_reply',
		'statistics.count_reopens', 'statistics.count_assignments', 'statistics.count_conversation_parts',
		'conversation_rating.score', 'ai_agent.rating',
	],
	date: [
		'created_at', 'updated_at', 'waiting_since', 'snoozed_until', 'statistics.first_contact_reply_at',
		'statistics.first_assignment_at', 'statistics.first_admin_reply_at', 'statistics.first_close_at',
		'statistics.last_assignment_at', 'statistics.last_assignment_admin_reply_at', 'statistics.last_contact_reply_at',
		'statistics.last_admin_reply_at', 'statistics.last_close_at', 'conversation_rating.requested_at',
		'conversation_rating.replied_at',
	],
	boolean: ['open', 'read', 'ai_agent_participated'],
};

// From the "Accepted Fields" table of POST /tickets/search (2.14). `category` takes Intercom's search
// terms: request (Customer), task (Back-office), tracker (Tracker).
const TICKET_FIELDS: FieldTable = {
	string: [
		'id', 'title', 'description', 'category', 'ticket_type_id', 'contact_ids', 'teammate_ids', 'admin_assignee_id',
		'team_assignee_id', 'state',
	],
	date: ['created_at', 'updated_at', 'snoozed_until'],
	boolean: ['open'],
};

function index(table: FieldTable): Map<string, SearchFieldType> {
	return new Map(
		Object.entries(table).flatMap(([type, fields]) => (fields ?? []).map((f) => [f, type as SearchFieldType] as const)),
	);
}

export const SEARCH_FIELDS: Record<SearchObject, Map<string, SearchFieldType>> = {
	contact: index(CONTACT_FIELDS),
	conversation: index(CONVERSATION_FIELDS),
	ticket: index(TICKET_FIELDS),
};

export const CUSTOM_ATTRIBUTE_PREFIX = 'custom_attributes.';

/** Ticket attributes are searched by the attribute's ID: `ticket_attribute.<id>`. */
export const TICKET_ATTRIBUTE_PREFIX = 'ticket_attribute.';

/** The prefix of an object's own attributes in search (custom attributes, or ticket attributes). */
export function attributePrefix(object: SearchObject): string {
	return object === 'ticket' ? TICKET_ATTRIBUTE_PREFIX : CUSTOM_ATTRIBUTE_PREFIX;
}

/** The loadOptions method that lists an object's search fields. */
export const SEARCH_FIELD_METHODS: Record<SearchObject, string> = {
	contact: 'getContactSearchFields',
	conversation: 'getConversationSearchFields',
	ticket: 'getTicketSearchFields',
};

export interface OperatorInfo {
	/** The builder's option value. Not the symbol: n8n reads a parameter value starting with "=" as an expression. */
	value: string;
	/** The operator as the search API spells it. */
	api: string;
	name: string;
	/** Takes a list of values (comma-separated in the builder). */
	list?: boolean;
}

export const OPERATORS: OperatorInfo[] = [
	{ value: 'eq', api: '=', name: 'Equals (=)' },
	{ value: 'ne', api: '!=', name: 'Does Not Equal (!=)' },
	{ value: 'in', api: 'IN', name: 'Is One Of (IN)', list: true },
	{ value: 'nin', api: 'NIN', name: 'Is None Of (NIN)', list: true },
	{ value: 'lt', api: '<', name: 'Less Than (<)' },
	{ value: 'lte', api: '<=', name: 'Less Than or Equal (<=)' },
	{ value: 'gt', api: '>', name: 'Greater Than (>)' },
	{ value: 'gte', api: '>=', name: 'Greater Than or Equal (>=)' },
	{ value: 'contains', api: '~', name: 'Contains (~)' },
	{ value: 'notContains', api: '!~', name: 'Does Not Contain (!~)' },
	{ value: 'startsWith', api: '^', name: 'Starts With (^)' },
	{ value: 'endsWith', api: '$', name: 'Ends With ($)' },
];

/** An operator from the builder (its option value) or typed as the API's symbol. */
export function findOperator(valueOrSymbol: string): OperatorInfo | undefined {
	return OPERATORS.find((o) => o.value === valueOrSymbol || o.api === valueOrSymbol);
}

const BY_TYPE: Record<SearchFieldType, string[]> = {
	string: ['=', '!=', 'IN', 'NIN', '~', '!~', '^', '$'],
	boolean: ['=', '!=', 'IN', 'NIN'],
	integer: ['=', '!=', 'IN', 'NIN', '<', '>', '<=', '>='],
	float: ['=', '!=', 'IN', 'NIN', '<', '>', '<=', '>='],
	// Dates are compared by calendar day in the workspace's time zone; only these three exist.
	date: ['=', '<', '>'],
};

// Ticket search documents `<=` and `>=` on created_at besides the date operators.
const TICKET_CREATED_AT = ['=', '<', '>', '<=', '>='];

/** Operators (API symbols) a field accepts; tag_id is the API's one exception to its type's rule. */
export function operatorsFor(field: string, type: SearchFieldType | undefined, object?: SearchObject): string[] {
	if (field === 'tag_id') return ['=', '!='];
	if (object === 'ticket' && field === 'created_at') return TICKET_CREATED_AT;
	return type ? BY_TYPE[type] : OPERATORS.map((o) => o.api);
}

/** Intercom's limits, checked before sending. */
export const MAX_FILTERS_PER_GROUP = 15;
export const MAX_NESTING = 2;
