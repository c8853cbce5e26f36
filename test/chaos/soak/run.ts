/**
 * The chaos soak: random activity in the sandbox (contacts created and updated, conversations
 * started, replied to, assigned, closed and deleted, articles published and deleted, admins going
 * away, tickets opened and moved between states, companies created), bursts of all of it
 * (bursts.ts), action workflows, and trigger workflows for every event kind (some filtered, some
 * capped or on a slow link so that reads span polls) polling through it all, under injected
 * faults, restarts and restored stale copies of the static data. Time is the sandbox's: hours of
 * it pass in a minute or two. At the end, every workflow's emitted events are judged against the
 * change log (ledger.ts).
 */
import type { ChangeEntry } from '../../../sandbox';
import { createOrUpdateCompany } from '../../../sandbox/store/company-ops';
import { deleteArticle } from '../../../sandbox/store/content-ops';
import { deleteConversation } from '../../../sandbox/store/conversation-ops';
import { emptyTally, repeatedPosts, runActions, type ActionTally } from './actions';
import { burst, moveTicket, newTicket, toggleAway } from './bursts';
import { activityLogVersions, deletionsOf, judge, judgeAway, versionsOf, type LedgerEvent, type Verdict } from './ledger';
import { EXPECTED_PATHS, type MultiPollTally } from './multi-poll';
import { TriggerWorkflow, WORKFLOWS, type RestartKind } from './workflows';
import { SEARCH_DELAY_SECONDS, startWorld, type World } from './world';

export interface SoakOptions {
	/** Stop the activity once the change log holds this many changes. */
	changes: number;
	seed: number;
	/** Bursts during the run (bursts.ts), spread over it; their changes come on top of `changes`. */
	bursts: number;
	/** Progress lines. */
	log: (line: string) => void;
}

export interface SoakReport {
	seed: number;
	changes: number;
	/** Of `changes`, those the bursts made. */
	burstChanges: number;
	bursts: number;
	changesByKind: Record<string, number>;
	ticks: number;
	sandboxSeconds: number;
	verdicts: Array<Verdict & { workflow: string; polls: number; failedPolls: number; notDeduplicable?: number; multiPoll: MultiPollTally }>;
	/** Multi-poll reads an event kind has but no poll of its workflows continued (in a run with bursts: a failure). */
	missingPaths: string[];
	/** Final polls needed until every workflow had caught up. */
	drainRounds: number;
	/** Workflows still inside a multi-poll read after all the quiet polls, with their saved state. */
	stuck: string[];
	restarts: Record<RestartKind, number>;
	pollErrors: Record<string, number>;
	faults: Record<string, number>;
	actions: ActionTally;
	posts: ReturnType<typeof repeatedPosts>;
	nonConformant: string[];
	passed: boolean;
}

let serial = 0;

/**
 * Quiet polls at the end, at most, and per burst: every multi-poll read must have ended by then (the
 * slow workflows still hold a backlog of each burst; 8 bursts took 175).
 */
const MAX_DRAIN_ROUNDS = 100;
const MAX_DRAIN_ROUNDS_PER_BURST = 40;

/** One tick of customers and teammates: a few of everything, spread over a minute or so. */
function activity(world: World): void {
	const { sb, rng } = world;
	const steps: Array<() => unknown> = [
		() => sb.activity.newContacts(rng.int(0, 8)),
		() => sb.activity.contactUpdates(rng.int(0, 10)),
		() => sb.activity.newConversations(rng.int(0, 6)),
		() => sb.activity.userReplies(rng.int(0, 9)),
		() => sb.activity.adminReplies(rng.int(0, 7)),
		() => sb.activity.closes(rng.int(0, 4)),
		() => rng.chance(0.3) && sb.activity.articlePublishes(1),
		() => rng.chance(0.4) && toggleAway(world),
		() => rng.chance(0.5) && newTicket(world),
		() => rng.chance(0.6) && moveTicket(world),
		// Deleted while reads may be under way over several polls (an article drain, a read out of order).
		() => rng.chance(0.3) && sb.workspace.articles.size > 0 && deleteArticle(sb.workspace, rng.pick([...sb.workspace.articles.keys()])),
		() => rng.chance(0.2) && sb.workspace.conversations.all().length > 0 && deleteConversation(sb.workspace, rng.pick(sb.workspace.conversations.all()).id),
		() => rng.chance(0.25) && createOrUpdateCompany(sb.workspace, { company_id: `soak-company-${++serial}`, name: `Soak company ${serial}` }),
	];
	for (const step of steps.sort(() => rng.next() - 0.5)) {
		step();
		if (rng.chance(0.5)) world.advance(rng.int(1, 15));
	}
}

function count(entries: ChangeEntry[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const e of entries) out[e.kind] = (out[e.kind] ?? 0) + 1;
	return out;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const world = await startWorld(options.seed);
	const started = world.now();
	try {
		const ws = world.sb.workspace;
		const workflows = WORKFLOWS.map((spec) => new TriggerWorkflow(spec));
		const initialAway = Object.fromEntries([...ws.admins.values()].map((a) => [a.id, a.away_mode_enabled]));
		const startSeq = ws.changes.lastSeq;
		world.chaos(false);
		for (const w of workflows) await w.poll(world); // activation: the cursors start here
		world.advance(5);
		world.chaos(true);

		const actions = emptyTally();
		const restarts: Record<RestartKind, number> = { restart: 0, 'stale copy': 0, 'crash before saving': 0 };
		let ticks = 0;
		let burstChanges = 0;
		let bursts = 0;
		const changes = () => ws.changes.lastSeq - startSeq;
		// The activity's changes: the bursts come on top, at even shares of the run.
		const activityChanges = () => changes() - burstChanges;
		while (activityChanges() < options.changes) {
			ticks++;
			if (bursts < options.bursts && activityChanges() >= ((bursts + 1) * options.changes) / (options.bursts + 1)) {
				const before = ws.changes.lastSeq;
				burst(world);
				bursts++;
				burstChanges += ws.changes.lastSeq - before;
				options.log(`  tick ${ticks}: burst ${bursts}, ${ws.changes.lastSeq - before} changes within about 45 s`);
			}
			activity(world);
			if (world.rng.chance(0.6)) await runActions(world, actions);
			if (world.rng.chance(0.15)) world.burst();
			world.advance(world.rng.int(20, 240));
			for (const w of [...workflows].sort(() => world.rng.next() - 0.5)) {
				if (world.rng.chance(0.02)) {
					if (w.restart()) restarts.restart++;
				} else if (world.rng.chance(0.02)) {
					if (w.restoreStaleCopy(world.rng.int(1, 6))) restarts['stale copy']++;
				}
				const crash = world.rng.chance(0.01);
				if ((await w.poll(world, { crashBeforeSaving: crash })) > 0 && crash) restarts['crash before saving']++;
			}
			if (ticks % 50 === 0) options.log(`  tick ${ticks}: ${changes()} changes, sandbox time +${Math.round((world.now() - started) / 60)} min`);
		}

		// Quiet, past the late-arrival window: every workflow catches up, the multi-poll reads ended
		// and a last poll that found nothing new.
		world.chaos(false);
		let drainRounds = 0;
		const maxDrainRounds = MAX_DRAIN_ROUNDS + MAX_DRAIN_ROUNDS_PER_BURST * bursts;
		for (let quiet = false; !quiet && drainRounds < maxDrainRounds; ) {
			world.advance(700);
			quiet = ++drainRounds >= 6;
			for (const w of workflows) if ((await w.poll(world)) > 0 || w.midRead(world.now())) quiet = false;
		}
		// Still inside a multi-poll read after all those quiet polls: stuck (what it still owes shows as lost).
		const stuck = workflows.filter((w) => w.midRead(world.now())).map((w) => `${w.spec.name}: ${w.stored.slice(0, 400)}`);

		const entries = ws.changes.list({ afterSeq: startSeq });
		const verdicts = workflows.map((w) => {
			const polls = w.polls.length;
			const failedPolls = w.polls.filter((p) => !p.ok).length;
			const multiPoll = w.multiPoll;
			if (w.spec.event === 'admin.away_mode_changed') return { workflow: w.spec.name, polls, failedPolls, multiPoll, ...judgeAway(initialAway, entries, w.awayPolls, w.restores) };
			const event = w.spec.event as LedgerEvent;
			const p = w.spec.parameters;
			const role = p.contactRole === 'user' || p.contactRole === 'lead' ? { is: p.contactRole as 'user' | 'lead', of: (id: string) => ws.contact(id)?.role } : undefined;
			const filter = { partKinds: p.partKinds as string[] | undefined, onlyPublished: p.onlyPublished === true, role };
			const versions = event === 'admin.activity_log.created' ? activityLogVersions(ws.activityLogs.all(), () => 0) : versionsOf(event, entries, filter);
			const visibleAfter = event.startsWith('contact.') ? SEARCH_DELAY_SECONDS : 0;
			return { workflow: w.spec.name, polls, failedPolls, multiPoll, notDeduplicable: 0, ...judge(event, versions, w.activatedAt ?? started, w.polls, w.restores, visibleAfter, deletionsOf(event, entries)) };
		});
		const awayChanges = entries.filter((e) => e.kind === 'admin.away_changed').length;
		const logs = verdicts.find((v) => v.event === 'admin.activity_log.created');
		const pollErrors: Record<string, number> = {};
		for (const w of workflows) for (const [k, n] of Object.entries(w.errors)) pollErrors[k] = (pollErrors[k] ?? 0) + n;
		const posts = repeatedPosts(world);
		const nonConformant = world.sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`);
		// Each event kind's multi-poll reads, continued by at least one poll of its workflows.
		const missingPaths: string[] = [];
		for (const [event, paths] of Object.entries(EXPECTED_PATHS)) {
			for (const path of paths ?? []) {
				const anyOf = Array.isArray(path) ? path : [path];
				const seen = workflows.filter((w) => w.spec.event === event).reduce((n, w) => n + anyOf.reduce((m, p) => m + w.multiPoll.continued[p], 0), 0);
				if (seen === 0) missingPaths.push(`${event}: ${anyOf.join(' or ')}`);
			}
		}
		const passed =
			(bursts === 0 || missingPaths.length === 0) &&
			stuck.length === 0 &&
			verdicts.every((v) => v.lost.length === 0 && v.repeated.length === 0 && v.phantoms.length === 0 && v.outOfOrder === 0 && !v.notDeduplicable) &&
			logs?.owed === awayChanges &&
			actions.unclear.length === 0 &&
			posts.defects.length === 0 &&
			nonConformant.length === 0;
		return {
			seed: options.seed,
			changes: entries.length,
			burstChanges,
			bursts,
			missingPaths,
			drainRounds,
			stuck,
			changesByKind: count(entries),
			ticks,
			sandboxSeconds: world.now() - started,
			verdicts,
			restarts,
			pollErrors,
			faults: { ...world.served, 'slow answer': world.extra.slowAnswers, '429 bursts (of 2-8)': world.extra.bursts },
			actions,
			posts,
			nonConformant,
			passed,
		};
	} finally {
		await world.close();
	}
}
