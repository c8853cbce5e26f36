/**
 * Trigger workflows as n8n runs them: each its own static data, stored as JSON between polls
 * (as n8n's database keeps it), each poll through n8n-core's PollContext. Restarts and restored
 * copies replace the stored JSON; every poll and every replacement is recorded for the ledger.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IntercomTrigger } from '../../../nodes/IntercomTrigger/IntercomTrigger.node';
import { poll, registerNodeType } from '../../helpers/n8n';
import type { AwayPoll, LedgerEvent, PollRecord } from './ledger';
import { continued, emptyMultiPollTally, lateArrivalSeconds, midRead, savedCursor, type MultiPollTally } from './multi-poll';
import type { World } from './world';

const TYPE = 'n8n-nodes-intercom.intercomTrigger';
registerNodeType(TYPE, new IntercomTrigger());

/** n8n 2.40's default poll budget; a poll that ran this long may have stopped early. */
const BUDGET_SECONDS = 300;
/** The share of the budget the trigger spends fetching (poll.ts FETCH_SHARE). */
const FETCH_SHARE = 0.6;

export interface WorkflowSpec {
	name: string;
	event: LedgerEvent | 'admin.away_mode_changed';
	parameters: INodeParameters;
	cap: number;
	/**
	 * This workflow's n8n reaches Intercom over a slow link: each request of its polls takes
	 * `requestSeconds` of the shared clock, and n8n gives its polls `budgetSeconds`. So a poll reads
	 * a page or a few, and the bursts (run.ts) make its reads span several polls.
	 */
	link?: { budgetSeconds: number; requestSeconds: number };
}

/**
 * A slow link on which one poll sends `requests` requests in its fetching time (the trigger
 * fetches for 60% of n8n's budget). A read out of order stops inside the page that ends its time
 * (after one record), so it reads `requests - 1` pages and a record a poll.
 */
function link(requests: number): WorkflowSpec['link'] {
	const budgetSeconds = 30;
	return { budgetSeconds, requestSeconds: (budgetSeconds * FETCH_SHARE) / (requests - 0.5) };
}

export const WORKFLOWS: WorkflowSpec[] = [
	{ name: 'New Contact', event: 'contact.created', parameters: { event: 'contact.created' }, cap: 500 },
	{ name: 'Contact Updated', event: 'contact.updated', parameters: { event: 'contact.updated' }, cap: 500 },
	// A small cap: backlogs drain over several polls, in order.
	{ name: 'New Conversation (cap 20)', event: 'conversation.created', parameters: { event: 'conversation.created', options: { maxEventsPerPoll: 20 } }, cap: 20 },
	{ name: 'Conversation Updated', event: 'conversation.updated', parameters: { event: 'conversation.updated' }, cap: 500 },
	{ name: 'Conversation Closed', event: 'conversation.closed', parameters: { event: 'conversation.closed' }, cap: 500 },
	// Every conversation updated in the late-arrival window costs a GET each poll: a shorter window
	// (conversations reach search at once) keeps the soak's request count down.
	{ name: 'New Conversation Part', event: 'conversation_part.created', parameters: { event: 'conversation_part.created', options: { lateArrivalMinutes: 2 } }, cap: 500 },
	{ name: 'New Article', event: 'article.created', parameters: { event: 'article.created' }, cap: 500 },
	{ name: 'Article Updated', event: 'article.updated', parameters: { event: 'article.updated' }, cap: 500 },
	// Filtered variants: what the filter rejects is read all the same, and must move the cursor.
	{ name: 'New Contact (leads only)', event: 'contact.created', parameters: { event: 'contact.created', contactRole: 'lead' }, cap: 500 },
	{ name: 'Contact Updated (users only)', event: 'contact.updated', parameters: { event: 'contact.updated', contactRole: 'user' }, cap: 500 },
	{
		name: 'Part (assignments, closes)',
		event: 'conversation_part.created',
		parameters: { event: 'conversation_part.created', partKinds: ['assignment', 'close'], options: { lateArrivalMinutes: 2 } },
		cap: 500,
	},
	{ name: 'Article Updated (published)', event: 'article.updated', parameters: { event: 'article.updated', onlyPublished: true }, cap: 500 },
	{ name: 'New Article (published)', event: 'article.created', parameters: { event: 'article.created', onlyPublished: true }, cap: 500 },
	{ name: 'New Ticket', event: 'ticket.created', parameters: { event: 'ticket.created' }, cap: 500 },
	{ name: 'Ticket State Changed', event: 'ticket.state_changed', parameters: { event: 'ticket.state_changed' }, cap: 500 },
	{ name: 'New Company', event: 'company.created', parameters: { event: 'company.created' }, cap: 500 },
	{ name: 'New Admin Activity Log Entry', event: 'admin.activity_log.created', parameters: { event: 'admin.activity_log.created' }, cap: 500 },
	{ name: 'Admin Away Status Changed', event: 'admin.away_mode_changed', parameters: { event: 'admin.away_mode_changed' }, cap: 500 },
	// Multi-poll reads: a slow link or a cap of a page or two, so that the bursts (run.ts) do not fit one poll.
	{ name: 'New Contact (cap 200)', event: 'contact.created', parameters: { event: 'contact.created', options: { maxEventsPerPoll: 200 } }, cap: 200 },
	{ name: 'Contact Updated (cap 200)', event: 'contact.updated', parameters: { event: 'contact.updated', options: { maxEventsPerPoll: 200 } }, cap: 200 },
	{ name: 'New Contact (leads, slow)', event: 'contact.created', parameters: { event: 'contact.created', contactRole: 'lead' }, cap: 500, link: link(2) },
	{ name: 'Conversation Updated (cap 200)', event: 'conversation.updated', parameters: { event: 'conversation.updated', options: { maxEventsPerPoll: 200 } }, cap: 200 },
	{ name: 'New Conversation (slow)', event: 'conversation.created', parameters: { event: 'conversation.created' }, cap: 500, link: link(2) },
	{ name: 'Conversation Closed (slow)', event: 'conversation.closed', parameters: { event: 'conversation.closed' }, cap: 500, link: link(2) },
	{
		name: 'New Conversation Part (slow)',
		event: 'conversation_part.created',
		parameters: { event: 'conversation_part.created', options: { lateArrivalMinutes: 2, maxEventsPerPoll: 100 } },
		cap: 100,
		link: link(40),
	},
	{
		name: 'Part (customer replies, slow)',
		event: 'conversation_part.created',
		parameters: { event: 'conversation_part.created', partKinds: ['customerReply'], options: { lateArrivalMinutes: 2 } },
		cap: 500,
		link: link(40),
	},
	{ name: 'New Ticket (slow)', event: 'ticket.created', parameters: { event: 'ticket.created' }, cap: 500, link: link(2) },
	{ name: 'Ticket State Changed (slow)', event: 'ticket.state_changed', parameters: { event: 'ticket.state_changed', options: { maxEventsPerPoll: 100 } }, cap: 100, link: link(2) },
	{ name: 'Activity Log Entry (slow)', event: 'admin.activity_log.created', parameters: { event: 'admin.activity_log.created' }, cap: 500, link: link(2) },
	{ name: 'New Article (slow)', event: 'article.created', parameters: { event: 'article.created' }, cap: 500, link: link(2) },
	{ name: 'Article Updated (slow)', event: 'article.updated', parameters: { event: 'article.updated' }, cap: 500, link: link(2) },
	{ name: 'Article Updated (published, slow)', event: 'article.updated', parameters: { event: 'article.updated', onlyPublished: true }, cap: 500, link: link(2) },
];

export type RestartKind = 'restart' | 'stale copy' | 'crash before saving';

export class TriggerWorkflow {
	/** The static data as the database holds it. */
	stored = '{}';
	readonly polls: PollRecord[] = [];
	readonly awayPolls: AwayPoll[] = [];
	readonly restores: Array<{ beforePoll: number; snapshotBeforePoll: number; kind: RestartKind }> = [];
	readonly errors: Record<string, number> = {};
	/** The stored JSON before each poll, by poll index. */
	private readonly before: string[] = [];
	private lastEmitting = -1;
	/** When the first successful poll set the cursor: events from then on are owed. */
	activatedAt?: number;
	/** The multi-poll reads its polls continued (multi-poll.ts). */
	readonly multiPoll: MultiPollTally = emptyMultiPollTally();
	private readonly lateArrival: number;

	constructor(readonly spec: WorkflowSpec) {
		this.lateArrival = lateArrivalSeconds(spec.parameters as IDataObject);
	}

	/** Whether the saved cursor leaves a read for the next polls (a resume, a narrowed window, a pass). */
	midRead(now: number): boolean {
		return midRead(savedCursor(this.stored, now, this.lateArrival), now, this.lateArrival);
	}

	async poll(world: World, options: { crashBeforeSaving?: boolean } = {}): Promise<number> {
		const index = this.polls.length;
		this.before[index] = this.stored;
		const staticData = JSON.parse(this.stored) as IDataObject;
		const at = world.now();
		const seq = world.sb.workspace.changes.lastSeq;
		const before = continued(savedCursor(this.stored, at, this.lateArrival), at, this.lateArrival);
		const budgetSeconds = this.spec.link?.budgetSeconds ?? BUDGET_SECONDS;
		let items: IDataObject[] = [];
		let error: Error | undefined;
		world.slowLink(this.spec.link?.requestSeconds ?? 0);
		try {
			const output = await poll({ nodeType: TYPE, parameters: this.spec.parameters, credentials: world.credentials(), staticData, pollBudgetMs: budgetSeconds * 1000 });
			items = (output?.[0] ?? []).map((i) => i.json);
		} catch (e) {
			error = e as Error;
			const key = error.message.replace(/\/[\w%.-]+/g, '/…').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '…');
			this.errors[key] = (this.errors[key] ?? 0) + 1;
		} finally {
			world.slowLink(0);
		}
		const spent = world.now() - at;
		if (!error && before.paths.length > 0) {
			for (const path of before.paths) this.multiPoll.continued[path]++;
			const restored = this.restores.some((r) => r.beforePoll === index);
			if (restored || (index > 0 && !this.polls[index - 1].ok)) this.multiPoll.afterTrouble++;
		}
		// A poll that read a narrowed window, or left a read for the next polls to go on with, did not read all it could see.
		const after = JSON.stringify(staticData);
		const saved = savedCursor(after, at, this.lateArrival);
		const leftForLater = before.plan?.to !== undefined || saved?.resume !== undefined || saved?.pass !== undefined;
		this.polls.push({
			at,
			seq,
			ok: !error,
			complete: !error && items.length < this.spec.cap && spent < budgetSeconds * FETCH_SHARE && !leftForLater,
			emitted: items.map((i) => String(i.event_id)),
		});
		if (this.spec.event === 'admin.away_mode_changed') {
			this.awayPolls.push({ seq, ok: !error, reports: items.map((i) => ({ eventId: String(i.event_id), admin: String((i.admin as IDataObject).id), away: i.away_mode_enabled === true })) });
		}
		if (!error && this.activatedAt === undefined) this.activatedAt = at;
		if (!error && items.length > 0) this.lastEmitting = index;
		if (options.crashBeforeSaving && !error && items.length > 0) {
			// The items went out; the process died before n8n saved the static data.
			this.restores.push({ beforePoll: index + 1, snapshotBeforePoll: index, kind: 'crash before saving' });
		} else {
			this.stored = after;
		}
		return items.length;
	}

	/**
	 * An older n8n restarted: it saved static data only after a poll that emitted, so the state
	 * comes back as the last emitting poll left it. Nothing emitted since, so nothing may repeat.
	 */
	restart(): boolean {
		const index = this.polls.length;
		if (this.lastEmitting < 0 || this.lastEmitting + 1 >= index) return false;
		this.stored = this.before[this.lastEmitting + 1];
		this.restores.push({ beforePoll: index, snapshotBeforePoll: this.lastEmitting + 1, kind: 'restart' });
		return true;
	}

	/** The database restored from a copy `back` polls old: what was emitted since comes again. */
	restoreStaleCopy(back: number): boolean {
		const index = this.polls.length;
		const from = index - back;
		if (from < 1) return false;
		this.stored = this.before[from];
		this.restores.push({ beforePoll: index, snapshotBeforePoll: from, kind: 'stale copy' });
		return true;
	}
}
