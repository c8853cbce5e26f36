/**
 * What the use-case suite compares: the sandbox's records restated as the rows, files, teams and
 * figures each example should have produced.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { RunningSandbox } from '../../sandbox';
import type { ArticleRecord, ConversationRecord } from '../../sandbox/store/types';
import type { ExecutionRun } from '../runtime/n8n';

const DAY = 86_400;
const TEAMS = { general: '814860', billing: '814861', enterprise: '814862' };

export interface ContactRow {
	intercom_id: string;
	updated_at: string | number;
	email: string;
}
export interface ConversationRow {
	intercom_id: string;
	updated_at: string | number;
	state: string;
	part_count: number | string;
	team_assignee_id: string;
}

/** Every record changed since `since` is one row holding its current version; no row of anything else, no duplicates. */
export function compareTables(sb: RunningSandbox, since: number, contacts: ContactRow[], conversations: ConversationRow[], parts: Array<{ intercom_id: string; conversation_id: string }>): string[] {
	const problems: string[] = [];
	const ws = sb.workspace;
	const once = (kind: string, ids: string[]) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) problems.push(`${kind} ${id}: more than one row`);
			seen.add(id);
		}
		return seen;
	};
	const contactIds = once('contact', contacts.map((r) => String(r.intercom_id)));
	for (const c of ws.contacts.all().filter((c) => c.updated_at >= since)) if (!contactIds.has(c.id)) problems.push(`contact ${c.id}: no row`);
	for (const row of contacts) {
		const c = ws.contact(String(row.intercom_id));
		if (!c) problems.push(`contact ${row.intercom_id}: not in Intercom`);
		else if (Number(row.updated_at) !== c.updated_at || row.email !== c.email) problems.push(`contact ${c.id}: row has updated_at ${row.updated_at}, Intercom ${c.updated_at}`);
	}
	const conversationIds = once('conversation', conversations.map((r) => String(r.intercom_id)));
	const changed = ws.conversations.all().filter((c) => c.updated_at >= since);
	for (const c of changed) if (!conversationIds.has(c.id)) problems.push(`conversation ${c.id}: no row`);
	for (const row of conversations) {
		const c = ws.conversations.get(String(row.intercom_id));
		if (!c) problems.push(`conversation ${row.intercom_id}: not in Intercom`);
		else if (Number(row.updated_at) !== c.updated_at || row.state !== c.state || Number(row.part_count) !== c.parts.length || row.team_assignee_id !== String(c.team_assignee_id ?? '')) {
			problems.push(`conversation ${c.id}: row ${JSON.stringify(row)}, Intercom updated_at ${c.updated_at} state ${c.state} parts ${c.parts.length} team ${c.team_assignee_id}`);
		}
	}
	const partIds = once('part', parts.map((r) => String(r.intercom_id)));
	for (const c of changed) for (const p of c.parts) if (!partIds.has(p.id)) problems.push(`part ${p.id} of conversation ${c.id}: no row`);
	return problems;
}

export function assertSucceeded(run: ExecutionRun): void {
	const error = run.data.resultData.error;
	assert.equal(error, undefined, `the execution failed: ${error?.message ?? ''} ${error?.description ?? ''}`);
}

export function conversation(sb: RunningSandbox, id: string): ConversationRecord {
	const c = sb.workspace.conversations.get(id);
	assert.ok(c, `conversation ${id} exists`);
	return c;
}

export function plain(html: string | null | undefined): string {
	return String(html ?? '')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function publishedArticles(sb: RunningSandbox): ArticleRecord[] {
	return [...sb.workspace.articles.values()].filter((a) => a.state === 'published');
}

/** The routing rules of the example, restated: plan, then billing words, else Tier 1. */
export function expectedTeam(sb: RunningSandbox, c: ConversationRecord): { team: string; why: string } {
	const contact = sb.workspace.contact(c.contactIds[0]);
	const plan = String(contact?.custom_attributes.plan ?? '').toLowerCase();
	if (plan === 'enterprise' || plan === 'premium') return { team: TEAMS.enterprise, why: `plan ${plan}` };
	const text = plain(c.source.body).toLowerCase();
	const keyword = ['invoice', 'billing', 'refund', 'charge', 'payment', 'receipt', 'plan', 'pricing'].find((k) => new RegExp(`\\b${k}\\b`).test(text));
	return keyword ? { team: TEAMS.billing, why: `keyword ${keyword}` } : { team: TEAMS.general, why: 'no rule' };
}

export function routed(sb: RunningSandbox, ids: string[]): boolean {
	return ids.every((id) => {
		const c = sb.workspace.conversations.get(id);
		return !!c && c.team_assignee_id !== null && c.parts.some((p) => p.part_type === 'note' && String(p.body).includes('Routed to'));
	});
}

export function customerRepliesSince(sb: RunningSandbox, since: number): Array<{ conversationId: string; body: string; count: number }> {
	const out = new Map<string, { conversationId: string; body: string; count: number }>();
	for (const c of sb.workspace.conversations.all()) {
		for (const p of c.parts) {
			if (p.part_type !== 'comment' || (p.author.type !== 'user' && p.author.type !== 'lead') || p.created_at < since) continue;
			const key = `${c.id}|${plain(p.body)}`;
			const entry = out.get(key) ?? { conversationId: c.id, body: p.body ?? '', count: 0 };
			entry.count++;
			out.set(key, entry);
		}
	}
	return [...out.values()];
}

export function readFrontMatter(file: string): { front: Record<string, unknown>; body: string } {
	const text = fs.readFileSync(file, 'utf8');
	const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
	assert.ok(match, `${file} starts with front matter`);
	const front: Record<string, unknown> = {};
	for (const line of match[1].split('\n')) {
		const at = line.indexOf(': ');
		front[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
	}
	return { front, body: match[2] };
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

export function fileDiffers(folder: string, a: ArticleRecord): string | undefined {
	const file = path.join(folder, `${a.id}.md`);
	if (!fs.existsSync(file)) return `${a.id}.md is missing`;
	const { front, body } = readFrontMatter(file);
	const expected = {
		id: a.id,
		title: a.title,
		description: a.description,
		state: 'published',
		author_id: a.author_id,
		updated_at: new Date(a.updated_at * 1000).toISOString(),
		created_at: new Date(a.created_at * 1000).toISOString(),
	};
	for (const [key, value] of Object.entries(expected)) {
		if (front[key] !== value) return `${a.id}.md: ${key} is ${JSON.stringify(front[key])}, the article has ${JSON.stringify(value)}`;
	}
	// The body's words, in order, with only Markdown's own marks added.
	if (words(body).join(' ') !== words(plain(a.body)).join(' ')) return `${a.id}.md: the body differs:\n${body}\nvs\n${a.body}`;
	return undefined;
}

export function assertFilesMatchArticles(folder: string, sb: RunningSandbox): void {
	const published = publishedArticles(sb);
	assert.deepEqual(
		fs.readdirSync(folder).sort(),
		published.map((a) => `${a.id}.md`).sort(),
		'one file per published article, none for drafts',
	);
	for (const a of published) assert.equal(fileDiffers(folder, a), undefined);
}

export interface FigureRow {
	day: string;
	team_id: string;
	opened: number;
	closed: number;
	replied: number;
	median_first_response_seconds: number | null;
}

/** The figures of the analytics example, computed from the sandbox's own records. */
export function expectedFigures(sb: RunningSandbox, from: number, to: number): FigureRow[] {
	const rows = new Map<string, FigureRow & { responses: number[] }>();
	const dayOf = (t: number) => new Date(Math.floor(t / DAY) * DAY * 1000).toISOString().slice(0, 10);
	const row = (day: string, team: string) => {
		const key = `${day}|${team}`;
		if (!rows.has(key)) rows.set(key, { day, team_id: team, opened: 0, closed: 0, replied: 0, median_first_response_seconds: null, responses: [] });
		return rows.get(key)!;
	};
	for (const c of sb.workspace.conversations.all()) {
		const team = c.team_assignee_id ? String(c.team_assignee_id) : 'unassigned';
		if (c.created_at >= from && c.created_at < to) {
			const r = row(dayOf(c.created_at), team);
			r.opened++;
			if (typeof c.statistics.first_admin_reply_at === 'number') {
				r.replied++;
				r.responses.push(c.statistics.first_admin_reply_at - c.created_at);
			}
		}
		const closedAt = c.statistics.last_close_at;
		if (typeof closedAt === 'number' && closedAt >= from && closedAt < to) row(dayOf(closedAt), team).closed++;
	}
	return [...rows.values()]
		.map(({ responses, ...r }) => {
			const sorted = [...responses].sort((a, b) => a - b);
			const mid = Math.floor(sorted.length / 2);
			const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
			return { ...r, median_first_response_seconds: median };
		})
		.sort((a, b) => a.day.localeCompare(b.day) || a.team_id.localeCompare(b.team_id));
}
