/**
 * Every change the store makes, in order. The trigger's tests compare the
 * events a poller emitted against this log, so each mutation records exactly
 * one entry per observable change (a reply is both a part and an update of
 * its conversation, but logged once as `conversation.part.created`).
 */
export type ChangeKind =
	| 'contact.created'
	| 'contact.updated'
	| 'contact.deleted'
	| 'contact.archived'
	| 'contact.unarchived'
	| 'contact.blocked'
	| 'contact.merged'
	| 'contact.tagged'
	| 'contact.untagged'
	| 'contact.note.created'
	| 'contact.company.attached'
	| 'contact.company.detached'
	| 'contact.subscription.attached'
	| 'contact.subscription.detached'
	| 'contact.event.created'
	| 'contact.event.summarised'
	| 'visitor.updated'
	| 'visitor.converted'
	| 'data_attribute.created'
	| 'data_attribute.updated'
	| 'conversation.created'
	| 'conversation.updated'
	| 'conversation.part.created'
	| 'conversation.closed'
	| 'conversation.opened'
	| 'conversation.snoozed'
	| 'conversation.assigned'
	| 'conversation.deleted'
	| 'conversation.redacted'
	| 'conversation.converted'
	| 'conversation.tagged'
	| 'conversation.untagged'
	| 'conversation.contact.attached'
	| 'conversation.contact.detached'
	| 'article.created'
	| 'article.updated'
	| 'article.published'
	| 'article.deleted'
	| 'admin.away_changed'
	| 'company.created'
	| 'company.updated'
	| 'tag.created'
	| 'ticket.created'
	| 'ticket.updated'
	| 'ticket.state_changed'
	| 'ticket.part.created'
	| 'ticket.tagged'
	| 'ticket.untagged'
	| 'ticket.deleted'
	| 'ticket_type.created'
	| 'ticket_type.updated'
	| 'tag.deleted';

export interface ChangeEntry {
	/** Monotonic sequence number within the workspace. */
	seq: number;
	kind: ChangeKind;
	/** Id of the object the change is about (conversation id for parts). */
	id: string;
	/** Unix seconds of the change (the object's new updated_at where it has one). */
	at: number;
	/** Extra facts, e.g. `{part_type: 'comment', part_id: '7'}` for parts. */
	detail?: Record<string, unknown>;
}

export class ChangeLog {
	private entries: ChangeEntry[] = [];
	private seq = 0;
	/** Seeding is not "activity"; callers pause the log while loading seed data. */
	paused = false;
	/** Told of every entry as it is recorded (the sandbox's outgoing webhooks listen here). */
	private listeners: Array<(entry: ChangeEntry) => void> = [];

	onRecord(listener: (entry: ChangeEntry) => void): void {
		this.listeners.push(listener);
	}

	record(kind: ChangeKind, id: string, at: number, detail?: Record<string, unknown>): void {
		if (this.paused) return;
		const entry: ChangeEntry = { seq: ++this.seq, kind, id, at };
		if (detail) entry.detail = detail;
		this.entries.push(entry);
		for (const listener of this.listeners) listener(entry);
	}

	/** Entries, optionally only those after a sequence number and/or of given kinds. */
	list(filter: { afterSeq?: number; kinds?: string[] } = {}): ChangeEntry[] {
		return this.entries.filter(
			(e) =>
				(filter.afterSeq === undefined || e.seq > filter.afterSeq) &&
				(!filter.kinds || filter.kinds.some((k) => e.kind === k || e.kind.startsWith(`${k}.`))),
		);
	}

	clear(): void {
		this.entries = [];
	}

	get lastSeq(): number {
		return this.seq;
	}
}
