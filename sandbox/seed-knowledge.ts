/**
 * Seed data for internal articles and the Fin Content Library. It draws from its own PRNG, so
 * adding it left every other seeded record exactly as it was.
 */
import { Prng } from './prng';
import { createInternalArticle, createSource, upsertPage } from './store/knowledge-ops';
import type { Workspace } from './store/workspace';

const TOPICS = ['Refunds', 'Escalations', 'SSO setup', 'Data retention', 'Invoices', 'Outages', 'VIP customers', 'Trials', 'Chargebacks', 'Onboarding calls'];
const KINDS = ['How we handle', 'Playbook:', 'Checklist for', 'FAQ:'];
/** Knowledge Hub folders the seeded internal articles sit in (search filters by them); some sit in none. */
export const SEEDED_FOLDERS = ['101', '102', '103'];
const INTERNAL_ARTICLES = 32;
const PAGE_TOPICS = ['Getting started', 'Billing', 'Integrations', 'Security', 'Troubleshooting', 'API limits', 'Exports', 'Roles'];

export function seedKnowledge(ws: Workspace, seed: number, options: { endAt: number }): void {
	const admins = [...ws.admins.keys()];
	if (admins.length === 0) return;
	const rng = new Prng(`knowledge:${seed}`);
	const span = 120 * 24 * 3600;
	for (let i = 0; i < INTERNAL_ARTICLES; i++) {
		const topic = TOPICS[i % TOPICS.length];
		const title = `${rng.pick(KINDS)} ${topic.toLowerCase()} (${i + 1})`;
		const at = options.endAt - span + Math.floor((span * i) / INTERNAL_ARTICLES);
		const folder = i % 4 === 3 ? null : SEEDED_FOLDERS[i % 4];
		const author = rng.pick(admins);
		createInternalArticle(
			ws,
			{ title, body: `<p>${topic}: what to check first, who to ask, and what to tell the customer.</p>`, author_id: Number(author), owner_id: Number(rng.chance(0.5) ? author : rng.pick(admins)) },
			folder,
			at,
		);
	}
	// A help site Intercom syncs on its own, a source written through the API, and a manual one.
	const synced = createSource(ws, { url: 'https://support.example.com/us' }, 'automatic', options.endAt - span);
	const api = createSource(ws, { url: 'https://docs.example.com' }, 'api', options.endAt - span);
	createSource(ws, { url: 'https://wiki.example.com', status: 'deactivated' }, 'manual', options.endAt - span);
	for (const [source, count, viaApi] of [[synced, 40, false], [api, 24, true]] as const) {
		for (let i = 0; i < count; i++) {
			const topic = PAGE_TOPICS[i % PAGE_TOPICS.length];
			const at = options.endAt - span + Math.floor((span * i) / count);
			upsertPage(
				ws,
				{
					title: `${topic} ${i + 1}`,
					html: `<h1>${topic}</h1><p>Part ${i + 1} of the ${topic.toLowerCase()} guide.</p>`,
					url: `${source.url}/articles/${i + 1}`,
					ai_agent_availability: true,
					ai_copilot_availability: rng.chance(0.8),
					source_id: source.id,
					external_id: String(i + 1),
				},
				viaApi,
				at,
			);
		}
	}
}
