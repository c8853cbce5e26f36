/**
 * The chaos soak: random activity in the sandbox (contacts created and updated, conversations
 * started, replied to, assigned, closed, articles published, admins going away, tickets opened
 * and moved between states, companies created), action
 * workflows, and one trigger workflow per event kind polling through it all, under injected
 * faults, restarts and restored stale copies of the static data. Time is the sandbox's: hours of
 * it pass in a minute or two. At the end, every workflow's emitted events are judged against the
 * change log (ledger.ts).
 */
import type { ChangeEntry } from '../../../sandbox';
import { createOrUpdateCompany } from '../../../sandbox/store/company-ops';
import { createTicket, updateTicket } from '../../../sandbox/store/ticket-ops';
import { emptyTally, repeatedPosts, runActions, type ActionTally } from './actions';
import { activityLogVersions, judge, judgeAway, versionsOf, type LedgerEvent, type Verdict } from './ledger';
import { TriggerWorkflow, WORKFLOWS, type RestartKind } from './workflows';
import { SEARCH_DELAY_SECONDS, startWorld, type World } from './world';

export interface SoakOptions {
	/** Stop the activity once the change log holds this many changes. */
	changes: number;
	seed: number;
	/** Progress lines. */
	log: (line: string) => void;
}

export interface SoakReport {
	seed: number;
	changes: number;
	changesByKind: Record<string, number>;
	ticks: number;
	sandboxSeconds: number;
	verdicts: Array<Verdict & { workflow: string; polls: number; failedPolls: number; notDeduplicable?: number }>;
	restarts: Record<RestartKind, number>;
	pollErrors: Record<string, number>;
	faults: Record<string, number>;
	actions: ActionTally;
	posts: ReturnType<typeof repeatedPosts>;
	nonConformant: string[];
	passed: boolean;
}

/** A teammate turns away mode on or off (the sandbox's own handler, as the API would). */
function toggleAway(world: World): void {
	const { sb, rng } = world;
	const ws = sb.workspace;
	const admin = rng.pick([...ws.admins.values()]);
	sb.sandbox.routes['PUT /admins/{admin_id}/away']({ ws, params: { admin_id: admin.id }, query: {}, body: { away_mode_enabled: !admin.away_mode_enabled }, settings: sb.settings });
}

let serial = 0;

/** A customer opens a ticket (a Customer ticket type, a random contact). */
function newTicket(world: World): void {
	const ws = world.sb.workspace;
	const type = world.rng.pick([...ws.ticketTypes.values()].filter((t) => t.category === 'Customer' && !t.archived));
	createTicket(ws, { ticket_type_id: type.id, contacts: [{ id: world.rng.pick(ws.contacts.all()).id }], ticket_attributes: { _default_title_: `Soak ticket ${++serial}` } });
}

/** A teammate moves a ticket to another state of its type. */
function moveTicket(world: World): void {
	const ws = world.sb.workspace;
	const tickets = [...ws.tickets.values()];
	if (tickets.length === 0) return;
	const ticket = world.rng.pick(tickets);
	const states = [...ws.ticketStates.values()].filter((s) => !s.archived && s.ticketTypeIds.includes(ticket.ticketTypeId) && s.id !== ticket.ticketStateId);
	if (states.length === 0) return;
	updateTicket(ws, ticket.id, { ticket_state_id: world.rng.pick(states).id, admin_id: Number(world.rng.pick([...ws.admins.keys()])) });
}

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
		const changes = () => ws.changes.lastSeq - startSeq;
		while (changes() < options.changes) {
			ticks++;
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

		// Quiet, past the late-arrival window: every workflow catches up.
		world.chaos(false);
		for (let round = 0; round < 6; round++) {
			world.advance(700);
			for (const w of workflows) await w.poll(world);
		}

		const entries = ws.changes.list({ afterSeq: startSeq });
		const verdicts = workflows.map((w) => {
			const polls = w.polls.length;
			const failedPolls = w.polls.filter((p) => !p.ok).length;
			if (w.spec.event === 'admin.away_mode_changed') return { workflow: w.spec.name, polls, failedPolls, ...judgeAway(initialAway, entries, w.awayPolls, w.restores) };
			const event = w.spec.event as LedgerEvent;
			const p = w.spec.parameters;
			const role = p.contactRole === 'user' || p.contactRole === 'lead' ? { is: p.contactRole as 'user' | 'lead', of: (id: string) => ws.contact(id)?.role } : undefined;
			const filter = { partKinds: p.partKinds as string[] | undefined, onlyPublished: p.onlyPublished === true, role };
			const versions = event === 'admin.activity_log.created' ? activityLogVersions(ws.activityLogs.all(), () => 0) : versionsOf(event, entries, filter);
			const visibleAfter = event.startsWith('contact.') ? SEARCH_DELAY_SECONDS : 0;
			return { workflow: w.spec.name, polls, failedPolls, notDeduplicable: 0, ...judge(event, versions, w.activatedAt ?? started, w.polls, w.restores, visibleAfter) };
		});
		const awayChanges = entries.filter((e) => e.kind === 'admin.away_changed').length;
		const logs = verdicts.find((v) => v.event === 'admin.activity_log.created');
		const pollErrors: Record<string, number> = {};
		for (const w of workflows) for (const [k, n] of Object.entries(w.errors)) pollErrors[k] = (pollErrors[k] ?? 0) + n;
		const posts = repeatedPosts(world);
		const nonConformant = world.sb.log.nonConformant().map((r) => `${r.method} ${r.path}: ${r.verdict.problems.join('; ')}`);
		const passed =
			verdicts.every((v) => v.lost.length === 0 && v.repeated.length === 0 && v.phantoms.length === 0 && v.outOfOrder === 0 && !v.notDeduplicable) &&
			logs?.owed === awayChanges &&
			actions.unclear.length === 0 &&
			posts.defects.length === 0 &&
			nonConformant.length === 0;
		return {
			seed: options.seed,
			changes: entries.length,
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
