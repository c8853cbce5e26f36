/**
 * Trigger cost per burst, side by side: the current trigger and the design before issue 12 (its
 * code extracted from git at LEGACY_COMMIT into bench/out/, run in the same client process, on
 * the same sandbox). For bursts of changes made within one minute, polled once a minute until
 * every change is emitted and the cursor has settled: requests against the floor (ceil(K/150)
 * search pages: each change read once), how soon the last change came out, and the size of the
 * trigger's static data.
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RunningSandbox } from '../sandbox';
import { updateContact } from '../sandbox/store/contact-ops';
import type { ClientProcess } from './lib/client-process';
import type { PollResult, Target } from './lib/protocol';

/** The last commit with the old design (the cursor re-read its whole late-arrival window each poll). */
export const LEGACY_COMMIT = 'b57a008';
const PER_PAGE = 150;
const POLL_SECONDS = 60;
const DAY = 86_400;

export type Design = 'current' | 'legacy';

export interface BurstFigure {
	design: Design;
	changes: number;
	polls: number;
	requests: number;
	/** ceil(K/150): each change read once. */
	floor: number;
	/** Minutes from the end of the burst until the poll that emitted its last change. */
	minutesToLast: number;
	emitted: number;
	/** The largest static data (JSON bytes) while the burst was pending. */
	maxStateBytes: number;
	errors: string[];
}

export interface BurstsResult {
	/** When and where, for a run of this comparison alone (`--trigger-bursts`). */
	measured?: { date: string; machine: { cpu: string; cores: number; node: string } };
	/**
	 * The figures of the trigger before the latest change, as this bench measured them then (request
	 * and poll counts are deterministic: the same sandbox, seed and clock give the same counts).
	 */
	previous?: { label: string; date?: string; idleRequests: number; bursts: BurstFigure[]; note?: string };
	contacts: number;
	legacyCommit: string;
	idleRequests: Record<Design, number>;
	bursts: BurstFigure[];
}

/** The old trigger's code, extracted once into bench/out/legacy-<commit>. */
export function extractLegacy(root: string): string {
	const dir = path.join(root, 'bench', 'out', `legacy-${LEGACY_COMMIT}`);
	if (!fs.existsSync(path.join(dir, 'nodes', 'IntercomTrigger', 'IntercomTrigger.node.ts'))) {
		fs.mkdirSync(dir, { recursive: true });
		execSync(`git archive ${LEGACY_COMMIT} nodes/IntercomTrigger nodes/shared | tar -x -C "${dir}"`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	return dir;
}

function pending(design: Design, staticData: Record<string, unknown>): boolean {
	const state = (staticData['node:Trigger'] ?? {}) as Record<string, unknown>;
	const cursor = state.cursor as { recent?: object; readTop?: number; settled?: number } | undefined;
	if (!cursor) return true;
	if (Object.keys(cursor.recent ?? {}).length > 0) return true;
	return design === 'current' && (cursor.readTop ?? 0) > (cursor.settled ?? 0);
}

export async function benchTriggerBursts(
	sb: RunningSandbox,
	p: ClientProcess,
	options: { bursts: number[]; legacyDir: string; log: (line: string) => void },
): Promise<BurstsResult> {
	const target: Target = { baseUrl: sb.baseUrl, token: sb.token };
	const parameters = { event: 'contact.updated', contactRole: 'any', options: { maxEventsPerPoll: 10_000 } };
	const contacts = sb.workspace.contacts.all().map((c) => c.id);
	let next = 0;
	const result: BurstsResult = { contacts: contacts.length, legacyCommit: LEGACY_COMMIT, idleRequests: { current: 0, legacy: 0 }, bursts: [] };
	for (const design of ['legacy', 'current'] as Design[]) {
		const pollNow = async (resetState = false) => {
			const before = sb.log.requests().length;
			const r = await p.run<PollResult>({
				kind: 'poll',
				target,
				parameters,
				offsetMs: sb.clock.offsetSeconds() * 1000,
				resetState,
				legacyDir: design === 'legacy' ? options.legacyDir : undefined,
			});
			return { r, requests: sb.log.requests().length - before, stateBytes: JSON.stringify(r.state).length };
		};
		await pollNow(true);
		sb.clock.advanceSeconds(POLL_SECONDS);
		result.idleRequests[design] = (await pollNow()).requests;
		for (const changes of options.bursts) {
			// Each burst on a day of its own, after an idle poll: a burst in an otherwise quiet workspace.
			// (Contact search reads whole days: the contact events' cost also depends on that day's earlier
			// changes, which here would be the bursts measured before, the other design's included.)
			sb.clock.advanceSeconds(DAY);
			await pollNow();
			sb.clock.advanceSeconds(POLL_SECONDS);
			// The changes come in over one minute, a second at a time, each to a distinct contact.
			for (let second = 0; second < POLL_SECONDS; second++) {
				const n = Math.floor((changes * (second + 1)) / POLL_SECONDS) - Math.floor((changes * second) / POLL_SECONDS);
				for (let i = 0; i < n; i++) updateContact(sb.workspace, contacts[next++ % contacts.length], { custom_attributes: { bench_burst: changes } });
				sb.clock.advanceSeconds(1);
			}
			const figure: BurstFigure = { design, changes, polls: 0, requests: 0, floor: Math.ceil(changes / PER_PAGE), minutesToLast: 0, emitted: 0, maxStateBytes: 0, errors: [] };
			for (let minute = 0; ; minute++) {
				if (minute > 0) sb.clock.advanceSeconds(POLL_SECONDS);
				const { r, requests, stateBytes } = await pollNow();
				figure.polls++;
				figure.requests += requests;
				figure.maxStateBytes = Math.max(figure.maxStateBytes, stateBytes);
				if (r.error) figure.errors.push(r.error);
				if (r.events > 0) figure.minutesToLast = minute;
				figure.emitted += r.events;
				if (figure.emitted >= changes && !pending(design, r.state)) break;
				if (minute > 60) throw new Error(`${design}: ${changes - figure.emitted} of ${changes} changes not emitted or not settled after ${minute} polls`);
			}
			if (figure.emitted !== changes) throw new Error(`${design}: ${figure.emitted} events for ${changes} changes`);
			options.log(`  ${design} trigger, ${changes} changes at ${contacts.length} contacts: ${figure.requests} requests over ${figure.polls} polls (floor ${figure.floor}), last change after ${figure.minutesToLast} min, state up to ${figure.maxStateBytes} bytes`);
			result.bursts.push(figure);
		}
	}
	return result;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${fmt(bytes / 1024 / 1024, 1)} MB` : bytes >= 1024 ? `${fmt(bytes / 1024, 1)} KB` : `${bytes} B`);

export function burstsMarkdown(r: BurstsResult, lateArrivalMinutes: number, runDate: string): string[] {
	// Measured on its own, later than the rest of the file: say which trigger the tables above measured.
	const apart = r.measured && r.measured.date.slice(0, 10) !== runDate.slice(0, 10);
	const lines = [
		'',
		`### Bursts: the current trigger and the design before it`,
		'',
		`${apart ? `Measured on its own (\`npm run bench -- --trigger-bursts\`) on ${r.measured!.date.slice(0, 10)}, ${r.measured!.machine.cpu}, ${r.measured!.machine.cores} cores, Node ${r.measured!.machine.node}; the tables above are from the full run of ${runDate.slice(0, 10)}, with the trigger of that date (the design before). ` : ''}Intercom Trigger, *Contact Updated*, Max Events per Poll 10,000, late-arrival window ${lateArrivalMinutes} min, at ${fmt(r.contacts)} contacts; K changes to distinct contacts made over one minute, then a poll a minute until every change is emitted and the cursor has settled (nothing left that a later poll must read again). "Before" is the trigger of commit \`${r.legacyCommit}\` (every poll re-read its whole late-arrival window, and held back a burst above 2,000 until the window had passed), run in the same process against the same sandbox. The floor is ceil(K/150) search pages: each change read once. An idle poll costs ${r.idleRequests.current} request (before: ${r.idleRequests.legacy}); every poll of an episode counts, and \"above the idle cost\" takes that much off each poll: the goal is at most 2 × floor there. Each burst comes on a day of its own, after an idle poll (contact search reads whole days; on a day busy before the burst the read goes newest first instead, see below). Each change emitted exactly once is checked.`,
		'',
		'| Changes (K) | Design | Polls | Requests | of which above the idle cost | Floor | Above idle / floor | Requests per change | Last change emitted after | Static data, largest |',
		'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	];
	const changes = [...new Set(r.bursts.map((b) => b.changes))];
	const row = (k: number, label: string, b: BurstFigure, idle: number) => {
		const above = b.requests - b.polls * idle;
		lines.push(
			`| ${fmt(k)} | ${label} | ${b.polls} | ${fmt(b.requests)} | ${fmt(above)} | ${fmt(b.floor)} | ${fmt(above / b.floor, 2)} | ${fmt(b.requests / k, 4)} | ${b.minutesToLast} min | ${size(b.maxStateBytes)} |`,
		);
	};
	for (const k of changes) {
		const before = r.bursts.find((x) => x.changes === k && x.design === 'legacy');
		if (before) row(k, 'before', before, r.idleRequests.legacy);
		const earlier = r.previous?.bursts.find((x) => x.changes === k);
		if (earlier) row(k, r.previous!.label, earlier, r.previous!.idleRequests);
		const now = r.bursts.find((x) => x.changes === k && x.design === 'current');
		if (now) row(k, 'now', now, r.idleRequests.current);
	}
	if (r.previous) {
		lines.push(
			'',
			`"${r.previous.label}" is ${r.previous.note ?? 'the trigger before the latest change'}${r.previous.date ? `, as this bench measured it on ${r.previous.date.slice(0, 10)}` : ''} (request and poll counts do not depend on the machine).`,
		);
	}
	const capped = r.bursts.filter((b) => b.design === 'current' && b.changes > 10_000);
	for (const b of capped) {
		const earlier = r.previous?.bursts.find((x) => x.changes === b.changes);
		const ratio = (x: BurstFigure, idle: number) => fmt((x.requests - x.polls * idle) / x.floor, 2);
		lines.push(
			'',
			`${fmt(b.changes)} changes are more than Max Events per Poll (10,000): they come out over ${Math.ceil(b.changes / 10_000)} polls, the last ${b.minutesToLast} min after the burst (before: ${r.bursts.find((x) => x.design === 'legacy' && x.changes === b.changes)?.minutesToLast ?? '–'} min, held back by its 2,000-id bound). Contact search compares dates by whole days and is read newest first. The first poll reads one page that way, sees that the day holds more changes than one poll emits (\`total_count\`) and, from one page of the day read oldest first, that the window starts on it (the day was quiet before the burst): it reads oldest first at once, and the polls after it go on at the search position where it stopped. So the burst is read once on its way out and once more when it settles, after the late-arrival window (the least for a burst emitted before that window has passed): ${ratio(b, r.idleRequests.current)} × the floor here${earlier ? ` (${r.previous!.label}: ${ratio(earlier, r.previous!.idleRequests)} ×: its first poll read about Max Events per Poll of the burst newest first before turning)` : ''}. On a day busy before the burst, the page read oldest first shows the window does not start on it (once a day), and the burst is read newest first from the top down to its start, out of order over the polls (each poll's events in order), never passing that day's earlier changes (\`test/trigger/bursts.test.ts\`: 1.97 × on a day that had seen 6,000 changes before a burst of 4,500). Static data while it is pending: about ${fmt(b.maxStateBytes / b.changes)} bytes per pending change (contact ids, packed).`,
		);
	}
	return lines;
}
