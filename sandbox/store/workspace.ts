/**
 * One Intercom workspace ("app"): every collection the sandbox serves plus
 * the clock, id generators and change log its mutations share. Mutations
 * live in the *-ops.ts modules next to this file; this class only holds
 * state and the small helpers they all need.
 */
import { SandboxClock } from '../clock';
import { Prng, hashString } from '../prng';
import { ChangeLog } from './change-log';
import type { ContactEvents } from './event-ops';
import { OrderedCollection } from './ordered-collection';
import type {
	ActivityLogRecord,
	AdminRecord,
	ArticleRecord,
	AwayStatusReasonRecord,
	CompanyRecord,
	ContactRecord,
	ConversationRecord,
	DataAttributeRecord,
	HelpCenterRecord,
	NoteRecord,
	SegmentRecord,
	SubscriptionTypeRecord,
	TagRecord,
	TeamRecord,
	JobRecord,
	TicketRecord,
	TicketStateRecord,
	TicketTypeRecord,
	CollectionRecord,
	NewsfeedRecord,
	NewsItemRecord,
} from './types';
import type { VisitorRecord } from './visitor-ops';
import { CustomObjectStore } from './custom-object-ops';
import { FinStore } from './fin-ops';
import { IpAllowlist } from './ip-allowlist';
import { MediaStore } from './media-ops';
import { KnowledgeStore } from './knowledge-ops';

export interface WorkspaceOptions {
	/** Short app id (Intercom's `id_code`), also the `workspace_id` of records. */
	idCode: string;
	name?: string;
	/** IANA zone used for contact-search day truncation and GET /me. */
	timezone?: string;
	region?: string;
	clock?: SandboxClock;
	/** Seconds before a newly created contact becomes visible to search. */
	searchDelaySeconds?: number;
}

/** Numeric id sequences per object kind (Intercom returns these as strings). */
type Sequence = 'admin' | 'team' | 'conversation' | 'part' | 'article' | 'tag' | 'note' | 'ticket' | 'misc' | 'collection' | 'newsItem' | 'newsfeed';

const SEQUENCE_STARTS: Record<Sequence, number> = {
	admin: 991267400,
	team: 814860,
	conversation: 100000000001,
	part: 20000000001,
	article: 9100001,
	tag: 710001,
	note: 3300001,
	ticket: 500001,
	misc: 1001,
	collection: 14000001,
	newsItem: 301,
	newsfeed: 51,
};

export class Workspace {
	readonly idCode: string;
	name: string;
	timezone: string;
	region: string;
	readonly createdAt: number;
	readonly clock: SandboxClock;
	readonly changes = new ChangeLog();
	searchDelaySeconds: number;

	readonly admins = new Map<string, AdminRecord>();
	readonly teams = new Map<string, TeamRecord>();
	readonly tags = new Map<string, TagRecord>();
	readonly contacts = new OrderedCollection<ContactRecord>();
	/** external_id -> contact id, for find_by_external_id and uniqueness. */
	readonly contactsByExternalId = new Map<string, string>();
	/** lower-cased email -> contact ids (several leads may share one). */
	readonly contactsByEmail = new Map<string, string[]>();
	readonly companies = new OrderedCollection<CompanyRecord>();
	readonly notes = new Map<string, NoteRecord>();
	readonly conversations = new OrderedCollection<ConversationRecord>();
	readonly articles = new Map<string, ArticleRecord>();
	readonly segments = new Map<string, SegmentRecord>();
	readonly subscriptionTypes = new Map<string, SubscriptionTypeRecord>();
	readonly helpCenters = new Map<string, HelpCenterRecord>();
	readonly ticketTypes = new Map<string, TicketTypeRecord>();
	readonly tickets = new Map<string, TicketRecord>();
	readonly ticketStates = new Map<string, TicketStateRecord>();
	readonly jobs = new Map<string, JobRecord>();
	readonly awayStatusReasons = new Map<string, AwayStatusReasonRecord>();
	readonly dataAttributes: DataAttributeRecord[] = [];
	readonly activityLogs = new OrderedCollection<ActivityLogRecord>();
	/** contact id -> the data events submitted for it and their per-name summaries. */
	readonly dataEvents = new Map<string, ContactEvents>();
	readonly visitors = new Map<string, VisitorRecord>();
	readonly collections = new Map<string, CollectionRecord>();
	readonly newsfeeds = new Map<string, NewsfeedRecord>();
	readonly newsItems = new Map<string, NewsItemRecord>();
	/** Internal articles and the Fin Content Library (content import sources, external pages). */
	readonly knowledge = new KnowledgeStore();
	/** The admin GET /me answers for (the token's owner). */
	meAdminId = '';
	readonly customObjects = new CustomObjectStore();
	readonly fin = new FinStore();
	readonly ipAllowlist = new IpAllowlist();
	/** The Messenger links texted by POST /phone_call_redirects. */
	readonly phoneRedirects: Array<{ phone: string; url: string; at: number }> = [];
	/** Files, calls and export jobs (media-ops.ts). */
	readonly media = new MediaStore();

	private readonly sequences = { ...SEQUENCE_STARTS };
	private objectIdCounter = 0;
	private readonly machineHex: string;
	readonly random: Prng;

	constructor(options: WorkspaceOptions) {
		this.idCode = options.idCode;
		this.name = options.name ?? `Sandbox ${options.idCode}`;
		this.timezone = options.timezone ?? 'America/New_York';
		this.region = options.region ?? 'US';
		this.clock = options.clock ?? new SandboxClock();
		this.searchDelaySeconds = options.searchDelaySeconds ?? 0;
		this.createdAt = 1577836800; // 2020-01-01, before any seeded record
		this.random = new Prng(hashString(`ids:${options.idCode}`));
		this.machineHex = this.random.hex(10);
	}

	now(): number {
		return this.clock.nowSeconds();
	}

	nextNumericId(kind: Sequence): string {
		return String(this.sequences[kind]++);
	}

	/** A Mongo-style 24-hex id whose first 8 hex digits are the creation second. */
	nextObjectId(createdAtSeconds: number = this.now()): string {
		this.objectIdCounter = (this.objectIdCounter + 1) % 0x1000000;
		const time = (createdAtSeconds >>> 0).toString(16).padStart(8, '0');
		return `${time}${this.machineHex}${this.objectIdCounter.toString(16).padStart(6, '0')}`;
	}

	// --- lookups used across ops and handlers -------------------------------------------

	contact(id: string): ContactRecord | undefined {
		return this.contacts.get(id);
	}

	contactByEmail(email: string): ContactRecord | undefined {
		const ids = this.contactsByEmail.get(email.toLowerCase()) ?? [];
		for (const id of ids) {
			const c = this.contacts.get(id);
			if (c) return c;
		}
		return undefined;
	}

	indexContact(contact: ContactRecord): void {
		if (contact.external_id) this.contactsByExternalId.set(contact.external_id, contact.id);
		if (contact.email) {
			const key = contact.email.toLowerCase();
			const ids = this.contactsByEmail.get(key);
			if (!ids) this.contactsByEmail.set(key, [contact.id]);
			else if (!ids.includes(contact.id)) ids.push(contact.id);
		}
	}

	unindexContact(contact: ContactRecord): void {
		if (contact.external_id && this.contactsByExternalId.get(contact.external_id) === contact.id) {
			this.contactsByExternalId.delete(contact.external_id);
		}
		if (contact.email) {
			const key = contact.email.toLowerCase();
			const ids = this.contactsByEmail.get(key)?.filter((id) => id !== contact.id);
			if (ids && ids.length > 0) this.contactsByEmail.set(key, ids);
			else this.contactsByEmail.delete(key);
		}
	}

	/**
	 * Intercom only stores custom attributes that exist as data attributes; the
	 * sandbox creates them on first write (typed from the value) so they are
	 * listed by GET /data_attributes and searchable.
	 */
	registerCustomAttributes(model: 'contact' | 'conversation' | 'company', attrs: Record<string, unknown> | null | undefined): void {
		for (const [name, value] of Object.entries(attrs ?? {})) {
			if (value === null || value === undefined) continue;
			if (this.dataAttributes.some((a) => a.model === model && a.custom && a.name === name)) continue;
			const now = this.now();
			this.dataAttributes.push({
				id: this.dataAttributes.length + 1,
				model,
				name,
				full_name: `custom_attributes.${name}`,
				label: name,
				description: '',
				data_type: typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'float') : 'string',
				custom: true,
				archived: false,
				api_writable: true,
				created_at: now,
				updated_at: now,
			});
		}
	}

	/** Whether search already "sees" a contact (Intercom indexes new contacts with a delay). */
	searchable(contact: ContactRecord, nowMs: number = this.clock.now()): boolean {
		return contact.createdMs + this.searchDelaySeconds * 1000 <= nowMs;
	}

	meAdmin(): AdminRecord {
		const admin = this.admins.get(this.meAdminId) ?? this.admins.values().next().value;
		if (!admin) throw new Error(`workspace ${this.idCode} has no admins`);
		return admin;
	}

	/** Empties every collection (ids keep counting so old ids are never reused). */
	clear(): void {
		this.admins.clear();
		this.teams.clear();
		this.tags.clear();
		this.contacts.clear();
		this.contactsByExternalId.clear();
		this.contactsByEmail.clear();
		this.companies.clear();
		this.notes.clear();
		this.conversations.clear();
		this.articles.clear();
		this.segments.clear();
		this.subscriptionTypes.clear();
		this.helpCenters.clear();
		this.ticketTypes.clear();
		this.tickets.clear();
		this.ticketStates.clear();
		this.jobs.clear();
		this.awayStatusReasons.clear();
		this.dataAttributes.length = 0;
		this.activityLogs.clear();
		this.dataEvents.clear();
		this.visitors.clear();
		this.knowledge.clear();
		this.changes.clear();
		this.meAdminId = '';
		this.customObjects.clear();
		this.fin.clear();
		this.ipAllowlist.clear();
		this.phoneRedirects.length = 0;
		this.media.clear();
		this.collections.clear();
		this.newsfeeds.clear();
		this.newsItems.clear();
	}
}
