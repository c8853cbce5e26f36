/**
 * Deterministic seed data: the same options always give the same workspace.
 * Records are generated in creation order so collections append without
 * re-sorting; 100,000 contacts seed in well under a few seconds.
 */
import { Prng } from './prng';
import { blankContact } from './store/contact-ops';
import { seedConversations } from './seed-conversations';
import { seedReferenceData } from './seed-reference';
import { seedVisitorsAndEvents } from './seed-visitors';
import { seedTickets } from './seed-tickets';
import { seedCustomObjects } from './store/custom-object-ops';
import { seedHelpCenterAndNews } from './seed-help-center-news';
import { seedKnowledge } from './seed-knowledge';
import { BROWSERS, DOMAINS, FIRST_NAMES, INDUSTRIES, LAST_NAMES, LOCATIONS, OSES, PLANS, SIGNUP_SOURCES } from './seed-names';
import type { Workspace } from './store/workspace';
import type { CompanyRecord, ContactRecord, NoteRecord } from './store/types';
import { seedCalls } from './store/media-ops';

export interface SeedOptions {
	/** PRNG seed; same seed + sizes = same data. Default 1. */
	seed?: number;
	admins?: number;
	teams?: number;
	contacts?: number;
	/** Share of contacts that are leads (0..1). Default 0.3. */
	leadRatio?: number;
	companies?: number;
	conversations?: number;
	/** Max parts per seeded conversation (min 1). Default 6. */
	maxParts?: number;
	articles?: number;
	tickets?: number;
	tags?: number;
	/** Share of contacts with a note. Default 0.1. */
	noteRatio?: number;
	/** Anonymous Messenger visitors. Default 8. */
	visitors?: number;
	/** Records are created between endAt - spanSeconds and endAt. Defaults: 365 days, now - 1 hour. */
	spanSeconds?: number;
	endAt?: number;
}

export const DEFAULT_SEED: Required<Omit<SeedOptions, 'endAt'>> = {
	seed: 1,
	admins: 6,
	teams: 3,
	contacts: 200,
	leadRatio: 0.3,
	companies: 20,
	conversations: 60,
	maxParts: 6,
	articles: 24,
	tickets: 12,
	tags: 12,
	noteRatio: 0.1,
	visitors: 8,
	spanSeconds: 365 * 24 * 3600,
};

/** Fills `ws` with seed data (the change log is paused: seeding is not activity). */
export function seedWorkspace(ws: Workspace, options: SeedOptions = {}): void {
	const o = { ...DEFAULT_SEED, ...options };
	const endAt = options.endAt ?? ws.now() - 3600;
	const startAt = endAt - o.spanSeconds;
	const rng = new Prng(o.seed);
	ws.changes.paused = true;
	try {
		seedReferenceData(ws, rng, { admins: o.admins, teams: o.teams, tags: o.tags, articles: o.articles, startAt, endAt });
		const companies = seedCompanies(ws, rng, o.companies, startAt, endAt);
		seedContacts(ws, rng, o, companies, startAt, endAt);
		seedConversations(ws, rng, { count: o.conversations, maxParts: o.maxParts, startAt, endAt });
		seedVisitorsAndEvents(ws, o.seed, { visitors: o.visitors, endAt });
		seedTickets(ws, rng, { count: o.tickets, startAt, endAt });
		seedCustomObjects(ws);
		seedCalls(ws);
		seedHelpCenterAndNews(ws, o.seed, startAt, endAt);
		seedKnowledge(ws, o.seed, { endAt });
	} finally {
		ws.changes.paused = false;
	}
}

const LOCATION_OBJECTS = LOCATIONS.map(([country, region, city]) => Object.freeze({ country, region, city }));
const emailLocals = new Map<string, string>();

/** ASCII local part for an email address ("Zoë O'Brien" -> "zoe.obrien"), memoised. */
function emailLocal(first: string, last: string): string {
	const key = `${first} ${last}`;
	let local = emailLocals.get(key);
	if (local === undefined) {
		local = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
		emailLocals.set(key, local);
	}
	return local;
}

function seedCompanies(ws: Workspace, rng: Prng, count: number, startAt: number, endAt: number): CompanyRecord[] {
	const out: CompanyRecord[] = [];
	const step = Math.max(1, Math.floor((endAt - startAt) / Math.max(1, count)));
	const tagIds = [...ws.tags.keys()];
	for (let i = 0; i < count; i++) {
		const createdAt = startAt + i * step;
		const name = `${rng.pick(LAST_NAMES)} ${rng.pick(['Labs', 'Group', 'Systems', 'Partners', 'Goods'])} ${i + 1}`;
		const company: CompanyRecord = {
			id: ws.nextObjectId(createdAt),
			created_at: createdAt,
			updated_at: createdAt + rng.int(0, endAt - createdAt),
			company_id: `company-${i + 1}`,
			name,
			plan: rng.pick(PLANS),
			size: rng.int(1, 5000),
			website: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`,
			industry: rng.pick(INDUSTRIES),
			monthly_spend: rng.int(0, 20000),
			session_count: rng.int(0, 500),
			remote_created_at: createdAt - rng.int(0, 86400 * 30),
			last_request_at: endAt - rng.int(0, 86400 * 30),
			custom_attributes: { account_tier: rng.pick(['bronze', 'silver', 'gold']) },
			tagIds: rng.chance(0.3) && tagIds.length > 0 ? [rng.pick(tagIds)] : [],
			contactIds: new Set(),
		};
		ws.companies.insert(company);
		out.push(company);
	}
	return out;
}

function seedContacts(
	ws: Workspace,
	rng: Prng,
	o: typeof DEFAULT_SEED,
	companies: CompanyRecord[],
	startAt: number,
	endAt: number,
): void {
	const admins = [...ws.admins.values()];
	const tagIds = [...ws.tags.keys()];
	const subscriptionIds = [...ws.subscriptionTypes.keys()];
	const span = endAt - startAt;
	for (let i = 0; i < o.contacts; i++) {
		// Evenly spread, slightly jittered, never decreasing: append-only insertion.
		const createdAt = startAt + Math.floor((span * i) / Math.max(1, o.contacts));
		const contact: ContactRecord = blankContact(ws, createdAt, createdAt * 1000);
		const first = rng.pick(FIRST_NAMES);
		const last = rng.pick(LAST_NAMES);
		const isLead = rng.chance(o.leadRatio);
		contact.role = isLead ? 'lead' : 'user';
		contact.name = isLead && rng.chance(0.4) ? null : `${first} ${last}`;
		const local = emailLocal(first, last);
		contact.email = isLead && rng.chance(0.2) ? '' : `${local}.${i + 1}@${rng.pick(DOMAINS)}`;
		contact.external_id = isLead ? null : `user-${i + 1}`;
		contact.phone = rng.chance(0.3) ? `+1555${String(rng.int(0, 9999999)).padStart(7, '0')}` : null;
		contact.owner_id = admins.length > 0 && rng.chance(0.3) ? Number(rng.pick(admins).id) : null;
		contact.updated_at = createdAt + rng.int(0, endAt - createdAt);
		contact.signed_up_at = isLead ? null : createdAt;
		contact.last_seen_at = rng.chance(0.8) ? createdAt + rng.int(0, endAt - createdAt) : null;
		contact.browser = rng.pick(BROWSERS);
		contact.browser_version = `${rng.int(90, 125)}.0`;
		contact.browser_language = rng.pick(['en', 'en-US', 'de', 'fr', 'pt-BR', 'ja']);
		contact.os = rng.pick(OSES);
		// Location objects are shared between contacts and replaced (never mutated) on change.
		contact.location = rng.pick(LOCATION_OBJECTS);
		contact.unsubscribed_from_emails = rng.chance(0.05);
		contact.custom_attributes = {
			plan: rng.pick(PLANS),
			seats: rng.int(1, 250),
			vip: rng.chance(0.1),
			signup_source: rng.pick(SIGNUP_SOURCES),
		};
		if (tagIds.length > 0 && rng.chance(0.35)) {
			contact.tags = [{ tagId: rng.pick(tagIds), appliedAt: contact.updated_at, appliedBy: admins[0]?.id ?? null }];
		}
		if (companies.length > 0 && !isLead && rng.chance(0.3)) {
			const company = rng.pick(companies);
			contact.companyIds = [company.id];
			company.contactIds.add(contact.id);
		}
		if (subscriptionIds.length > 0 && rng.chance(0.1)) contact.subscriptions = new Map([[rng.pick(subscriptionIds), 'opt_out']]);
		if (admins.length > 0 && rng.chance(o.noteRatio)) addNote(ws, rng, contact, rng.pick(admins).id);
		ws.contacts.insert(contact);
		ws.indexContact(contact);
	}
}

function addNote(ws: Workspace, rng: Prng, contact: ContactRecord, adminId: string): void {
	const note: NoteRecord = {
		id: ws.nextNumericId('note'),
		created_at: contact.updated_at,
		contactId: contact.id,
		authorId: adminId,
		body: `<p>${rng.pick(['Asked about pricing', 'Wants SSO', 'Renewal due soon', 'Reported a bug in export'])}.</p>`,
	};
	ws.notes.set(note.id, note);
	contact.noteIds = [...contact.noteIds, note.id];
}
