/**
 * What the trigger owes, from the sandbox's change log, and what it delivered, poll by poll: the
 * soak's judge. Kept apart from the soak's machinery so a unit test can show it catches a lost
 * event, a repeat, a phantom, and allows exactly the repeats a stale copy explains.
 *
 * Two kinds of event:
 * - records that only ever appear (a contact created, a conversation part, an activity log entry):
 *   every one since the activation is owed;
 * - states that are overwritten (a contact's or a conversation's last update, its last close, an
 *   article's last change): a polling trigger sees the state a poll reads, so a version replaced
 *   before any poll could read it is not owed. A version is owed when it was current (and
 *   visible) at a poll that succeeded without leaving anything for later, or when it is the last
 *   one.
 * A deleted object (a conversation with its parts, an article) owes only what such a poll found
 * before it went: what was made and deleted between two of those may never be read.
 */
import type { ChangeEntry } from '../../../sandbox';

export const APPEND_KINDS = [
	'contact.created',
	'conversation.created',
	'conversation_part.created',
	'article.created',
	'admin.activity_log.created',
	'ticket.created',
	'ticket.state_changed',
	'company.created',
] as const;
export const STATE_KINDS = ['contact.updated', 'conversation.updated', 'conversation.closed', 'article.updated'] as const;
export type LedgerEvent = (typeof APPEND_KINDS)[number] | (typeof STATE_KINDS)[number];

/** One version of an object, as the trigger keys it: `${event}:${id}:${ts}`. */
export interface Version {
	eventId: string;
	object: string;
	ts: number;
	/** The change log sequence that made it. */
	seq: number;
	/** False when the workflow's filter (part kinds, role, only published) rejects this version. */
	reported?: boolean;
}

/** The filter options of a workflow, as the ledger applies them to the change log. */
export interface LedgerFilter {
	partKinds?: string[];
	/** Only articles published at that version. */
	onlyPublished?: boolean;
	/** Only contacts of this role (roles do not change in the soak), looked up by id. */
	role?: { is: 'user' | 'lead'; of: (contactId: string) => string | undefined };
}

export interface PollRecord {
	/** Sandbox seconds when the poll started. */
	at: number;
	/** The change log's last sequence when the poll started: what the poll could see. */
	seq: number;
	ok: boolean;
	/** Read everything it could see and emitted all of it (no cap, no time budget cut). */
	complete: boolean;
	emitted: string[];
}

const CUSTOMER = new Set(['user', 'lead', 'contact']);
const TEAM = new Set(['admin', 'team', 'bot']);
const ASSIGNMENTS = new Set(['assignment', 'default_assignment', 'assign_and_reopen', 'away_mode_assignment']);

/** The trigger's kind of a part, if any. */
function partKindOf(detail: Record<string, unknown> | undefined): string | undefined {
	const type = String(detail?.part_type ?? '');
	const author = String(detail?.author_type ?? '');
	if (type === 'comment' || type === 'quick_reply') return CUSTOMER.has(author) ? 'customerReply' : TEAM.has(author) ? 'adminReply' : undefined;
	if (type === 'note' || type === 'note_and_reopen') return 'note';
	if (ASSIGNMENTS.has(type)) return 'assignment';
	return type === 'close' ? 'close' : undefined;
}

const ALL_PART_KINDS = ['customerReply', 'adminReply', 'note', 'assignment', 'close'];

/** Whether the trigger reports a part (all five part kinds chosen, unless given). */
export function reportedPart(detail: Record<string, unknown> | undefined, kinds: string[] = ALL_PART_KINDS): boolean {
	const kind = partKindOf(detail);
	return kind !== undefined && kinds.includes(kind);
}

/** The change log's entries that make a version of each event kind's objects. */
export function versionsOf(event: LedgerEvent, entries: ChangeEntry[], filter: LedgerFilter = {}): Version[] {
	const v = (id: string, e: ChangeEntry): Version => {
		const version: Version = { eventId: `${event}:${id}:${e.at}`, object: e.id, ts: e.at, seq: e.seq };
		if (filter.role && event.startsWith('contact.')) version.reported = filter.role.of(e.id) === filter.role.is;
		if (filter.onlyPublished && event.startsWith('article.')) version.reported = e.kind === 'article.published' || e.detail?.state === 'published';
		return version;
	};
	switch (event) {
		case 'contact.created':
		case 'conversation.created':
		case 'article.created':
			return entries.filter((e) => e.kind === event).map((e) => v(e.id, e));
		case 'conversation_part.created':
			return entries.filter((e) => e.kind === 'conversation.part.created' && reportedPart(e.detail, filter.partKinds)).map((e) => v(String(e.detail?.part_id), e));
		case 'contact.updated':
			return entries.filter((e) => e.kind === 'contact.created' || e.kind === 'contact.updated').map((e) => v(e.id, e));
		case 'conversation.updated':
			return entries.filter((e) => e.kind.startsWith('conversation.') && e.kind !== 'conversation.deleted').map((e) => v(e.id, e));
		case 'conversation.closed':
			return entries.filter((e) => e.kind === 'conversation.closed').map((e) => v(e.id, e));
		case 'article.updated':
			return entries.filter((e) => e.kind.startsWith('article.') && e.kind !== 'article.deleted').map((e) => v(e.id, e));
		case 'ticket.created':
		case 'company.created':
			return entries.filter((e) => e.kind === event).map((e) => v(e.id, e));
		case 'ticket.state_changed':
			// Keyed by the part that records the change.
			return entries.filter((e) => e.kind === event).map((e) => v(String(e.detail?.part_id), e));
		case 'admin.activity_log.created':
			return []; // keyed by the log entry's own id, which the change log does not carry: see activityLogVersions
	}
}

/**
 * When the objects an event's versions belong to (`Version.object`) were deleted: the change log
 * sequence of each deletion (conversations, with their parts, and articles are deleted in the soak).
 */
export function deletionsOf(event: LedgerEvent, entries: ChangeEntry[]): Map<string, number> {
	const kind = event.startsWith('article.') ? 'article.deleted' : event.startsWith('conversation') ? 'conversation.deleted' : undefined;
	return new Map(entries.filter((e) => e.kind === kind).map((e) => [e.id, e.seq]));
}

/** Activity log entries (from the store: the change log's admin.away_changed entries say when, not which id). */
export function activityLogVersions(logs: ReadonlyArray<{ id: string; created_at: number }>, seqAt: (ts: number) => number): Version[] {
	return logs.map((l) => ({ eventId: `admin.activity_log.created:${l.id}:${l.created_at}`, object: l.id, ts: l.created_at, seq: seqAt(l.created_at) }));
}

export interface Verdict {
	event: string;
	owed: number;
	delivered: number;
	lost: string[];
	/** Emitted again although the cursor in use had already emitted it: a defect. */
	repeated: string[];
	/** Emitted again after a stale copy of the static data was restored: allowed, deduplicable by event_id. */
	allowedRepeats: number;
	/** Emitted but no change made it. */
	phantoms: string[];
	/** Polls whose items were not in (ts, id) order. */
	outOfOrder: number;
}

/**
 * Judges one workflow: `polls` in order, `restores` as the index of the poll each stale copy was
 * taken before, applied before the poll at `beforePoll`.
 */
export function judge(
	event: LedgerEvent,
	versions: Version[],
	since: number,
	polls: PollRecord[],
	restores: Array<{ beforePoll: number; snapshotBeforePoll: number }>,
	visibleAfter = 0,
	deleted: ReadonlyMap<string, number> = new Map(),
): Verdict {
	const all = versions.filter((v) => v.ts >= since);
	// A version the filter rejects is owed to nobody; emitting it is a phantom.
	const reported = (v: Version) => v.reported !== false;
	const known = new Set(all.filter(reported).map((v) => v.eventId));
	const owed = new Set<string>();
	/** What the cursor must end up knowing as emitted: every record, every object's last state. */
	const last = new Set<string>();
	const append = (APPEND_KINDS as readonly string[]).includes(event);
	// A poll that read everything it could see while the version was there (and visible).
	const seenByPoll = (v: Version, deletedSeq: number) =>
		polls.some((p) => p.ok && p.complete && p.seq >= v.seq && p.seq < deletedSeq && v.ts + visibleAfter < p.at);
	if (append) {
		for (const v of all.filter(reported)) {
			// A record of an object deleted before any poll could read it all is owed to nobody.
			const deletedSeq = deleted.get(v.object);
			if (deletedSeq !== undefined) {
				if (seenByPoll(v, deletedSeq)) owed.add(v.eventId);
				continue;
			}
			owed.add(v.eventId);
			last.add(v.eventId);
		}
	} else {
		const byObject = new Map<string, Version[]>();
		for (const v of all) (byObject.get(v.object) ?? byObject.set(v.object, []).get(v.object)!).push(v);
		for (const list of byObject.values()) {
			list.sort((a, b) => a.seq - b.seq);
			// A state is seen as it is at a poll, filter included: a published version replaced by a draft edit
			// before any poll read it is not owed.
			const final = list[list.length - 1];
			// A deleted object's states are owed only as polls found them before it went.
			const deletedSeq = deleted.get(final.object) ?? Infinity;
			if (reported(final) && deletedSeq === Infinity) {
				owed.add(final.eventId);
				last.add(final.eventId);
			}
			for (const poll of polls) {
				if (!poll.ok || !poll.complete || poll.seq >= deletedSeq) continue;
				const current = list.filter((v) => v.seq <= poll.seq).pop();
				if (current && reported(current) && current.ts + visibleAfter < poll.at) owed.add(current.eventId);
			}
		}
	}

	// The emitted set as the cursor in use knows it: a stale copy takes it back to its snapshot.
	const snapshots: Array<Set<string>> = [];
	let believed = new Set<string>();
	const delivered = new Map<string, number>();
	const repeated: string[] = [];
	const phantoms: string[] = [];
	let allowedRepeats = 0;
	let outOfOrder = 0;
	polls.forEach((poll, index) => {
		// The last one wins: a copy restored after a crash replaces what the crash left.
		const restore = restores.filter((r) => r.beforePoll === index).pop();
		if (restore) believed = new Set(snapshots[restore.snapshotBeforePoll]);
		snapshots[index] = new Set(believed);
		if (!poll.ok) return;
		const keys = poll.emitted.map((id) => {
			const [, object, ts] = id.split(':');
			return { ts: Number(ts), object };
		});
		if (keys.some((k, i) => i > 0 && (k.ts < keys[i - 1].ts || (k.ts === keys[i - 1].ts && compare(k.object, keys[i - 1].object) <= 0)))) outOfOrder++;
		for (const id of poll.emitted) {
			if (!known.has(id)) phantoms.push(id);
			if (believed.has(id)) repeated.push(id);
			else if (delivered.has(id)) allowedRepeats++;
			believed.add(id);
			delivered.set(id, (delivered.get(id) ?? 0) + 1);
		}
	});
	// After a stale copy, what it had not seen must come again: the last states end up believed too.
	const lost = [...owed].filter((id) => !delivered.has(id) || (last.has(id) && !believed.has(id)));
	return { event, owed: owed.size, delivered: delivered.size, lost, repeated, allowedRepeats, phantoms, outOfOrder };
}

/** The trigger's id order: numeric ids by value, others as text. */
function compare(a: string, b: string): number {
	if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** One report of the Admin Away Status Changed trigger. */
export interface AwayReport {
	eventId: string;
	admin: string;
	away: boolean;
}

export interface AwayPoll {
	/** The change log's last sequence when the poll started. */
	seq: number;
	ok: boolean;
	reports: AwayReport[];
}

export interface AwayVerdict extends Verdict {
	/** Allowed repeats whose event_id differs from the first report of the same change: not deduplicable. */
	notDeduplicable: number;
}

/**
 * Admin away status has no time of its own: the trigger compares each admin's state with the one
 * it kept. The model keeps the same (going back with a stale copy): a poll owes exactly the admins
 * whose state differs from it. A change undone before a poll is invisible, by design.
 */
export function judgeAway(
	initial: Record<string, boolean>,
	changes: ChangeEntry[],
	polls: AwayPoll[],
	restores: Array<{ beforePoll: number; snapshotBeforePoll: number }>,
): AwayVerdict {
	type Model = Record<string, { away: boolean; version: number }>;
	let model: Model = Object.fromEntries(Object.entries(initial).map(([id, away]) => [id, { away, version: 0 }]));
	const snapshots: Model[] = [];
	const firstId = new Map<string, string>();
	const lost: string[] = [];
	const repeated: string[] = [];
	let owed = 0;
	let delivered = 0;
	let allowedRepeats = 0;
	let notDeduplicable = 0;
	polls.forEach((poll, index) => {
		// The last one wins: a copy restored after a crash replaces what the crash left.
		const restore = restores.filter((r) => r.beforePoll === index).pop();
		if (restore) model = { ...snapshots[restore.snapshotBeforePoll] };
		snapshots[index] = { ...model };
		if (!poll.ok) return;
		const state = { ...initial };
		for (const c of changes) if (c.kind === 'admin.away_changed' && c.seq <= poll.seq) state[c.id] = c.detail?.away_mode_enabled === true;
		const expected = Object.keys(state).filter((id) => model[id] && model[id].away !== state[id]);
		owed += expected.length;
		const reported = new Map(poll.reports.map((r) => [r.admin, r]));
		for (const id of expected) {
			const report = reported.get(id);
			if (!report || report.away !== state[id]) {
				lost.push(`${id}:${state[id]}`);
				continue;
			}
			delivered++;
			const change = `${id}:${model[id].version}:${state[id]}`;
			const first = firstId.get(change);
			if (first === undefined) firstId.set(change, report.eventId);
			else {
				allowedRepeats++;
				if (first !== report.eventId) notDeduplicable++;
			}
		}
		for (const r of poll.reports) if (!expected.includes(r.admin)) repeated.push(r.eventId);
		for (const id of expected) model[id] = { away: state[id], version: index + 1 };
	});
	return { event: 'admin.away_mode_changed', owed, delivered, lost, repeated, allowedRepeats, phantoms: [], outOfOrder: 0, notDeduplicable };
}
