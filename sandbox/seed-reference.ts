/**
 * Seed data for the small reference collections: admins, teams, tags,
 * segments, subscription types, help centers, ticket types, away status
 * reasons, data attributes, articles and a few activity log entries.
 */
import type { Prng } from './prng';
import type { Workspace } from './store/workspace';
import type { ArticleRecord, DataAttributeRecord } from './store/types';
import { FIRST_NAMES, LAST_NAMES } from './seed-names';

const JOB_TITLES = ['Support Engineer', 'Customer Success Manager', 'Head of Support', 'Solutions Engineer', 'Support Lead'];
const TEAM_NAMES = ['Tier 1 Support', 'Billing', 'Enterprise', 'Onboarding', 'Escalations'];
const TAG_NAMES = ['vip', 'churn-risk', 'beta', 'enterprise', 'billing', 'bug', 'feature-request', 'onboarding', 'partner', 'trial', 'renewal', 'nps-detractor', 'nps-promoter', 'press'];
const ARTICLE_TOPICS = ['Getting started', 'Resetting your password', 'Billing and invoices', 'Exporting data', 'Single sign-on', 'Using the API', 'Inviting teammates', 'Webhooks', 'Mobile apps', 'Security overview', 'Plans and pricing', 'Integrations'];

export interface ReferenceSeedOptions {
	admins: number;
	teams: number;
	tags: number;
	articles: number;
	startAt: number;
	endAt: number;
}

export function seedReferenceData(ws: Workspace, rng: Prng, o: ReferenceSeedOptions): void {
	const t0 = o.startAt;
	const teamIds: string[] = [];
	for (let i = 0; i < o.teams; i++) {
		const id = ws.nextNumericId('team');
		teamIds.push(id);
		ws.teams.set(id, { id, name: TEAM_NAMES[i % TEAM_NAMES.length] + (i >= TEAM_NAMES.length ? ` ${i + 1}` : ''), admin_ids: [] });
	}
	for (let i = 0; i < Math.max(1, o.admins); i++) {
		const id = ws.nextNumericId('admin');
		const first = FIRST_NAMES[(i * 7) % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 5) % LAST_NAMES.length];
		const teams = teamIds.length > 0 ? [teamIds[i % teamIds.length]] : [];
		for (const teamId of teams) ws.teams.get(teamId)?.admin_ids.push(Number(id));
		ws.admins.set(id, {
			id,
			name: `${first} ${last}`,
			email: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@support.example.com`,
			job_title: JOB_TITLES[i % JOB_TITLES.length],
			avatar: i % 2 === 0 ? `https://static.example.com/avatars/${id}.png` : null,
			away_mode_enabled: i > 0 && rng.chance(0.25),
			away_mode_reassign: false,
			away_status_reason_id: null,
			has_inbox_seat: true,
			team_ids: teams.map(Number),
			email_verified: true,
		});
		if (i === 0) ws.meAdminId = id;
	}
	for (let i = 0; i < o.tags; i++) {
		const id = ws.nextNumericId('tag');
		const name = TAG_NAMES[i % TAG_NAMES.length] + (i >= TAG_NAMES.length ? `-${i + 1}` : '');
		ws.tags.set(id, { id, name, created_at: t0 });
	}
	const reasons: [string, string][] = [['On a break', '☕'], ['In a meeting', '📅'], ['Out for lunch', '🥪']];
	reasons.forEach(([label, emoji], i) => {
		const id = ws.nextNumericId('misc');
		ws.awayStatusReasons.set(id, { id, label, emoji, order: i + 1, created_at: t0, updated_at: t0 });
	});
	const vipTag = [...ws.tags.values()].find((t) => t.name === 'vip');
	const segments: [string, 'user' | 'contact', (c: import('./store/types').ContactRecord) => boolean][] = [
		['All users', 'user', (c) => c.role === 'user'],
		['All leads', 'contact', (c) => c.role === 'lead'],
		['VIP customers', 'user', (c) => c.custom_attributes.vip === true || (!!vipTag && c.tags.some((t) => t.tagId === vipTag.id))],
		['Enterprise plan', 'user', (c) => c.custom_attributes.plan === 'enterprise'],
	];
	for (const [name, personType, matches] of segments) {
		const id = ws.nextObjectId(t0);
		ws.segments.set(id, { id, name, person_type: personType, created_at: t0, updated_at: t0, matches });
	}
	const subscriptions: [string, string, 'opt_in' | 'opt_out'][] = [
		['Newsletter', 'Monthly product news', 'opt_out'],
		['Product updates', 'Release notes as they ship', 'opt_in'],
	];
	for (const [name, summary, consent] of subscriptions) {
		const id = ws.nextNumericId('misc');
		ws.subscriptionTypes.set(id, { id, name, summary, consent_type: consent, state: 'live', content_types: ['email'] });
	}
	const helpCenterIds: string[] = [];
	for (const [identifier, displayName] of [['help', 'Help Center'], ['developers', 'Developer Docs']]) {
		const id = ws.nextNumericId('misc');
		helpCenterIds.push(id);
		ws.helpCenters.set(id, { id, identifier, display_name: displayName, website_turned_on: true, created_at: t0, updated_at: t0 });
	}
	for (const [name, category, icon] of [['Bug report', 'Customer', '🐞'], ['Refund request', 'Back-office', '💸']] as const) {
		const id = ws.nextNumericId('misc');
		ws.ticketTypes.set(id, {
			id,
			name,
			category,
			icon,
			description: `${name} tickets`,
			created_at: t0,
			updated_at: t0,
			attributes: [
				{ id: ws.nextNumericId('misc'), name: '_default_title_', data_type: 'string', required: false },
				{ id: ws.nextNumericId('misc'), name: '_default_description_', data_type: 'string', required: false },
			],
		});
	}
	seedDataAttributes(ws, t0);
	seedArticles(ws, rng, o, helpCenterIds);
	const admins = [...ws.admins.values()];
	for (let i = 0; i < Math.min(5, admins.length); i++) {
		const at = o.endAt - (5 - i) * 86400;
		ws.activityLogs.insert({
			id: ws.nextNumericId('misc'),
			created_at: at,
			adminId: admins[i].id,
			activity_type: 'admin_away_mode_change',
			activity_description: `${admins[i].name} changed their away mode.`,
			metadata: { away_mode: admins[i].away_mode_enabled, reassign_conversations: false },
		});
	}
}

function seedDataAttributes(ws: Workspace, t0: number): void {
	const add = (model: DataAttributeRecord['model'], name: string, dataType: DataAttributeRecord['data_type'], custom: boolean, options?: string[]) => {
		const record: DataAttributeRecord = {
			id: ws.dataAttributes.length + 1,
			model,
			name,
			full_name: custom ? `custom_attributes.${name}` : name,
			label: name.replace(/_/g, ' ').replace(/^./, (ch) => ch.toUpperCase()),
			description: '',
			data_type: dataType,
			custom,
			archived: false,
			api_writable: true,
			created_at: t0,
			updated_at: t0,
		};
		if (options) record.options = options;
		ws.dataAttributes.push(record);
	};
	for (const [name, type] of [['name', 'string'], ['email', 'string'], ['phone', 'string'], ['external_id', 'string'], ['created_at', 'date'], ['updated_at', 'date'], ['last_seen_at', 'date'], ['signed_up_at', 'date'], ['owner_id', 'integer'], ['unsubscribed_from_emails', 'boolean']] as const) {
		add('contact', name, type, false);
	}
	add('contact', 'plan', 'string', true, ['free', 'starter', 'pro', 'enterprise']);
	add('contact', 'seats', 'integer', true);
	add('contact', 'vip', 'boolean', true);
	add('contact', 'signup_source', 'string', true);
	add('contact', 'renewal_date', 'date', true);
	for (const [name, type] of [['name', 'string'], ['company_id', 'string'], ['monthly_spend', 'float'], ['size', 'integer'], ['plan', 'string']] as const) {
		add('company', name, type, false);
	}
	add('company', 'account_tier', 'string', true, ['bronze', 'silver', 'gold']);
	add('conversation', 'issue_type', 'string', true, ['bug', 'question', 'billing']);
	add('conversation', 'severity', 'integer', true);
}

function seedArticles(ws: Workspace, rng: Prng, o: ReferenceSeedOptions, helpCenterIds: string[]): void {
	const admins = [...ws.admins.keys()];
	const step = Math.max(1, Math.floor((o.endAt - o.startAt) / Math.max(1, o.articles)));
	for (let i = 0; i < o.articles; i++) {
		const createdAt = o.startAt + i * step;
		const updatedAt = createdAt + rng.int(0, o.endAt - createdAt);
		const topic = ARTICLE_TOPICS[i % ARTICLE_TOPICS.length] + (i >= ARTICLE_TOPICS.length ? ` (part ${Math.floor(i / ARTICLE_TOPICS.length) + 1})` : '');
		const state = rng.chance(0.75) ? 'published' : 'draft';
		const authorId = Number(rng.pick(admins));
		const article: ArticleRecord = {
			id: ws.nextNumericId('article'),
			created_at: createdAt,
			updated_at: updatedAt,
			title: topic,
			description: `How to handle ${topic.toLowerCase()}`,
			body: `<p>${topic}: step-by-step instructions for the sandbox workspace.</p>`,
			author_id: authorId,
			state,
			parent_id: null,
			parent_type: null,
			help_center_id: Number(helpCenterIds[i % helpCenterIds.length] ?? 0),
			default_locale: 'en',
			translations: {},
			tagIds: [],
			views: rng.int(0, 5000),
			reactions: rng.int(0, 200),
		};
		if (rng.chance(0.4)) {
			article.translations.fr = {
				title: `${topic} (FR)`,
				description: `Guide : ${topic.toLowerCase()}`,
				body: `<p>${topic} — instructions en français.</p>`,
				author_id: authorId,
				state,
				created_at: createdAt,
				updated_at: updatedAt,
			};
		}
		ws.articles.set(article.id, article);
	}
}
