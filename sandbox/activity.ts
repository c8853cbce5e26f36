/**
 * Simulated customer and teammate activity, for trigger tests: each method
 * performs N realistic changes "now" (sandbox clock) through the same store
 * operations the API uses, so the change log records them exactly as if a
 * customer or teammate had acted. Deterministic for a given seed.
 */
import { Prng } from './prng';
import { FIRST_NAMES, LAST_NAMES, PLANS } from './seed-names';
import { createContact, updateContact } from './store/contact-ops';
import { adminAuthor, appendPart, contactAuthor, createConversation } from './store/conversation-ops';
import { createArticle, updateArticle } from './store/content-ops';
import type { Workspace } from './store/workspace';
import type { ArticleRecord, ContactRecord, ConversationRecord } from './store/types';

export interface ActivityPlan {
	newContacts?: number;
	contactUpdates?: number;
	newConversations?: number;
	userReplies?: number;
	adminReplies?: number;
	closes?: number;
	articlePublishes?: number;
}

export interface ActivityResult {
	contacts: string[];
	updatedContacts: string[];
	conversations: string[];
	userReplies: string[];
	adminReplies: string[];
	closed: string[];
	articles: string[];
}

export class ActivitySimulator {
	private rng = new Prng(7);
	private serial = 0;

	constructor(private readonly defaultWorkspace: () => Workspace) {}

	seed(seed: number): void {
		this.rng = new Prng(seed);
	}

	/** Runs a whole plan in a fixed order: contacts, conversations, replies, closes, articles. */
	run(plan: ActivityPlan, ws: Workspace = this.defaultWorkspace()): ActivityResult {
		return {
			contacts: this.newContacts(plan.newContacts ?? 0, ws).map((c) => c.id),
			updatedContacts: this.contactUpdates(plan.contactUpdates ?? 0, ws).map((c) => c.id),
			conversations: this.newConversations(plan.newConversations ?? 0, ws).map((c) => c.id),
			userReplies: this.userReplies(plan.userReplies ?? 0, ws).map((c) => c.id),
			adminReplies: this.adminReplies(plan.adminReplies ?? 0, ws).map((c) => c.id),
			closed: this.closes(plan.closes ?? 0, ws).map((c) => c.id),
			articles: this.articlePublishes(plan.articlePublishes ?? 0, ws).map((a) => a.id),
		};
	}

	newContacts(count: number, ws: Workspace = this.defaultWorkspace()): ContactRecord[] {
		const out: ContactRecord[] = [];
		for (let i = 0; i < count; i++) {
			const n = ++this.serial;
			const first = this.rng.pick(FIRST_NAMES);
			const last = this.rng.pick(LAST_NAMES);
			const lead = this.rng.chance(0.3);
			const email = `${first}.${last}.sim${n}.${ws.random.hex(4)}@example.com`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.@]/g, '');
			out.push(
				createContact(ws, {
					role: lead ? 'lead' : 'user',
					email,
					name: `${first} ${last}`,
					external_id: lead ? undefined : `sim-${ws.random.hex(8)}`,
					custom_attributes: { plan: this.rng.pick(PLANS), seats: this.rng.int(1, 50) },
				}),
			);
		}
		return out;
	}

	contactUpdates(count: number, ws: Workspace = this.defaultWorkspace()): ContactRecord[] {
		const all = ws.contacts.all();
		if (all.length === 0) return [];
		const out: ContactRecord[] = [];
		for (let i = 0; i < count; i++) {
			const contact = all[this.rng.int(0, all.length - 1)];
			out.push(updateContact(ws, contact.id, { custom_attributes: { seats: this.rng.int(1, 250) }, last_seen_at: ws.now() }));
		}
		return out;
	}

	newConversations(count: number, ws: Workspace = this.defaultWorkspace()): ConversationRecord[] {
		const all = ws.contacts.all();
		if (all.length === 0) return [];
		const out: ConversationRecord[] = [];
		for (let i = 0; i < count; i++) {
			const contact = all[this.rng.int(0, all.length - 1)];
			out.push(createConversation(ws, contact, `<p>${this.rng.pick(['Hello, I need help with my account.', 'Is the API down?', 'How do I change my plan?', 'Can you resend my invoice?'])}</p>`));
		}
		return out;
	}

	userReplies(count: number, ws: Workspace = this.defaultWorkspace()): ConversationRecord[] {
		return this.onConversations(count, ws, () => true, (c) => {
			const contact = ws.contact(c.contactIds[0]);
			const author = contact ? contactAuthor(contact) : c.source.author;
			appendPart(ws, c, { part_type: 'comment', author, body: `<p>${this.rng.pick(['Any update?', 'Thanks!', 'Still broken.'])}</p>` });
		});
	}

	adminReplies(count: number, ws: Workspace = this.defaultWorkspace()): ConversationRecord[] {
		const admins = [...ws.admins.keys()];
		return this.onConversations(count, ws, (c) => c.state !== 'closed', (c) => {
			appendPart(ws, c, { part_type: 'comment', author: adminAuthor(ws, this.rng.pick(admins)), body: `<p>${this.rng.pick(['On it!', 'Fixed now.', 'Could you try again?'])}</p>` });
		});
	}

	closes(count: number, ws: Workspace = this.defaultWorkspace()): ConversationRecord[] {
		const admins = [...ws.admins.keys()];
		return this.onConversations(count, ws, (c) => c.state !== 'closed', (c) => {
			appendPart(ws, c, { part_type: 'close', author: adminAuthor(ws, this.rng.pick(admins)) });
		});
	}

	/** Publishes drafts first; creates new published articles when none are left. */
	articlePublishes(count: number, ws: Workspace = this.defaultWorkspace()): ArticleRecord[] {
		const out: ArticleRecord[] = [];
		const admins = [...ws.admins.keys()];
		for (let i = 0; i < count; i++) {
			const draft = [...ws.articles.values()].find((a) => a.state === 'draft');
			if (draft) out.push(updateArticle(ws, draft.id, { state: 'published' }));
			else {
				const n = ++this.serial;
				out.push(createArticle(ws, { title: `Release notes ${n}`, body: `<p>What is new in release ${n}.</p>`, author_id: Number(this.rng.pick(admins)), state: 'published' }));
			}
		}
		return out;
	}

	/** Picks `count` conversations (most recently updated first, then random) matching a filter. */
	private onConversations(
		count: number,
		ws: Workspace,
		filter: (c: ConversationRecord) => boolean,
		act: (c: ConversationRecord) => void,
	): ConversationRecord[] {
		const all = ws.conversations.all();
		const out: ConversationRecord[] = [];
		for (let i = 0, attempts = 0; i < count && attempts < count * 50 && all.length > 0; attempts++) {
			const c = all[this.rng.int(0, all.length - 1)];
			if (!filter(c)) continue;
			act(c);
			out.push(c);
			i++;
		}
		return out;
	}
}
